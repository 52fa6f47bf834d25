namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// The limits an uploaded spreadsheet must stay within before and while it is read. They exist because an upload is
/// untrusted input: a 10 MB .xlsx can inflate to gigabytes (zip bomb) or hold millions of rows, and the portal must
/// refuse such files with a clear message instead of running out of memory.
/// </summary>
/// <param name="MaxBytes">The largest file accepted, as uploaded.</param>
/// <param name="MaxDataRows">The most rows <see cref="SpreadsheetFile.Rows"/> yields (title and header rows included; trailing blank rows are not yielded and do not count).</param>
/// <param name="MaxUncompressedBytes">The most bytes all entries of an .xlsx may inflate to, declared and actual.</param>
/// <param name="MaxCompressionRatio">The highest inflated/compressed ratio of one .xlsx entry larger than 1 MiB.</param>
/// <param name="MaxCells">
/// The most work one reading of the sheet may do, counted in cells: every row read, blank rows included, counts its
/// width from column A to its last value, and at least 1. It bounds the CPU a small file can cost (a few thousand
/// rows each claiming thousands of columns, or millions of blank rows) whatever the format.
/// </param>
public sealed record SpreadsheetLimits(
    long MaxBytes = 10 * 1024 * 1024,
    int MaxDataRows = 100_000,
    long MaxUncompressedBytes = 200L * 1024 * 1024,
    double MaxCompressionRatio = 100,
    long MaxCells = 10_000_000);
