namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>What the workbook part needs to know about a sheet once its XML is written: name, part, print titles, visibility.</summary>
/// <param name="Name">The final (valid, unique) sheet name.</param>
/// <param name="PartNumber">N of xl/worksheets/sheetN.xml.</param>
/// <param name="HeaderRow">The 1-based header row repeated on every printed page, or null for none.</param>
/// <param name="Hidden">The hidden "lists" sheet.</param>
internal sealed record WrittenSheet(string Name, int PartNumber, int? HeaderRow, bool Hidden);
