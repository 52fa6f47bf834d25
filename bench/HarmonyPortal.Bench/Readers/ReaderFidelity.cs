using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace HarmonyPortal.Bench.Readers;

/// <summary>
/// What each reader gives the import, beside its speed: every cell's text (as the import would see it) compared with
/// the portal reader's, row by row with their Excel row numbers; and the cost of a small file whose &lt;dimension&gt;
/// claims the whole width of a sheet (the portal reads rows as wide as their last value, never as wide as a file says).
/// </summary>
internal static class ReaderFidelity
{
    /// <summary>Rows of the declared-width file (--wide-rows; 3 by default: MiniExcel spends seconds on each).</summary>
    public static int WideRows { get; set; } = 3;

    /// <summary>Cells whose text differs from the portal's, per reader; prints the count per column and an example.</summary>
    public static Dictionary<string, long> Compare(string file)
    {
        var differences = new Dictionary<string, long> { ["portal"] = 0 };
        foreach (var reader in ReaderCandidates.Names.Where(r => r != "portal"))
        {
            var perColumn = new SortedDictionary<int, (long Count, string Example)>();
            long total = 0;
            using var expected = ReaderCandidates.Read("portal", file).GetEnumerator();
            using var actual = ReaderCandidates.Read(reader, file).GetEnumerator();
            while (true)
            {
                var hasExpected = expected.MoveNext();
                var hasActual = actual.MoveNext();
                if (!hasExpected && !hasActual)
                {
                    break;
                }

                var (row, want) = hasExpected ? expected.Current : (0, []);
                var (actualRow, got) = hasActual ? actual.Current : (0, []);
                if (row != actualRow)
                {
                    // a missing or extra row: count it once and resynchronise no further (the numbers would all be off)
                    Note(perColumn, -1, $"row {row} read as row {actualRow}");
                    total++;
                    if (!hasExpected || !hasActual)
                    {
                        break;
                    }

                    continue;
                }

                for (var c = 0; c < Math.Max(want.Length, got.Length); c++)
                {
                    var w = c < want.Length ? want[c] : null;
                    var g = c < got.Length ? got[c] : null;
                    if (w != g)
                    {
                        total++;
                        Note(perColumn, c, $"{LedgerUploadWorkbook.Column(c)}{row}: portal \"{Show(w)}\", {reader} \"{Show(g)}\"");
                    }
                }
            }

            differences[reader] = total;
            Console.WriteLine($"{reader}: {total:N0} cells differ from the portal's text{(total == 0 ? "" : ":")}");
            foreach (var (column, (count, example)) in perColumn)
            {
                Console.WriteLine($"  {(column < 0 ? "rows" : "column " + LedgerUploadWorkbook.Column(column))}: {count:N0}, e.g. {example}");
            }
        }

        return differences;
    }

    /// <summary>Seconds each reader takes over <see cref="WideRows"/> one-cell rows under &lt;dimension ref="A1:XFD…"/&gt; (a file of a few kilobytes).</summary>
    public static Dictionary<string, double> DeclaredWidth(string folder)
    {
        var file = Path.Combine(folder, "declared-width.xlsx");
        WriteDeclaredWidth(file, WideRows);
        Console.WriteLine($"{WideRows:N0} one-cell rows whose <dimension> claims 16,384 columns ({new FileInfo(file).Length / 1024.0:0} KB):");
        var seconds = new Dictionary<string, double>();
        foreach (var reader in ReaderCandidates.Names)
        {
            var stopwatch = Stopwatch.StartNew();
            var rows = ReaderCandidates.Read(reader, file).Count();
            seconds[reader] = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine($"  {reader,-18} {seconds[reader],8:0.000} s ({rows:N0} rows)");
        }

        return seconds;
    }

    private static void WriteDeclaredWidth(string path, int rows)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        var sheet = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD{rows.ToString(CultureInfo.InvariantCulture)}"/><sheetData>""");
        for (var r = 1; r <= rows; r++)
        {
            var n = r.ToString(CultureInfo.InvariantCulture);
            sheet.Append($"""<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>第{n}行</t></is></c></row>""");
        }

        sheet.Append("</sheetData></worksheet>");
        Part(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        Part(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static void Note(SortedDictionary<int, (long Count, string Example)> perColumn, int column, string example) =>
        perColumn[column] = perColumn.TryGetValue(column, out var seen) ? (seen.Count + 1, seen.Example) : (1, example);

    private static string Show(string? text) => text is null ? "(empty)" : text.Replace("\r", "\\r", StringComparison.Ordinal);
}
