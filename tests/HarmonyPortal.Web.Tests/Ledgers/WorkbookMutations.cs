using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// Damaged variants of a valid .xlsx, made deterministically from a seed: cut and flipped bytes, missing and corrupt
/// zip entries, broken and hostile XML, huge strings, values of the wrong type, merged cells, formulas, empty sheets,
/// bad cell references, and files that are not workbooks at all.
/// </summary>
public sealed partial class WorkbookMutations(byte[] valid, int seed)
{
    private readonly Random random = new(seed);

    public sealed record Mutant(string Kind, string FileName, byte[] Bytes);

    public IEnumerable<Mutant> Take(int count)
    {
        var kinds = Kinds();
        for (var i = 0; i < count; i++)
        {
            var (kind, make) = kinds[i % kinds.Count];
            var fileName = random.Next(20) switch { 0 => "台账.xls", 1 => "台账.XLSX", 2 => "台账", _ => "台账.xlsx" };
            yield return new Mutant(kind, fileName, make());
        }
    }

    private List<(string, Func<byte[]>)> Kinds() =>
    [
        ("truncated", () => valid[..random.Next(1, valid.Length)]),
        ("flipped bytes", () => Bytes(b => { for (var n = random.Next(1, 17); n > 0; n--) b[random.Next(b.Length)] ^= (byte)random.Next(1, 256); })),
        ("zeroed range", () => Bytes(b => Array.Clear(b, random.Next(b.Length / 2), random.Next(1, b.Length / 4)))),
        ("inserted garbage", () => [.. valid.Take(random.Next(valid.Length)), .. Garbage(random.Next(1, 200)), .. valid.Skip(random.Next(valid.Length))]),
        ("trailing garbage", () => [.. valid, .. Garbage(random.Next(1, 5000))]),
        ("entry removed", () => Zip(e => e.Remove(e.Keys.ElementAt(random.Next(e.Count))))),
        ("entry corrupted", () => Zip(e => { var k = e.Keys.ElementAt(random.Next(e.Count)); e[k] = Garbage(random.Next(1, 2000)); })),
        ("sheet xml cut", () => SheetXml(x => x[..random.Next(x.Length)])),
        ("sheet xml malformed", () => SheetXml(x => Pick(["</row>", "</c>", "<sheetData>", "\"", ">"]) is var t && x.Contains(t) ? ReplaceAt(x, t, Pick(["</rwo>", "<c>", "<sheetData", "'", ""])) : x + "<")),
        ("huge string", () => SheetXml(x => ReplaceText(x, new string(Pick(['王', 'x', '1']), random.Next(40_000, 400_000))))),
        ("wrong type", () => SheetXml(x => ReplaceCell(x, Pick(["<c><v>abc</v></c>", "<c><v>1e308</v></c>", "<c><v>-1</v></c>", "<c><v>NaN</v></c>", "<c t=\"b\"><v>7</v></c>", "<c t=\"d\"><v>yesterday</v></c>"])))),
        ("id as number", () => SheetXml(x => ReplaceCell(x, "<c><v>1.10105194912310E+17</v></c>"))),
        ("bad dates", () => SheetXml(x => ReplaceText(x, Pick(["2019-13-45", "00/00/0000", "昨天", "9999999", "-5"])))),
        ("merged cells", () => SheetXml(x => x.Replace("</sheetData>", $"</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A{random.Next(1, 6)}:{Pick(["B", "F", "O", "Z"])}{random.Next(4, 12)}\"/></mergeCells>"))),
        ("formula", () => SheetXml(x => ReplaceCell(x, Pick(["<c t=\"str\"><f>HYPERLINK(\"http://example.com\",\"点击\")</f><v>点击</v></c>", "<c t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>", "<c><f>SUM(A1:A9)</f><v>3</v></c>", "<c t=\"str\"><f>cmd|' /C calc'!A0</f><v>=1+1</v></c>"])))),
        ("empty sheet", () => SheetXml(x => SheetData().Replace(x, "<sheetData/>"))),
        ("rows repeated", () => SheetXml(x => LastRow().Replace(x, m => string.Concat(Enumerable.Repeat(m.Value, random.Next(2, 300)))))),
        ("bad cell reference", () => SheetXml(x => ReplaceCell(x, $"<c r=\"{Pick(["XFD1048576", "A0", "ZZZZ1", "1A", "", "A-1"])}\" t=\"inlineStr\"><is><t>x</t></is></c>"))),
        ("xml entity bomb", () => SheetXml(x => Regex.Replace(x, @"^<\?xml[^>]*\?>", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>").Replace("</sheetData>", "<row><c t=\"inlineStr\"><is><t>&c;</t></is></c></row></sheetData>"))),
        ("control characters", () => SheetXml(x => ReplaceText(x, Pick(["\u0001", "&#1;", "&#xFFFE;", "\uD800", "a\0b"])))),
        ("shared string missing", () => SheetXml(x => ReplaceCell(x, $"<c t=\"s\"><v>{random.Next(0, 100_000)}</v></c>"))),
        ("far column", () => SheetXml(x => x.Replace("</row>", "<c r=\"XFD9\" t=\"inlineStr\"><is><t>远</t></is></c></row>"))),
        ("workbook points nowhere", () => Zip(e => e["xl/_rels/workbook.xml.rels"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(e["xl/_rels/workbook.xml.rels"]).Replace("worksheets/sheet1.xml", "worksheets/missing.xml")))),
        ("wrong encoding declared", () => SheetXml(x => x.Replace("encoding=\"utf-8\"", "encoding=\"utf-16\"", StringComparison.OrdinalIgnoreCase).Replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"utf-16\"?>"))),
        ("not a workbook", () => Pick<Func<byte[]>>([
            () => Garbage(random.Next(0, 4000)),
            () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Garbage(random.Next(0, 4000))],
            () => "%PDF-1.4\n%%EOF"u8.ToArray(),
            () => "<html><body>表格</body></html>"u8.ToArray(),
            () => "序号,姓名\n1,王芳\n"u8.ToArray(),
            () => Zip(e => { e.Clear(); e["word/document.xml"] = "<w/>"u8.ToArray(); }),
        ])()),
    ];

    private byte[] Bytes(Action<byte[]> change)
    {
        var copy = (byte[])valid.Clone();
        change(copy);
        return copy;
    }

    private byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Changes the XML of the first worksheet, the one the import reads.</summary>
    private byte[] SheetXml(Func<string, string> change) => Zip(e =>
    {
        var sheet = e.Keys.Where(k => k.StartsWith("xl/worksheets/", StringComparison.Ordinal) && k.EndsWith(".xml", StringComparison.Ordinal)).Order().First();
        e[sheet] = Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(e[sheet])));
    });

    private byte[] Zip(Action<Dictionary<string, byte[]>> change)
    {
        var entries = new Dictionary<string, byte[]>();
        using (var archive = new ZipArchive(new MemoryStream(valid), ZipArchiveMode.Read))
        {
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                entries[entry.FullName] = copy.ToArray();
            }
        }

        change(entries);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>Replaces one random occurrence of <paramref name="token"/>.</summary>
    private string ReplaceAt(string xml, string token, string with)
    {
        var starts = Regex.Matches(xml, Regex.Escape(token)).Select(m => m.Index).ToList();
        var at = starts[random.Next(starts.Count)];
        return string.Concat(xml.AsSpan(0, at), with, xml.AsSpan(at + token.Length));
    }

    /// <summary>Replaces the text of one random inline-string cell (header or data).</summary>
    private string ReplaceText(string xml, string text)
    {
        var cells = Texts().Matches(xml);
        if (cells.Count == 0)
        {
            return xml.Replace("</sheetData>", $"<row><c t=\"inlineStr\"><is><t>{text}</t></is></c></row></sheetData>");
        }

        var cell = cells[random.Next(cells.Count)].Groups[1];
        return string.Concat(xml.AsSpan(0, cell.Index), text, xml.AsSpan(cell.Index + cell.Length));
    }

    /// <summary>Replaces one random cell of the last rows (the data) with <paramref name="cell"/>.</summary>
    private string ReplaceCell(string xml, string cell)
    {
        var cells = Cells().Matches(xml);
        if (cells.Count == 0)
        {
            return xml.Replace("</sheetData>", $"<row>{cell}</row></sheetData>");
        }

        var target = cells[random.Next(cells.Count / 2, cells.Count)];
        return string.Concat(xml.AsSpan(0, target.Index), cell, xml.AsSpan(target.Index + target.Length));
    }

    [GeneratedRegex("<t(?: [^>]*)?>([^<]*)</t>")]
    private static partial Regex Texts();

    [GeneratedRegex("<c(?: [^>]*)?(?:/>|>.*?</c>)")]
    private static partial Regex Cells();

    [GeneratedRegex("<sheetData>.*</sheetData>", RegexOptions.Singleline)]
    private static partial Regex SheetData();

    [GeneratedRegex("<row(?: [^>]*)?>(?:(?!<row).)*</row>(?=</sheetData>)", RegexOptions.Singleline)]
    private static partial Regex LastRow();
}
