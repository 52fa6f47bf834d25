using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace HarmonyPortal.Bench.Readers;

/// <summary>
/// A ledger upload as Excel or WPS saves it (not as the portal's own writer writes it): a merged title row and a merged
/// 填报单位 line above the header, text in the shared-string table, some text as inline strings, ID numbers and codes
/// typed as text (18 digits, leading zeros), dates as numbers under the built-in date format 14, Chinese Excel's
/// built-in 31 (yyyy"年"m"月"d"日") and a custom 年月日 format, a date column where some clerks typed "2020.05" as text,
/// formulas sharing one definition with their cached text, #N/A errors, rich text with a phonetic guide, an escaped
/// carriage return (_x000D_) and a blank row. Twelve columns, written with the cell references and the
/// &lt;dimension&gt; Excel writes. Every reader of the benchmark reads this same file.
/// </summary>
internal static class LedgerUploadWorkbook
{
    public const int Columns = 12;

    /// <summary>The first data row (rows 1–2: merged title and 填报单位 line; row 3: header).</summary>
    public const int FirstDataRow = 4;

    private static readonly string[] Headers = ["序号", "姓名", "身份证号码", "性别", "出生日期", "工作单位", "职务", "参加工作时间", "联系电话", "工号", "任职日期", "备注"];

    private static readonly int EpochDay = new DateOnly(1899, 12, 30).DayNumber;

    /// <summary>The row after this many data rows is left blank (a gap the readers must number correctly).</summary>
    public static int BlankRowAfter(int rows) => rows / 2;

