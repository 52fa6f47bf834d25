namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// One sheet of a written workbook: name, columns, the optional title and subtitle rows above the header, and how it
/// prints. It exists because every ledger (台账) export and template has the same layout — a merged title, a
/// "填报单位 / 填报日期" line, a header row that is frozen and repeated on every printed A4 page — and that layout
/// should be declared, not re-coded per ledger.
/// </summary>
/// <param name="Name">The sheet tab's name. Characters Excel forbids are replaced, it is cut to 31 characters and made unique in the workbook.</param>
/// <param name="Columns">The columns, left to right; at least one.</param>
public sealed record SheetSpec(string Name, IReadOnlyList<ColumnSpec> Columns)
{
    /// <summary>Row 1: bold 16 pt, merged across all columns, centred (e.g. "劳动关系协调员情况表").</summary>
    public string? Title { get; init; }

    /// <summary>The row under the title, merged across all columns (e.g. "填报单位：岳阳市君山区人社局　　填报日期：2026-11-22").</summary>
    public string? Subtitle { get; init; }

    /// <summary>Landscape (the default) or portrait. Either way the sheet prints on A4, one page wide, with the header row repeated on every page.</summary>
    public bool Landscape { get; init; } = true;

    /// <summary>Freezes the rows down to and including the header row, so the header stays visible while scrolling.</summary>
    public bool FreezeHeader { get; init; } = true;
}
