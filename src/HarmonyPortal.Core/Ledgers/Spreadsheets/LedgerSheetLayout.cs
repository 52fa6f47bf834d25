using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Spreadsheets;

namespace HarmonyPortal.Core.Ledgers.Spreadsheets;

/// <summary>The columns of a ledger's template and export, in the official form's order, typed for Excel.</summary>
public static class LedgerSheetLayout
{
    public const string SerialHeader = "序号";
    public const string RegionHeader = "地区";
    public const string ErrorHeader = "错误说明";

    /// <summary>The template's columns: a required column's header ends in " *", as the template's note says.</summary>
    public static IReadOnlyList<ColumnSpec> TemplateColumns(ILedgerDefinition definition) =>
        [new ColumnSpec(SerialHeader, 6), .. definition.Fields.Select(f => Column(f) with { Header = f.Required ? f.Header + RequiredMark : f.Header })];

    /// <summary>What marks a required column's header in the template; the reader ignores it.</summary>
    public const string RequiredMark = " *";

    public static IReadOnlyList<ColumnSpec> ExportColumns(ILedgerDefinition definition) =>
        [new ColumnSpec(SerialHeader, 6), new ColumnSpec(RegionHeader, 14), .. definition.Fields.Select(Column), new ColumnSpec("状态", 8)];

    public static ColumnSpec Column(ILedgerField field) => new(field.Header, field.Width)
    {
        DropDown = FieldValues.Options(field),
        Format = field.Kind switch
        {
            FieldKind.IdNumber or FieldKind.Phone or FieldKind.CreditCode => CellFormat.Text,
            FieldKind.Date => CellFormat.Date,
            FieldKind.WholeNumber => CellFormat.Integer,
            _ => CellFormat.General,
        },
    };

    /// <summary>A field's value as a typed cell; text is always written as text, never as a formula.</summary>
    public static CellValue Cell(ILedgerField field, object? value) => value switch
    {
        null => CellValue.Empty,
        DateOnly date => CellValue.Date(date),
        int number => CellValue.Number(number),
        string industry when field.Kind == FieldKind.Industry => CellValue.Text(CodeLists.Industries.Choice(industry)), // as the drop-down writes it
        _ => CellValue.Text(FieldValues.Format(field, value)),
    };
}
