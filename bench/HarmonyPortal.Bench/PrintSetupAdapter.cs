using System.IO.Compression;
using System.Security;
using System.Text;

namespace HarmonyPortal.Bench;

/// <summary>
/// The thinnest adapter that gives a SpreadCheetah 1.29.0 workbook what the library cannot write (ADR 0016): every
/// worksheet part gets <c>sheetPr/pageSetUpPr fitToPage</c> after its start tag and margins, A4 landscape one page
/// wide and the page-number footer before its end tag; the workbook part gets the print titles. A zip entry cannot be
/// edited in place, so every entry is inflated and deflated again into a new package — the cost this run measures.
/// Benchmark only; it knows the one-sheet ledger layout of <see cref="LedgerRows"/>.
/// </summary>
internal static class PrintSetupAdapter
{
    private static readonly byte[] SheetPr = Encoding.UTF8.GetBytes("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");

    private static readonly byte[] WorksheetEnd = Encoding.UTF8.GetBytes("</worksheet>");

    private static readonly byte[] PageSetup = Encoding.UTF8.GetBytes(
        "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        + "<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>");

    public static void Copy(Stream input, Stream output, CompressionLevel level, string sheetName, int headerRow)
    {
        using var source = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            using var from = entry.Open();
            using var to = target.CreateEntry(entry.FullName, level).Open();
            if (entry.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
            {
                CopyWorksheet(from, to);
            }
            else if (entry.FullName == "xl/workbook.xml")
            {
                using var reader = new StreamReader(from, Encoding.UTF8);
                var quoted = "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
                var titles = $"<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">{SecurityElement.Escape(quoted)}!${headerRow}:${headerRow}</definedName></definedNames>";
                var xml = reader.ReadToEnd().Replace("</sheets>", "</sheets>" + titles, StringComparison.Ordinal);
                to.Write(Encoding.UTF8.GetBytes(xml));
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    /// <summary>Streams one worksheet part, inserting after the worksheet's start tag and before its end tag.</summary>
    private static void CopyWorksheet(Stream from, Stream to)
    {
        var buffer = new byte[64 * 1024];
        var held = 0; // bytes at the start of buffer not yet written (the possible end tag)
        var headDone = false;
        int read;
        while ((read = from.Read(buffer, held, buffer.Length - held)) > 0)
        {
            var length = held + read;
            var start = 0;
            if (!headDone)
            {
                var open = buffer.AsSpan(0, length).IndexOf("<worksheet"u8);
                var close = open < 0 ? -1 : buffer.AsSpan(open, length - open).IndexOf((byte)'>');
                if (close < 0)
                {
                    throw new InvalidDataException("The worksheet's start tag is not in its first block.");
                }

                to.Write(buffer, 0, open + close + 1);
                to.Write(SheetPr);
                start = open + close + 1;
                headDone = true;
            }

            var keep = Math.Min(WorksheetEnd.Length, length - start);
            to.Write(buffer, start, length - start - keep);
            Buffer.BlockCopy(buffer, length - keep, buffer, 0, keep);
            held = keep;
        }

        if (!buffer.AsSpan(0, held).SequenceEqual(WorksheetEnd))
        {
            throw new InvalidDataException("The worksheet part does not end with its end tag.");
        }

        to.Write(PageSetup);
        to.Write(WorksheetEnd);
    }
}
