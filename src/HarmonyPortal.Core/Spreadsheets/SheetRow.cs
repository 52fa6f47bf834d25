namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// One row of an imported sheet. It exists so that import code reports problems by the row number the user sees in
/// Excel ("第 12 行…"), blank rows included, rather than by a position in a list.
/// </summary>
/// <param name="RowNumber">1-based, as Excel shows it.</param>
/// <param name="Cells">The row's cells from column A; every row of a sheet has the same count (the sheet's width).</param>
public sealed record SheetRow(int RowNumber, IReadOnlyList<SheetCell> Cells);
