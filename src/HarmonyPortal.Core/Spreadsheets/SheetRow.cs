namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// One row of an imported sheet. It exists so that import code reports problems by the row number the user sees in
/// Excel ("第 12 行…"), blank rows included, rather than by a position in a list.
/// </summary>
/// <param name="RowNumber">1-based, as Excel shows it.</param>
/// <param name="Cells">
/// The row's cells from column A, up to its last cell that holds a value (.xlsx and .xls alike); rows of one sheet
/// may differ in count and a blank row may have none. Index past the end means empty.
/// </param>
public sealed record SheetRow(int RowNumber, IReadOnlyList<SheetCell> Cells);
