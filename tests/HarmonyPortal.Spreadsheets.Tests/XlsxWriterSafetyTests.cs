using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Spreadsheets.Tests.Support;
using Xunit;
using CellValue = HarmonyPortal.Core.Spreadsheets.CellValue;

namespace HarmonyPortal.Spreadsheets.Tests;

/// <summary>What <see cref="XlsxWriter"/> does with hostile or awkward input: formula-like text, illegal characters, bad sheet names, odd streams.</summary>
public partial class XlsxWriterSafetyTests
{
    private static readonly SheetSpec OneColumn = new("S", [new ColumnSpec("值")]);

    [Fact]
    public void FormulaLikeText_IsWrittenAsStrings_AndNoPartHasAFormula()
    {
        string[] injections = ["=1+1", "+1", "-1", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0"];
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(OneColumn with { Title = "=1+1", Subtitle = "@SUM(A1)" });
            foreach (var text in injections)
            {
                w.WriteRow([text]);
            }

            w.WriteRow([CellValue.Text("=A1"), CellValue.FromString("+A1")]);
        });

        using var document = Workbooks.Open(bytes);
        var worksheet = Workbooks.SheetPart(document, "S").Worksheet;
        var data = worksheet.Descendants<Row>().Where(r => r.RowIndex! > 3U).ToList();
        Assert.Equal(injections, data.Take(injections.Length).Select(r => Workbooks.Text(r.Elements<Cell>().Single())));
        Assert.All(worksheet.Descendants<Cell>().Where(c => c.CellValue is not null || c.InlineString is not null),
            c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        Assert.Empty(worksheet.Descendants<CellFormula>());
        Assert.All(Workbooks.Parts(bytes).Values, xml => Assert.DoesNotMatch(FormulaElement(), xml));
    }

