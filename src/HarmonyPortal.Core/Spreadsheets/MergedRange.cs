namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// A merged block of cells in an imported sheet, 1-based and inclusive. It exists so that import code can recognise
/// a template's merged title and header cells (the value sits in the first cell only).
/// </summary>
public readonly record struct MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn);