    public static void Write(string path, int rows, string countyCode = "430602")
    {
        var strings = new SharedStrings();
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        var blankAfter = BlankRowAfter(rows);
        var lastRow = FirstDataRow + rows; // one blank row inside
        using (var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16))
        {
            sheet.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:L{lastRow}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="13.5"/><sheetData>""");
            sheet.Write($"""<row r="1" spans="1:12"><c r="A1" t="s"><v>{strings.Index("劳动关系协调员情况表")}</v></c></row>""");
            sheet.Write($"""<row r="2" spans="1:12"><c r="A2" t="s"><v>{strings.Index("填报单位：岳阳楼区人力资源和社会保障局　　填报日期：2026年11月22日")}</v></c></row>""");
            sheet.Write("""<row r="3" spans="1:12">""");
            for (var c = 0; c < Columns; c++)
            {
                sheet.Write($"""<c r="{Column(c)}3" t="s"><v>{strings.Index(Headers[c])}</v></c>""");
            }

            sheet.Write("</row>");
            var r = FirstDataRow;
            for (var i = 1; i <= rows; i++, r++)
            {
                if (i == blankAfter + 1)
                {
                    r++; // a blank row, left out of the XML as Excel leaves it
                }

                WriteRow(sheet, strings, i, r, countyCode);
            }

            sheet.Write($"""</sheetData><mergeCells count="2"><mergeCell ref="A1:L1"/><mergeCell ref="A2:L2"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>""");
        }

        WritePart(zip, "xl/sharedStrings.xml", strings.Xml());
        WritePart(zip, "xl/styles.xml", Styles);
        WritePart(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="协调员" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">协调员!$3:$3</definedName></definedNames></workbook>""");
        WritePart(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
        WritePart(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        WritePart(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
    }

    /// <summary>Cell styles: 0 general, 1 date (built-in 14), 2 text (@), 3 Chinese date (built-in 31), 4 custom 年月日.</summary>
    private const string Styles = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";

    private static void WriteRow(StreamWriter sheet, SharedStrings strings, int i, int r, string countyCode)
    {
        var person = BenchPeople.Person(i, countyCode);
        var row = r.ToString(CultureInfo.InvariantCulture);
        sheet.Write($"""<row r="{row}" spans="1:12">""");
        sheet.Write($"""<c r="A{row}"><v>{i}</v></c>""");
        sheet.Write($"""<c r="B{row}" t="s"><v>{strings.Index(person.Name)}</v></c>""");
        sheet.Write($"""<c r="C{row}" s="2" t="s"><v>{strings.Index(person.IdNumber)}</v></c>""");
        sheet.Write($"""<c r="D{row}" t="s"><v>{strings.Index(person.Male ? "男" : "女")}</v></c>""");
        sheet.Write($"""<c r="E{row}" s="1"><v>{Serial(new DateOnly(1965, 1, 1).AddDays(i / 365 % 13_000))}</v></c>""");
        sheet.Write($"""<c r="F{row}" t="s"><v>{strings.Index("岳阳市" + BenchPeople.Company(i))}</v></c>""");
        sheet.Write($"""<c r="G{row}" t="s"><v>{strings.Index(i % 5 == 0 ? "人事经理" : "人事专员")}</v></c>""");
        sheet.Write($"""<c r="H{row}" s="3"><v>{Serial(new DateOnly(2008, 7, 1).AddDays(i % 5000))}</v></c>""");
        var phone = i % 7 == 0 ? "0730-" + (8_200_000 + i % 100_000).ToString(CultureInfo.InvariantCulture) : person.Mobile;
        sheet.Write($"""<c r="I{row}" s="2" t="inlineStr"><is><t>{phone}</t></is></c>""");
        sheet.Write($"""<c r="J{row}" s="2" t="inlineStr"><is><t>{(i % 100_000).ToString("D6", CultureInfo.InvariantCulture)}</t></is></c>""");
        if (i % 100 == 0)
        {
            // typed as text into a date-formatted column, as clerks do ("2020.05")
            sheet.Write($"""<c r="K{row}" s="4" t="s"><v>{strings.Index("20" + (10 + i % 15).ToString(CultureInfo.InvariantCulture) + ".0" + (1 + i % 9).ToString(CultureInfo.InvariantCulture))}</v></c>""");
        }
        else
        {
            sheet.Write($"""<c r="K{row}" s="4"><v>{Serial(new DateOnly(2018, 3, 1).AddDays(i % 1500))}</v></c>""");
        }

        if (i % 250 == 0)
        {
            sheet.Write($"""<c r="L{row}" t="s"><v>{strings.Rich("曾", "任调解员", "zēng")}</v></c>""");
        }
        else if (i % 50 == 0)
        {
            sheet.Write($"""<c r="L{row}" t="e"><f>VLOOKUP(C{row},名册!A:B,2,FALSE)</f><v>#N/A</v></c>""");
        }
        else if (i % 10 == 0)
        {
            // a shared formula: the first cell defines it, the others refer to it; all carry their cached text
            var formula = i == 10 ? $"""<f t="shared" ref="L{row}:L1048576" si="0">IF(D{row}="男","男职工","女职工")</f>""" : """<f t="shared" si="0"/>""";
            sheet.Write($"""<c r="L{row}" t="str">{formula}<v>{(person.Male ? "男职工" : "女职工")}</v></c>""");
        }
        else if (i % 1000 == 1)
        {
            sheet.Write($"""<c r="L{row}" t="inlineStr"><is><t>调任_x000D_新单位</t></is></c>""");
        }

        sheet.Write("</row>");
    }

    internal static string Column(int index) => ((char)('A' + index)).ToString();

    private static string Serial(DateOnly date) => (date.DayNumber - EpochDay).ToString(CultureInfo.InvariantCulture);

    private static void WritePart(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>The shared-string table, each text once, in first-use order.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly StringBuilder _items = new();
        private int _uses;

        public int Index(string text)
        {
            _uses++;
            if (!_index.TryGetValue(text, out var index))
            {
                index = _index.Count;
                _index.Add(text, index);
                _items.Append("<si><t>").Append(SecurityElement.Escape(text)).Append("</t></si>");
            }

            return index;
        }

        /// <summary>A rich-text item of two runs and a phonetic guide (which is not part of the cell's text).</summary>
        public int Rich(string first, string second, string phonetic)
        {
            var key = "\u0001" + first + second;
            _uses++;
            if (!_index.TryGetValue(key, out var index))
            {
                index = _index.Count;
                _index.Add(key, index);
                _items.Append($"""<si><r><rPr><b/><sz val="11"/></rPr><t>{first}</t></r><r><t>{second}</t></r><rPh sb="0" eb="1"><t>{phonetic}</t></rPh><phoneticPr fontId="0" type="noConversion"/></si>""");
            }

            return index;
        }

        public string Xml() =>
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{_uses}" uniqueCount="{_index.Count}">{_items}</sst>""";
    }
}
