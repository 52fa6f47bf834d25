namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// How a column's cells are formatted in a written workbook. It exists so that a ledger column says once what it
/// holds: <see cref="Text"/> keeps ID numbers and phone numbers that users type into the template as text (Excel
/// would otherwise turn 18-digit IDs into 1.1E+17 and lose digits), <see cref="Date"/> shows serial numbers as dates.
/// </summary>
public enum CellFormat
{
    /// <summary>Excel's General format.</summary>
    General,

    /// <summary>The "@" format: what is typed stays text.</summary>
    Text,

    /// <summary>yyyy-mm-dd.</summary>
    Date,

    /// <summary>Whole numbers ("0").</summary>
#pragma warning disable CA1720 // The agreed API name: the format of whole numbers, not the CLR type.
    Integer,
#pragma warning restore CA1720

    /// <summary>Percentages with two decimals ("0.00%"); the cell holds the fraction (0.25 shows as 25.00%).</summary>
    Percent,
}