    [Fact]
    public void CharactersIllegalInXml_AreStripped_AndTheRestKept()
    {
        var dirty = "张\u0000三\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800末\uDC00尾";
        var keep = "tab\there\nline\r\nCR\remoji 😀 end";
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(new SheetSpec("坏\u0001名", [new ColumnSpec("表\u0002头")]) { Title = "标\u0003题" });
            w.WriteRow([dirty]);
            w.WriteRow([keep]);
            w.WriteRow([" 前后空格 "]);
        });

        using var document = Workbooks.Open(bytes);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document));
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("坏名", sheet.Name!.Value);
        var worksheet = Workbooks.SheetPart(document, "坏名").Worksheet;
        Assert.Equal("标题", Workbooks.Text(Workbooks.CellAt(worksheet, "A1")));
        Assert.Equal("表头", Workbooks.Text(Workbooks.CellAt(worksheet, "A2")));
        Assert.Equal("张三末尾", Workbooks.Text(Workbooks.CellAt(worksheet, "A3")));
        Assert.Equal(keep, Workbooks.Text(Workbooks.CellAt(worksheet, "A4")));
        Assert.Equal(" 前后空格 ", Workbooks.Text(Workbooks.CellAt(worksheet, "A5")));
    }

    [Fact]
    public void ExcelEscapeSequencesInText_AreEscaped_SoTheyReadBackLiterally()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(OneColumn);
            w.WriteRow(["_x0041_ and _x005F_ stay"]);
        });

        var sheetXml = Workbooks.Parts(bytes)["xl/worksheets/sheet1.xml"];
        Assert.Contains("_x005F_x0041_ and _x005F_x005F_ stay", sheetXml, StringComparison.Ordinal);
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), new SpreadsheetLimits());
        Assert.Equal("_x0041_ and _x005F_ stay", file.Rows().Last().Cells[0].Text);
    }

    [Fact]
    public void MarkupCharactersEmojiAndLongMixedText_ReadBackExactly()
    {
        var markup = "<b>A&B</b> \"引号\" 'x' a > b && c < d ]]> &amp; \r\n末\r";
        // Long cells mixing one- to four-byte UTF-8 characters; in the second an emoji's surrogate pair straddles
        // every 8,192nd character.
        var mixed = string.Concat(Enumerable.Repeat("a£张😀", 5_000));
        var pairs = string.Concat(Enumerable.Repeat("张😀", 10_000));
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(OneColumn);
            w.WriteRow([markup]);
            w.WriteRow([mixed]);
            w.WriteRow([pairs]);
            w.WriteRow([CellValue.Number(-0.0), CellValue.Number(1e16), CellValue.Number(-123456789012345),
                CellValue.Number(0.1 + 0.2)]);
        });

        using var document = Workbooks.Open(bytes);
        var worksheet = Workbooks.SheetPart(document, "S").Worksheet;
        Assert.Equal(markup, Workbooks.Text(Workbooks.CellAt(worksheet, "A2")));
        Assert.Equal(mixed, Workbooks.Text(Workbooks.CellAt(worksheet, "A3")));
        Assert.Equal(pairs, Workbooks.Text(Workbooks.CellAt(worksheet, "A4")));
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), new SpreadsheetLimits());
        var rows = file.Rows().ToList();
        Assert.Equal([mixed, pairs], rows.Skip(2).Take(2).Select(r => r.Cells[0].Text));
        var sheetXml = Workbooks.Parts(bytes)["xl/worksheets/sheet1.xml"];
        Assert.Contains("<v>-0</v>", sheetXml, StringComparison.Ordinal);
        Assert.Contains($"<v>{1e16.ToString(CultureInfo.InvariantCulture)}</v>", sheetXml, StringComparison.Ordinal);
        Assert.Contains("<v>-123456789012345</v>", sheetXml, StringComparison.Ordinal);
        Assert.Contains("<v>0.30000000000000004</v>", sheetXml, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlongText_IsCutAtExcelsCellLimit()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(OneColumn);
            w.WriteRow([new string('长', 40_000)]);
        });

        using var document = Workbooks.Open(bytes);
        var text = Workbooks.Text(Workbooks.CellAt(Workbooks.SheetPart(document, "S").Worksheet, "A2"));
        Assert.Equal(32_767, text!.Length);
    }

    [Fact]
    public void SheetNames_AreMadeValidAndUnique()
    {
        string[] requested = ["台账", "台账", "TAI账".ToLowerInvariant(), "tai账", "a[b]c:d*e?f/g\\h", "这是一个非常非常长的工作表名称它超过了三十一个字符的限制啊啊啊再长一点", "这是一个非常非常长的工作表名称它超过了三十一个字符的限制啊啊啊再长一点", "'引号'", "", "lists", "History"];
        var bytes = Workbooks.Write(w =>
        {
            foreach (var name in requested)
            {
                w.StartSheet(new SheetSpec(name, [new ColumnSpec("A") { DropDown = Enumerable.Range(0, 100).Select(i => $"选项{i}").ToArray() }]));
                w.WriteRow(["x"]);
            }
        });

        using var document = Workbooks.Open(bytes);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(
            ["台账", "台账(2)", "tai账", "tai账(2)", "a_b_c_d_e_f_g_h", "这是一个非常非常长的工作表名称它超过了三十一个字符的限制啊啊啊", "这是一个非常非常长的工作表名称它超过了三十一个字符的限制(2)", "引号", "Sheet", "lists(2)", "History_", "lists"],
            names);
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document));
    }

    [Fact]
    public void SeveralSheets_EachHaveTheirRowsAndPrintTitles()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(new SheetSpec("一", [new ColumnSpec("甲"), new ColumnSpec("乙")]) { Title = "表一" });
            w.WriteRow(["1", "2"]);
            w.StartSheet(new SheetSpec("二", [new ColumnSpec("丙")]));
            w.WriteRow([CellValue.Number(3)]);
            w.WriteRow([CellValue.Number(4)]);
            w.StartSheet(new SheetSpec("三", [new ColumnSpec("丁")]));
        });

        using var document = Workbooks.Open(bytes);
        Assert.Equal(["一", "二", "三"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Equal(["'一'!$2:$2", "'二'!$1:$1", "'三'!$1:$1"],
            document.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Select(d => d.Text));
        Assert.Equal(["0", "1", "2"],
            document.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Select(d => d.LocalSheetId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["1", "2"], Workbooks.SheetPart(document, "一").Worksheet.Descendants<Row>().Last().Elements<Cell>().Select(Workbooks.Text));
        Assert.Equal(["3", "4"], Workbooks.SheetPart(document, "二").Worksheet.Descendants<Row>().Skip(1).Select(r => Workbooks.Text(r.Elements<Cell>().Single())));
        Assert.Single(Workbooks.SheetPart(document, "三").Worksheet.Descendants<Row>());
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document));
    }

    [Fact]
    public void NonSeekableOutput_IsWrittenForwardOnly()
    {
        using var target = new MemoryStream();
        var output = new NonSeekableStream(target);
        using (var writer = new XlsxWriter(output))
        {
            writer.StartSheet(OneColumn with { Title = "流式" });
            for (var i = 0; i < 5_000; i++)
            {
                writer.WriteRow([CellValue.Number(i)]);
            }
        }

        Assert.Equal(target.Length, output.Written);
        using var document = Workbooks.Open(target.ToArray());
        Assert.Equal(5_002, Workbooks.SheetPart(document, "S").Worksheet.Descendants<Row>().Count());
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document));
    }

    [Fact]
    public void LeaveOpen_KeepsTheOutputOpen_AndDisposeClosesItOtherwise()
    {
        var kept = new MemoryStream();
        new XlsxWriter(kept, leaveOpen: true).Dispose();
        Assert.True(kept.CanWrite);

        var closed = new MemoryStream();
        new XlsxWriter(closed).Dispose();
        Assert.False(closed.CanWrite);
    }

    [Fact]
    public void WorkbookWithoutSheets_StillOpens()
    {
        var bytes = Workbooks.Write(_ => { });

        using var document = Workbooks.Open(bytes);
        Assert.Equal(["Sheet1"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document));
    }

    [Fact]
    public void Misuse_IsRefusedClearly()
    {
        using var writer = new XlsxWriter(new MemoryStream());
        Assert.Throws<InvalidOperationException>(() => writer.WriteRow(["x"]));
        Assert.Throws<ArgumentException>(() => writer.StartSheet(new SheetSpec("空", [])));
        Assert.Throws<ArgumentOutOfRangeException>(() => CellValue.Number(double.NaN));
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.StartSheet(OneColumn));
    }

    [Fact]
    public void RowsWiderOrNarrowerThanTheColumns_AreWrittenWithBorders()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(new SheetSpec("S", [new ColumnSpec("A"), new ColumnSpec("B")]));
            w.WriteRow([]);
            w.WriteRow(["1", "2", "3"]);
        });

        using var document = Workbooks.Open(bytes);
        var rows = Workbooks.SheetPart(document, "S").Worksheet.Descendants<Row>().Skip(1).ToList();
        Assert.Equal(2, rows[0].Elements<Cell>().Count());
        Assert.Equal(["1", "2", "3"], rows[1].Elements<Cell>().Select(Workbooks.Text));
        Assert.Equal("3", Workbooks.Text(Workbooks.CellAt(Workbooks.SheetPart(document, "S").Worksheet, "C3")));
        Assert.All(rows.SelectMany(r => r.Elements<Cell>()), c => Assert.NotNull(c.StyleIndex));
    }

    [Fact]
    public void Dates_BecomeExcelSerialNumbers()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(OneColumn);
            w.WriteRow([CellValue.Date(new DateOnly(1900, 1, 1))]);
            w.WriteRow([CellValue.Date(new DateOnly(1900, 2, 28))]);
            w.WriteRow([CellValue.Date(new DateOnly(1900, 3, 1))]);
            w.WriteRow([CellValue.Date(new DateOnly(2026, 11, 22))]);
            w.WriteRow([CellValue.Date(new DateOnly(1899, 12, 31))]);
        });

        using var document = Workbooks.Open(bytes);
        var values = Workbooks.SheetPart(document, "S").Worksheet.Descendants<Row>().Skip(1).Select(r => Workbooks.Text(r.Elements<Cell>().Single()));
        Assert.Equal(["1", "59", "61", "46348", "1899-12-31"], values);
    }

    [GeneratedRegex("<(\\w+:)?f[ />]")]
    private static partial Regex FormulaElement();
}
