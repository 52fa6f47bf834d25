using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.Spreadsheets;
using CellText = HarmonyPortal.Core.Ledgers.Fields.CellText;

namespace HarmonyPortal.Core.Ledgers.Spreadsheets;

/// <summary>A data row of an uploaded ledger workbook: its Excel row number and each field's text.</summary>
public sealed record ImportedRow(int RowNumber, Dictionary<string, string?> Values);

/// <summary>One reason an upload is refused: which row (0 for the file as a whole), which column, and why.</summary>
public sealed record ImportProblem(int RowNumber, string Column, string Message);

/// <summary>
/// Reads the rows of a ledger workbook as real offices send them: title rows above the header,
/// two-row headers with merged cells (附件8), blank rows, a 序号 column, header text with spaces
/// ("地 址"), and ID numbers that Excel turned into numbers.
/// </summary>
public static class LedgerSheetReader
{
    /// <summary>How far down the header may start (title and note rows above it).</summary>
    public const int HeaderSearchRows = 15;

    public static (List<ImportedRow> Rows, List<ImportProblem> Problems) Read(ILedgerDefinition definition, SpreadsheetFile file)
    {
        var problems = new List<ImportProblem>();
        var rows = Stream(definition, file, problems).ToList();
        return (rows, problems);
    }

    /// <summary>
    /// The data rows one by one, as the file is read (an import of 100,000 rows holds none of them longer than it
    /// needs). Problems are added to <paramref name="problems"/> as they are found; a problem of the whole file (no
    /// header, a missing column, no data row) ends the stream.
    /// </summary>
    /// <param name="added">The values for the portal-added columns the file lacks; it learns which those are (none when null).</param>
    public static IEnumerable<ImportedRow> Stream(ILedgerDefinition definition, SpreadsheetFile file, List<ImportProblem> problems, AddedColumns? added = null)
    {
        added ??= new AddedColumns(new Dictionary<string, string?>());
        var fill = new Dictionary<string, string?>();
        var count = 0;
        var columns = new Dictionary<string, int>();
        var headerEnd = 0;
        var headers = definition.Fields.ToDictionary(f => Squeeze(f.Header), f => f);
        var rowProblems = problems.Count;

        foreach (var row in file.Rows())
        {
            if (row.RowNumber <= HeaderSearchRows && MatchHeaders(row, headers, columns))
            {
                headerEnd = row.RowNumber;
                continue;
            }

            if (headerEnd == 0)
            {
                if (row.RowNumber > HeaderSearchRows)
                {
                    problems.Add(new ImportProblem(0, "", $"前 {HeaderSearchRows} 行中找不到表头（如“{definition.Fields[0].Header}”），请使用本台账的模板"));
                    yield break;
                }

                continue;
            }

            if (count == 0 && problems.Count == rowProblems && MissingColumns(definition, columns) is { Count: > 0 } missing)
            {
                problems.AddRange(missing.Select(f => new ImportProblem(0, f.Header, $"{f.Header}：文件中缺少此列")));
                yield break;
            }

            if (count == 0 && added.Absent.Count == 0)
            {
                Absent(definition, columns, added, fill);
            }

            if (ReadRow(definition, row, columns, problems, fill) is { } values)
            {
                count++;
                added.ApplyConditions(definition, row.RowNumber, values);
                yield return new ImportedRow(row.RowNumber, values);
            }
        }

        if (headerEnd == 0)
        {
            problems.Add(new ImportProblem(0, "", $"文件中找不到表头（如“{definition.Fields[0].Header}”），请使用本台账的模板"));
        }
        else if (count == 0 && problems.Count == rowProblems)
        {
            problems.AddRange(MissingColumns(definition, columns).Select(f => new ImportProblem(0, f.Header, $"{f.Header}：文件中缺少此列")));
            if (problems.Count == rowProblems)
            {
                problems.Add(new ImportProblem(0, "", "文件中没有数据行"));
            }
        }
    }

    /// <summary>Header text without any kind of space or the template's required mark, so "地 址", "地　址" and "地址 *" match "地址".</summary>
    public static string Squeeze(string? text) =>
        string.Concat((CellText.Normalize(text) ?? "").Where(c => !char.IsWhiteSpace(c) && c != '\u3000' && c != '*' && c != '＊'));

    private static bool MatchHeaders(SheetRow row, Dictionary<string, ILedgerField> headers, Dictionary<string, int> columns)
    {
        var matched = false;
        var unitColumn = -1;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var header = Squeeze(row.Cells[i].Text);
            if (headers.TryGetValue(header, out var field) && columns.TryAdd(field.Key, i))
            {
                matched = true;
            }
            else if (header == Offices.MemberUnits.ColumnHeader)
            {
                unitColumn = i;
            }
        }

        if (matched && unitColumn >= 0)
        {
            columns.TryAdd(Offices.MemberUnits.FieldKey, unitColumn); // the optional 责任单位 column, beside the ledger's own
        }

        return matched;
    }

    /// <summary>Required columns the file lacks that cannot take one value for the whole file (the form's own, an identity).</summary>
    private static List<ILedgerField> MissingColumns(ILedgerDefinition definition, Dictionary<string, int> columns) =>
        definition.Fields.Where(f => f.Required && !columns.ContainsKey(f.Key) && !(f.Added && AddedColumns.Choosable(definition, f))).ToList();

    /// <summary>Notes the added columns the file lacks and the value each row takes for them.</summary>
    private static void Absent(ILedgerDefinition definition, Dictionary<string, int> columns, AddedColumns added, Dictionary<string, string?> fill)
    {
        foreach (var field in definition.Fields.Where(f => f.Added && AddedColumns.Choosable(definition, f) && !columns.ContainsKey(f.Key)))
        {
            added.Absent.Add(field);
            fill[field.Key] = added.ValueFor(definition, field);
        }
    }

    private static Dictionary<string, string?>? ReadRow(ILedgerDefinition definition, SheetRow row, Dictionary<string, int> columns, List<ImportProblem> problems,
        Dictionary<string, string?> fill)
    {
        var values = new Dictionary<string, string?>(definition.Fields.Count);
        var any = false;
        foreach (var field in definition.Fields)
        {
            var cell = columns.TryGetValue(field.Key, out var index) && index < row.Cells.Count ? row.Cells[index] : default;
            if (cell.IsEmpty)
            {
                values[field.Key] = fill.GetValueOrDefault(field.Key); // a lacking added column takes the file's value; a blank row stays blank
                continue;
            }

            any = true;
            if (field.Kind == FieldKind.IdNumber && (cell.IsNumeric || IdNumber.LooksLikeLostPrecision(cell.Text, cell.IsNumeric)))
            {
                problems.Add(new ImportProblem(row.RowNumber, field.Header,
                    $"{field.Header}：该单元格是数字格式，Excel 已把号码改成“{cell.Text}”，丢失了末尾的数字；请把该列设为“文本”格式后重新输入完整的 18 位号码"));
                values[field.Key] = null;
                continue;
            }

            values[field.Key] = cell.Date is { } date && field.Kind == FieldKind.Date ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : cell.Text;
        }

        if (columns.TryGetValue(Offices.MemberUnits.FieldKey, out var unitIndex) && unitIndex < row.Cells.Count && !row.Cells[unitIndex].IsEmpty)
        {
            values[Offices.MemberUnits.FieldKey] = row.Cells[unitIndex].Text;
        }

        return any ? values : null;
    }
}
