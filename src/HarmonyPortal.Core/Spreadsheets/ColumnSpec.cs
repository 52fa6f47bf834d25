namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// One column of a written sheet: its header, its width and what its data cells hold. It exists so that the shape
/// of a ledger template (headers, widths, drop-downs, text-only ID columns) is declared in one place by the feature
/// that owns the ledger, while <see cref="XlsxWriter"/> knows only the file format.
/// </summary>
/// <param name="Header">The header cell's text.</param>
/// <param name="Width">Excel column width in characters of the default font. Chinese characters are about two wide: the caller decides.</param>
public sealed record ColumnSpec(string Header, double Width = 14)
{
    /// <summary>
    /// The allowed values for this column's data rows (a data-validation list from the row under the header down to
    /// row 100,000). A list whose literal would be longer than Excel's 255 characters, or whose values contain a comma
    /// or a double quote, is written to the hidden sheet "lists" and referenced from there.
    /// </summary>
    public IReadOnlyList<string>? DropDown { get; init; }

    /// <summary>The number format of this column's data cells and of the empty cells below them.</summary>
    public CellFormat Format { get; init; } = CellFormat.General;
}
