using System.Text;
using ExcelDataReader;
using HarmonyPortal.Core.Spreadsheets;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace HarmonyPortal.Bench.Readers;

/// <summary>
/// The .xlsx readers compared by the reader benchmark, each behind the same steps the import takes: the upload read
/// into memory under the size limit, the zip checked by the portal's <see cref="ZipGuard"/> (sizes, ratios,
/// encryption) before the parser sees a byte, then every row turned into the import's <see cref="SheetCell"/> texts
/// by the same <see cref="ReaderCells"/> rules. Only the parser differs:
/// "portal" (<see cref="SpreadsheetFile"/>, whose .xlsx reader is <see cref="XlsxSheetReader"/>), "miniexcel"
/// (MiniExcel 1.47.1's <c>Query</c>, its shared-string disk cache off, as the portal would have to run it: the cache
/// writes the shared strings — ID numbers — to files in the temp folder), "miniexcel-default" (its defaults), and
/// "exceldatareader" (ExcelDataReader 3.6.0, which reads the portal's .xls uploads).
/// </summary>
internal static class ReaderCandidates
{
    public static readonly string[] Names = ["portal", "miniexcel", "miniexcel-default", "exceldatareader"];

    /// <summary>Limits wide enough for the benchmark's files (the portal's own are 10 MB and 100,000 rows).</summary>
    public static readonly SpreadsheetLimits Limits = new(
        MaxBytes: 1L << 30, MaxDataRows: 2_000_000, MaxUncompressedBytes: 4L << 30, MaxCompressionRatio: 100, MaxCells: long.MaxValue);

    static ReaderCandidates() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The rows as (Excel row number, each cell's text up to the row's last value), blank rows yielded with no cells.</summary>
    public static IEnumerable<(int RowNumber, string?[] Texts)> Read(string reader, string file)
    {
        if (reader == "portal")
        {
            using var upload = File.OpenRead(file);
            using var sheet = SpreadsheetFile.Open(upload, Limits);
            foreach (var row in sheet.Rows())
            {
                yield return (row.RowNumber, row.Cells.Select(c => c.Text).ToArray());
            }

            yield break;
        }

        using var content = Guarded(file);
        var rows = reader switch
        {
            "miniexcel" => MiniExcelRows(content, new OpenXmlConfiguration { EnableSharedStringCache = false }),
            "miniexcel-default" => MiniExcelRows(content, null),
            "exceldatareader" => ExcelDataReaderRows(content),
            _ => throw new ArgumentException("unknown reader " + reader, nameof(reader)),
        };
        foreach (var (number, values) in rows)
        {
            yield return (number, Texts(values));
        }
    }

    /// <summary>The upload as the portal holds it, after the same size and zip checks as <see cref="SpreadsheetFile.Open"/>.</summary>
    private static MemoryStream Guarded(string file)
    {
        using var upload = File.OpenRead(file);
        var content = UploadBuffer.Read(upload, Limits.MaxBytes);
        ZipGuard.Check(content, Limits);
        content.Position = 0;
        return content;
    }

    /// <summary>MiniExcel's rows without a header row: keys "A", "B", … as wide as the sheet's dimension; blank rows filled in, so row n is the n-th.</summary>
    private static IEnumerable<(int, object?[])> MiniExcelRows(MemoryStream content, OpenXmlConfiguration? configuration)
    {
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(content, useHeaderRow: false, excelType: ExcelType.XLSX, configuration: configuration))
        {
            number++;
            yield return (number, [.. row.Values]);
        }
    }

    private static IEnumerable<(int, object?[])> ExcelDataReaderRows(MemoryStream content)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(content, new ExcelReaderConfiguration { LeaveOpen = true });
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.GetValue(i);
            }

            yield return (reader.Depth + 1, values);
        }
    }

    /// <summary>Each value's text by the import's rules; trailing empty cells dropped, as the portal's rows end at their last value.</summary>
    private static string?[] Texts(object?[] values)
    {
        var width = values.Length;
        while (width > 0 && ReaderCells.FromValue(values[width - 1]).IsEmpty)
        {
            width--;
        }

        var texts = new string?[width];
        for (var i = 0; i < width; i++)
        {
            texts[i] = ReaderCells.FromValue(values[i]).Text;
        }

        return texts;
    }
}
