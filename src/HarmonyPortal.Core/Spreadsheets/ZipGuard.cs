using System.Buffers;
using System.IO.Compression;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// Checks an uploaded .xlsx as a zip before any XML is parsed: it must be a readable zip holding a workbook, with no
/// encrypted entry, whose entries' declared sizes stay within the limits (sum and per-entry ratio) — and, since
/// declared sizes can lie, whose entries really inflate within the same limits, counted while inflating (memory
/// flat, at most the limit's worth of CPU). .NET itself stops inflating an entry at its declared size; the count
/// here does not rely on that. It exists because ExcelDataReader inflates whatever the zip says.
/// </summary>
internal static class ZipGuard
{
    /// <summary>Entries smaller than this are not held to the ratio: they cannot hurt, and tiny repetitive parts compress well.</summary>
    public const long RatioFloorBytes = 1024 * 1024;

    /// <summary>Real workbooks have tens of entries; a zip with more is refused before its entries cost memory.</summary>
    public const int MaxEntries = 10_000;

    public static void Check(MemoryStream content, SpreadsheetLimits limits)
    {
        using var view = new MemoryStream(content.GetBuffer(), 0, (int)content.Length, writable: false);
        try
        {
            using var zip = new ZipArchive(view, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > MaxEntries)
            {
                throw new SpreadsheetRejectedException(SpreadsheetMessages.ZipBomb);
            }

            CheckDeclared(entries, limits);
            CheckInflated(entries, limits);
        }
        catch (InvalidDataException ex)
        {
            throw new SpreadsheetRejectedException(SpreadsheetMessages.Corrupt, ex);
        }
        catch (NotSupportedException ex)
        {
            throw new SpreadsheetRejectedException(SpreadsheetMessages.Corrupt, ex);
        }
        catch (IOException ex)
        {
            throw new SpreadsheetRejectedException(SpreadsheetMessages.Corrupt, ex);
        }
    }

    private static void CheckDeclared(IReadOnlyCollection<ZipArchiveEntry> entries, SpreadsheetLimits limits)
    {
        var hasWorkbook = false;
        var hasBinaryWorkbook = false;
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.IsEncrypted)
            {
                throw new SpreadsheetRejectedException(SpreadsheetMessages.Encrypted);
            }

            total += entry.Length;
            if (total > limits.MaxUncompressedBytes || TooCompressed(entry.Length, entry.CompressedLength, limits)
                || SizesContradict(entry))
            {
                throw new SpreadsheetRejectedException(SpreadsheetMessages.ZipBomb);
            }

            hasWorkbook |= string.Equals(entry.FullName, "xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
            hasBinaryWorkbook |= string.Equals(entry.FullName, "xl/workbook.bin", StringComparison.OrdinalIgnoreCase);
        }

        if (!hasWorkbook)
        {
            throw new SpreadsheetRejectedException(hasBinaryWorkbook ? SpreadsheetMessages.BinaryWorkbook : SpreadsheetMessages.NotWorkbook);
        }
    }

    private static void CheckInflated(IReadOnlyCollection<ZipArchiveEntry> entries, SpreadsheetLimits limits)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            long total = 0;
            foreach (var entry in entries)
            {
                long inflated = 0;
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (total > limits.MaxUncompressedBytes || inflated > entry.Length
                        || TooCompressed(inflated, entry.CompressedLength, limits))
                    {
                        throw new SpreadsheetRejectedException(SpreadsheetMessages.ZipBomb);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Deflate never makes data more than a little larger (stored blocks add 5 bytes per 64 KiB), so compressed data
    /// much larger than its declared inflated size means the header lies. .NET stops inflating an entry at its declared
    /// size, so such a lie cannot inflate past the limits, but the file is refused as abnormal rather than read cut short.
    /// </summary>
    private static bool SizesContradict(ZipArchiveEntry entry) =>
        entry.CompressedLength > entry.Length + (entry.Length / 4096) + 4096;

    private static bool TooCompressed(long inflated, long compressed, SpreadsheetLimits limits) =>
        inflated > RatioFloorBytes && inflated > limits.MaxCompressionRatio * Math.Max(compressed, 1);
}
