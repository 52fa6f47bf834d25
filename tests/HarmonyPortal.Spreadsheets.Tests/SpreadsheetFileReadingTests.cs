using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Spreadsheets.Tests.Support;
using Xunit;

namespace HarmonyPortal.Spreadsheets.Tests;

/// <summary><see cref="SpreadsheetFile"/> on workbooks that open: what the writer wrote, hand-built .xlsx, and a BIFF8 .xls.</summary>
public class SpreadsheetFileReadingTests
{
    private static readonly SpreadsheetLimits Limits = new();

    [Fact]
    public void WhatTheWriterWrote_ReadsBack()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(new SheetSpec("台账", [
                new ColumnSpec("序号") { Format = CellFormat.Integer },
                new ColumnSpec("姓名"),
                new ColumnSpec("身份证号码") { Format = CellFormat.Text },
                new ColumnSpec("取证日期") { Format = CellFormat.Date },
                new ColumnSpec("比例") { Format = CellFormat.Percent },
                new ColumnSpec("金额"),
            ])
            { Title = "劳动关系协调员情况表", Subtitle = "填报单位：君山区" });
            w.WriteRow([CellValue.Number(1), "张三", "430611199001011234", CellValue.Date(new DateOnly(2024, 3, 15)), CellValue.Number(0.875), CellValue.Number(1234.56)]);
            w.WriteRow([CellValue.Number(2L), "李四 😀", "43061119851231002X", CellValue.Date(new DateOnly(1999, 12, 31)), CellValue.Number(1), CellValue.Number(-0.1)]);
            w.WriteRow([]);
            w.WriteRow([CellValue.Number(4), "=1+1", "", CellValue.Empty, CellValue.Number(110105), CellValue.Number(0.1 + 0.2)]);
        });

        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);
        var rows = file.Rows().ToList();

        Assert.Equal("xlsx", file.Format);
        Assert.Equal([new MergedRange(1, 1, 1, 6), new MergedRange(2, 1, 2, 6)], file.MergedRanges);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], rows.Select(r => r.RowNumber));
        Assert.Equal("劳动关系协调员情况表", rows[0].Cells[0].Text);
        Assert.Equal("填报单位：君山区", rows[1].Cells[0].Text);
        Assert.Equal(["序号", "姓名", "身份证号码", "取证日期", "比例", "金额"], rows[2].Cells.Select(c => c.Text));
        Assert.Equal(["1", "张三", "430611199001011234", "2024-03-15", "0.875", "1234.56"], rows[3].Cells.Select(c => c.Text));
        Assert.Equal(["2", "李四 😀", "43061119851231002X", "1999-12-31", "1", "-0.1"], rows[4].Cells.Select(c => c.Text));
        Assert.All(rows[5].Cells, c => Assert.True(c.IsEmpty));
        Assert.Equal(["4", "=1+1", null, null, "110105", "0.3"], rows[6].Cells.Select(c => c.Text));

        var first = rows[3].Cells;
        Assert.True(first[0].IsNumeric);
        Assert.Equal(1, first[0].Number);
        Assert.False(first[2].IsNumeric);
        Assert.Equal(new DateTime(2024, 3, 15), first[3].Date);
        Assert.False(first[3].IsNumeric);
        Assert.Equal(0.875, first[4].Number);
        Assert.False(rows[6].Cells[1].IsNumeric);
    }

    [Fact]
    public void Rows_CanBeEnumeratedAgain()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(new SheetSpec("S", [new ColumnSpec("A")]));
            w.WriteRow(["x"]);
        });
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);

        Assert.Equal(2, file.Rows().Count());
        Assert.Equal(2, file.Rows().Count());
    }

    [Fact]
    public void BlankRows_AreKeptWithTheirRowNumbers_TrailingBlankRowsAreNot()
    {
        var bytes = RawXlsx.Create(
            """
            <row r="2"><c r="A2" t="inlineStr"><is><t>标题</t></is></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>甲</t></is></c><c r="C4"><v>3</v></c></row>
            <row r="5"><c r="A5" s="0"/><c r="B5" s="0"/></row>
            <row r="7"><c r="B7" t="inlineStr"><is><t>乙</t></is></c></row>
            <row r="8" ht="20" customHeight="1"><c r="A8" s="0"/></row>
            <row r="9"><c r="A9" t="inlineStr"><is><t></t></is></c></row>
            """);

        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);
        var rows = file.Rows().ToList();

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], rows.Select(r => r.RowNumber));
        Assert.Equal([0, 1, 0, 3, 0, 0, 2], rows.Select(r => r.Cells.Count)); // each up to its last value; styled empty cells add none
        Assert.Equal([true, false, true, false, true, true, false], rows.Select(r => r.Cells.All(c => c.IsEmpty)));
        Assert.Equal("标题", rows[1].Cells[0].Text);
        Assert.Equal(["甲", null, "3"], rows[3].Cells.Select(c => c.Text));
        Assert.Equal([null, "乙"], rows[6].Cells.Select(c => c.Text));
        Assert.All(new[] { rows[0], rows[2], rows[4], rows[5] }, r => Assert.All(r.Cells, c => Assert.True(c.IsEmpty)));
    }

    [Fact]
    public void MergedRanges_AreReported()
    {
        var bytes = RawXlsx.Create(
            """<row r="1"><c r="A1" t="inlineStr"><is><t>表</t></is></c></row><row r="3"><c r="B3"><v>1</v></c></row>""",
            """<mergeCells count="3"><mergeCell ref="A1:F1"/><mergeCell ref="B3:B5"/><mergeCell ref="C3:D4"/></mergeCells>""");

        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);

        Assert.Equal([new MergedRange(1, 1, 1, 6), new MergedRange(3, 2, 5, 2), new MergedRange(3, 3, 4, 4)], file.MergedRanges);
    }

    [Fact]
    public void NumbersTypedIntoIdColumns_ShowTheLoss_AndOtherValuesReadAsUsersSeeThem()
    {
        var bytes = RawXlsx.Create(
            """
            <row r="1">
              <c r="A1"><v>110105194912310012</v></c>
              <c r="B1"><v>110105</v></c>
              <c r="C1" t="s"><v>0</v></c>
              <c r="D1" s="1"><v>46348</v></c>
              <c r="E1" s="2"><v>45366.5</v></c>
              <c r="F1" t="b"><v>1</v></c>
              <c r="G1" t="b"><v>0</v></c>
              <c r="H1"><v>999999999999999</v></c>
              <c r="I1"><v>1E+16</v></c>
              <c r="J1"><v>3.14159265358979323846</v></c>
              <c r="K1"><v>-42</v></c>
              <c r="L1" t="str"><f>A1&amp;""</f><v>公式结果</v></c>
            </row>
            """,
            sharedStrings: "<si><t>110105194912310012</t></si>");

        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);
        var cells = file.Rows().Single().Cells;

        Assert.True(cells[0].IsNumeric);
        Assert.Equal(110105194912310012d, cells[0].Number);
        Assert.Contains("E+17", cells[0].Text, StringComparison.Ordinal);
        Assert.NotEqual("110105194912310012", cells[0].Text);
        Assert.Equal("110105", cells[1].Text);
        Assert.True(cells[1].IsNumeric);
        Assert.Equal("110105194912310012", cells[2].Text);
        Assert.False(cells[2].IsNumeric);
        Assert.Equal("2026-11-22", cells[3].Text);
        Assert.Equal(new DateTime(2026, 11, 22), cells[3].Date);
        Assert.Equal("2024-03-15 12:00:00", cells[4].Text);
        Assert.Equal("TRUE", cells[5].Text);
        Assert.Equal("FALSE", cells[6].Text);
        Assert.Equal("999999999999999", cells[7].Text);
        Assert.Equal("10000000000000000", cells[8].Text); // "R" keeps 17 digits before switching to an exponent
        Assert.Equal("3.14159265358979", cells[9].Text);
        Assert.Equal("-42", cells[10].Text);
        Assert.Equal("公式结果", cells[11].Text);
    }

    [Fact]
    public void ChineseDateFormats_RichText_PhoneticGuides_AndEscapes_ReadAsExcelShowsThem()
    {
        const string main = RawXlsx.Main;
        var styles = $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{main}"><numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.00&quot;人&quot;"/><numFmt numFmtId="178" formatCode="[Red]#,##0;[Blue]-#,##0"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="31"/><xf numFmtId="177"/><xf numFmtId="178"/></cellXfs></styleSheet>""";
        var bytes = RawXlsx.Create(
            """
            <row r="1">
              <c r="A1" s="1"><v>46348</v></c>
              <c r="B1" s="2"><v>46348</v></c>
              <c r="C1" s="3"><v>120</v></c>
              <c r="D1" s="4"><v>46348</v></c>
              <c r="E1" t="s"><v>0</v></c>
              <c r="F1" t="s"><v>1</v></c>
              <c r="G1" t="inlineStr"><is><r><t>岳阳</t></r><r><rPr><b/></rPr><t xml:space="preserve">楼区 </t></r></is></c>
              <c r="H1"><v>0</v></c>
            </row>
            """,
            sharedStrings: "<si><r><t>张</t></r><r><t>三</t></r><rPh sb=\"0\" eb=\"1\"><t>ZHANG</t></rPh></si><si><t>A_x000D_B_x005F_x0041_</t></si>",
            styles: styles);

        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);
        var cells = file.Rows().Single().Cells;

        Assert.Equal(new DateTime(2026, 11, 22), cells[0].Date); // yyyy"年"m"月"d"日": the quoted 年月日 do not hide the date
        Assert.Equal(new DateTime(2026, 11, 22), cells[1].Date); // built-in 31, the Chinese long date
        Assert.Equal(("120", true), (cells[2].Text, cells[2].IsNumeric)); // 0.00"人": a number, not a date
        Assert.Equal(("46348", true), (cells[3].Text, cells[3].IsNumeric)); // [Red]: a colour, not a date
        Assert.Equal("张三", cells[4].Text); // rich-text runs joined, the phonetic guide left out
        Assert.Equal("A\rB_x0041_", cells[5].Text); // Excel's escapes decoded, the escaped underscore kept literal
        Assert.Equal("岳阳楼区 ", cells[6].Text);
        Assert.Equal("0", cells[7].Text);
    }

    [Fact]
    public void ErrorCells_AndSharedFormulas_ReadAsExcelShowsThem()
    {
        // ExcelDataReader reads an error cell as empty, so a lookup that failed would pass for a blank field (ADR 0017);
        // the portal keeps "#N/A" so the import names the cell. Shared formulas read as their cached values.
        var bytes = RawXlsx.Create(
            """
            <row r="1">
              <c r="A1" t="e"><f>VLOOKUP(C1,名册!A:B,2,FALSE)</f><v>#N/A</v></c>
              <c r="B1" t="str"><f t="shared" ref="B1:B2" si="0">IF(A2="男","男职工","女职工")</f><v>男职工</v></c>
            </row>
            <row r="2">
              <c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c>
              <c r="B2" t="str"><f t="shared" si="0"/><v>女职工</v></c>
              <c r="C2"><f t="shared" ref="C2:C3" si="1">A2*2</f><v>0012</v></c>
            </row>
            """);

        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);
        var rows = file.Rows().ToList();

        Assert.Equal(["#N/A", "男职工"], rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["#DIV/0!", "女职工", "12"], rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Xls_Biff8_IsRead()
    {
        var workbook = new Biff8Workbook { SheetName = "台账" }
            .Cell(0, 0, "劳动关系协调员情况表").Merge(0, 0, 0, 3)
            .Cell(1, 0, "姓名").Cell(1, 1, "身份证号码").Cell(1, 2, "取证日期").Cell(1, 3, "持证")
            .Cell(2, 0, "张三").Cell(2, 1, "430611199001011234", inline: true).Cell(2, 2, new DateOnly(2024, 3, 15)).Cell(2, 3, true)
            .Cell(4, 0, "李四").Cell(4, 1, 110105194912310012d).Cell(4, 2, new DateOnly(1999, 12, 31)).Cell(4, 3, false);
        for (var r = 5; r < 300; r++)
        {
            workbook.Cell(r, 0, (double)r);
        }

        var bytes = workbook.ToCompoundFile();

        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);
        var rows = file.Rows().ToList();

        Assert.Equal("xls", file.Format);
        Assert.Equal([new MergedRange(1, 1, 1, 4)], file.MergedRanges);
        Assert.Equal(Enumerable.Range(1, 300), rows.Select(r => r.RowNumber));
        Assert.Equal("劳动关系协调员情况表", rows[0].Cells[0].Text);
        Assert.Equal(["姓名", "身份证号码", "取证日期", "持证"], rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["张三", "430611199001011234", "2024-03-15", "TRUE"], rows[2].Cells.Select(c => c.Text));
        Assert.All(rows[3].Cells, c => Assert.True(c.IsEmpty));
        Assert.Equal("李四", rows[4].Cells[0].Text);
        Assert.True(rows[4].Cells[1].IsNumeric);
        Assert.Contains("E+17", rows[4].Cells[1].Text, StringComparison.Ordinal);
        Assert.Equal(new DateTime(1999, 12, 31), rows[4].Cells[2].Date);
        Assert.Equal("FALSE", rows[4].Cells[3].Text);
        Assert.Equal("299", rows[^1].Cells[0].Text);
    }

    [Fact]
    public void ForwardOnlyUpload_IsRead()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(new SheetSpec("S", [new ColumnSpec("A")]));
            w.WriteRow(["上传"]);
        });

        using var file = SpreadsheetFile.Open(new ForwardOnlyReadStream(new MemoryStream(bytes)), Limits);

        Assert.Equal("上传", file.Rows().Last().Cells[0].Text);
    }

    [Fact]
    public void RowsUpToTheLimit_AreRead()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(new SheetSpec("S", [new ColumnSpec("A")]));
            for (var i = 0; i < 999; i++)
            {
                w.WriteRow([CellValue.Number(i)]);
            }
        });

        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits with { MaxDataRows = 1000 });

        Assert.Equal(1000, file.Rows().Count());
    }
}
