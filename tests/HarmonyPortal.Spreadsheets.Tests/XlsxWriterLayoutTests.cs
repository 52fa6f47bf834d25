using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Spreadsheets.Tests.Support;
using Xunit;
using CellFormat = HarmonyPortal.Core.Spreadsheets.CellFormat;
using CellValue = HarmonyPortal.Core.Spreadsheets.CellValue;
using Xf = DocumentFormat.OpenXml.Spreadsheet.CellFormat;

namespace HarmonyPortal.Spreadsheets.Tests;

/// <summary>A ledger template written by <see cref="XlsxWriter"/> and read back with the Open XML SDK, part by part.</summary>
public class XlsxWriterLayoutTests
{
    private static readonly string[] Towns = Enumerable.Range(1, 40).Select(i => $"岳阳市君山区第{i}街道办事处").ToArray();

    private static readonly SheetSpec Ledger = new("协调员", [
        new ColumnSpec("序号", 6) { Format = CellFormat.Integer },
        new ColumnSpec("姓名", 10),
        new ColumnSpec("性别", 6) { DropDown = ["男", "女"] },
        new ColumnSpec("身份证号码", 22) { Format = CellFormat.Text },
        new ColumnSpec("所在街道", 30) { DropDown = Towns },
        new ColumnSpec("取证日期", 12) { Format = CellFormat.Date },
        new ColumnSpec("持证率", 10) { Format = CellFormat.Percent },
    ])
    {
        Title = "劳动关系协调员情况表",
        Subtitle = "填报单位：岳阳市君山区人社局　　填报日期：2026-11-22",
    };

    private static readonly CellValue[][] Rows =
    [
        [CellValue.Number(1), "张三", "男", "430611199001011234", Towns[0], CellValue.Date(new DateOnly(2024, 3, 15)), CellValue.Number(0.875)],
        [CellValue.Number(2), "李四", "女", "43061119851231002X", Towns[39], CellValue.Date(new DateOnly(1999, 12, 31)), CellValue.Number(1)],
        [CellValue.Number(3L), "王五", CellValue.Empty, "430611200002290011", "", CellValue.Empty, CellValue.Number(0.5)],
    ];

    private static readonly byte[] Written = Workbooks.Write(writer =>
    {
        writer.StartSheet(Ledger);
        foreach (var row in Rows)
        {
            writer.WriteRow(row);
        }
    });

    [Fact]
    public void Package_IsValidAgainstTheOpenXmlSchema()
    {
        using var document = Workbooks.Open(Written);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Sheets_AreTheLedgerAndTheHiddenListSheet()
    {
        using var document = Workbooks.Open(Written);

        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();

        Assert.Equal(["协调员", "lists"], sheets.Select(s => s.Name!.Value));
        Assert.Null(sheets[0].State);
        Assert.Equal(SheetStateValues.Hidden, sheets[1].State!.Value);
    }

    [Fact]
    public void TitleAndSubtitle_AreMergedAcrossAllColumnsAndStyled()
    {
        using var document = Workbooks.Open(Written);
        var worksheet = Workbooks.SheetPart(document, "协调员").Worksheet;
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

        Assert.Equal("劳动关系协调员情况表", Workbooks.Text(Workbooks.CellAt(worksheet, "A1")));
        Assert.Equal("填报单位：岳阳市君山区人社局　　填报日期：2026-11-22", Workbooks.Text(Workbooks.CellAt(worksheet, "A2")));
        Assert.Equal(["A1:G1", "A2:G2"], worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value));

        var titleFormat = (Xf)stylesheet.CellFormats!.ElementAt((int)Workbooks.CellAt(worksheet, "A1")!.StyleIndex!.Value);
        var titleFont = (Font)stylesheet.Fonts!.ElementAt((int)titleFormat.FontId!.Value);
        Assert.NotNull(titleFont.Bold);
        Assert.Equal(16, titleFont.FontSize!.Val!.Value);
        Assert.Equal(HorizontalAlignmentValues.Center, titleFormat.Alignment!.Horizontal!.Value);
    }

    [Fact]
    public void HeaderRow_IsBoldBorderedGreyWrappedAndCentred()
    {
        using var document = Workbooks.Open(Written);
        var worksheet = Workbooks.SheetPart(document, "协调员").Worksheet;
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

        var header = worksheet.Descendants<Row>().Single(r => r.RowIndex! == 3U);
        Assert.Equal(Ledger.Columns.Select(c => c.Header), header.Elements<Cell>().Select(Workbooks.Text));
        foreach (var cell in header.Elements<Cell>())
        {
            var format = (Xf)stylesheet.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);
            Assert.NotNull(((Font)stylesheet.Fonts!.ElementAt((int)format.FontId!.Value)).Bold);
            var fill = ((Fill)stylesheet.Fills!.ElementAt((int)format.FillId!.Value)).PatternFill!;
            Assert.Equal(PatternValues.Solid, fill.PatternType!.Value);
            Assert.Equal("FFD9D9D9", fill.ForegroundColor!.Rgb!.Value);
            var border = (Border)stylesheet.Borders!.ElementAt((int)format.BorderId!.Value);
            Assert.All(new BorderPropertiesType?[] { border.LeftBorder, border.RightBorder, border.TopBorder, border.BottomBorder },
                side => Assert.Equal(BorderStyleValues.Thin, side!.Style!.Value));
            Assert.True(format.Alignment!.WrapText!.Value);
            Assert.Equal(HorizontalAlignmentValues.Center, format.Alignment.Horizontal!.Value);
        }
    }

    [Fact]
    public void DataRows_HoldEveryValueWithTheColumnsFormats()
    {
        using var document = Workbooks.Open(Written);
        var worksheet = Workbooks.SheetPart(document, "协调员").Worksheet;
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var numberFormatOf = (Cell cell) =>
            ((Xf)stylesheet.CellFormats!.ElementAt((int)cell.StyleIndex!.Value)).NumberFormatId!.Value;

        var rows = worksheet.Descendants<Row>().Where(r => r.RowIndex! > 3U).ToList();
        Assert.Equal([4U, 5U, 6U], rows.Select(r => r.RowIndex!.Value));
        Assert.All(rows, r => Assert.Equal(7, r.Elements<Cell>().Count()));

        var first = rows[0].Elements<Cell>().ToList();
        Assert.Equal(["1", "张三", "男", "430611199001011234", Towns[0], "45366", "0.875"], first.Select(Workbooks.Text));
        Assert.Equal(CellValues.InlineString, first[3].DataType!.Value);
        Assert.Null(first[0].DataType);
        Assert.Equal(1U, numberFormatOf(first[0]));   // 0
        Assert.Equal(49U, numberFormatOf(first[3]));  // @
        Assert.Equal(164U, numberFormatOf(first[5])); // yyyy-mm-dd
        Assert.Equal(10U, numberFormatOf(first[6]));  // 0.00%
        Assert.Equal(@"yyyy\-mm\-dd", stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == 164U).FormatCode!.Value);

        Assert.Equal(["2", "李四", "女", "43061119851231002X", Towns[39], "36525", "1"], rows[1].Elements<Cell>().Select(Workbooks.Text));
        var third = rows[2].Elements<Cell>().ToList();
        Assert.Equal(["3", "王五", null, "430611200002290011", "", null, "0.5"], third.Select(Workbooks.Text));
        Assert.All(third, cell =>
        {
            var format = (Xf)stylesheet.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);
            Assert.Equal(BorderStyleValues.Thin, ((Border)stylesheet.Borders!.ElementAt((int)format.BorderId!.Value)).LeftBorder!.Style!.Value);
        });
    }

    [Fact]
    public void EveryCell_CarriesItsOwnReference_AsReadersSuchAsExceljsRequire()
    {
        // A wide row too: columns past Z and cells past the declared columns.
        var wide = Workbooks.Write(writer =>
        {
            writer.StartSheet(Ledger);
            writer.WriteRow([.. Rows[0], .. Enumerable.Range(0, 25).Select(i => CellValue.Number(i))]);
        });

        foreach (var bytes in new[] { Written, wide })
        {
            using var document = Workbooks.Open(bytes);
            foreach (var part in document.WorkbookPart!.WorksheetParts)
            {
                foreach (var row in part.Worksheet.Descendants<Row>())
                {
                    var expected = row.Elements<Cell>().Select((_, i) => (string?)(Letters(i + 1) + row.RowIndex!.Value)).ToList();
                    Assert.Equal(expected, row.Elements<Cell>().Select(c => c.CellReference?.Value).ToList());
                }
            }
        }

        using var written = Workbooks.Open(wide);
        var sheet = Workbooks.SheetPart(written, "协调员").Worksheet;
        Assert.Equal("24", Workbooks.Text(sheet.Descendants<Cell>().Single(c => c.CellReference?.Value == "AF4")));
    }

    private static string Letters(int column) => column <= 26 ? ((char)('A' + column - 1)).ToString() : Letters((column - 1) / 26) + (char)('A' + ((column - 1) % 26));

    [Fact]
    public void Pane_IsFrozenBelowTheHeaderRow()
    {
        using var document = Workbooks.Open(Written);
        var worksheet = Workbooks.SheetPart(document, "协调员").Worksheet;

        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(3, pane.VerticalSplit!.Value);
        Assert.Null(pane.HorizontalSplit);
        Assert.Equal("A4", pane.TopLeftCell!.Value);
    }

    [Fact]
    public void Columns_HaveTheRequestedWidthsAndTextAndDateDefaults()
    {
        using var document = Workbooks.Open(Written);
        var worksheet = Workbooks.SheetPart(document, "协调员").Worksheet;
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

        var columns = worksheet.Descendants<Column>().ToList();
        Assert.Equal(Ledger.Columns.Select(c => c.Width), columns.Select(c => c.Width!.Value));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (uint)i), columns.Select(c => c.Min!.Value));
        Assert.All(columns, c => Assert.True(c.CustomWidth!.Value));
        // Empty cells users fill in later keep the column's format: IDs typed into the template stay text.
        Assert.Equal(49U, ((Xf)stylesheet.CellFormats!.ElementAt((int)columns[3].Style!.Value)).NumberFormatId!.Value);
        Assert.Equal(164U, ((Xf)stylesheet.CellFormats!.ElementAt((int)columns[5].Style!.Value)).NumberFormatId!.Value);
    }

    [Fact]
    public void PageSetup_IsA4LandscapeOnePageWideWithTheHeaderRowRepeated()
    {
        using var document = Workbooks.Open(Written);
        var worksheet = Workbooks.SheetPart(document, "协调员").Worksheet;

        var setup = worksheet.Descendants<PageSetup>().Single();
        Assert.Equal(9U, setup.PaperSize!.Value);
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1U, setup.FitToWidth!.Value);
        Assert.Equal(0U, setup.FitToHeight!.Value);
        Assert.True(worksheet.Descendants<PageSetupProperties>().Single().FitToPage!.Value);

        var printTitles = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal("_xlnm.Print_Titles", printTitles.Name!.Value);
        Assert.Equal(0U, printTitles.LocalSheetId!.Value);
        Assert.Equal("'协调员'!$3:$3", printTitles.Text);
    }

    [Fact]
    public void DropDowns_ShortListInlineLongListOnTheHiddenSheet()
    {
        using var document = Workbooks.Open(Written);
        var worksheet = Workbooks.SheetPart(document, "协调员").Worksheet;

        var validations = worksheet.Descendants<DataValidation>().ToList();
        Assert.Equal(2, validations.Count);
        Assert.All(validations, v => Assert.Equal(DataValidationValues.List, v.Type!.Value));

        var gender = validations.Single(v => v.SequenceOfReferences!.InnerText == "C4:C100000");
        Assert.Equal("\"男,女\"", gender.Formula1!.Text);

        var town = validations.Single(v => v.SequenceOfReferences!.InnerText == "E4:E100000");
        Assert.True(string.Join(',', Towns).Length > 255);
        Assert.Equal("lists!$A$1:$A$40", town.Formula1!.Text);

        var lists = Workbooks.SheetPart(document, "lists").Worksheet;
        var values = lists.Descendants<Row>().Select(r => Workbooks.Text(r.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith('A'))));
        Assert.Equal(Towns, values);
    }

    [Fact]
    public void HeaderRow_IsTallEnoughForItsLongestWrappedHeader()
    {
        using var document = Workbooks.Open(Written);
        Assert.Null(Workbooks.SheetPart(document, "协调员").Worksheet.Descendants<Row>().Single(r => r.RowIndex! == 3U).Height);

        var bytes = Workbooks.Write(w => w.StartSheet(new SheetSpec("S", [new ColumnSpec("序号", 6), new ColumnSpec("备注（较长的表头文字会自动换行）", 14)])));
        using var wrapped = Workbooks.Open(bytes);
        var header = Workbooks.SheetPart(wrapped, "S").Worksheet.Descendants<Row>().Single();
        Assert.True(header.CustomHeight!.Value);
        Assert.InRange(header.Height!.Value, 3 * 14.25, 6 * 14.25 + 3);
    }

    [Fact]
    public void PortraitAndUnfrozen_AreHonoured()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(new SheetSpec("竖版", [new ColumnSpec("A")]) { Landscape = false, FreezeHeader = false });
            w.WriteRow(["x"]);
        });
        using var document = Workbooks.Open(bytes);
        var worksheet = Workbooks.SheetPart(document, "竖版").Worksheet;

        Assert.Equal(OrientationValues.Portrait, worksheet.Descendants<PageSetup>().Single().Orientation!.Value);
        Assert.Empty(worksheet.Descendants<Pane>());
        Assert.Equal("'竖版'!$1:$1", document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single().Text);
        Assert.Empty(worksheet.Descendants<MergeCell>());
    }
}
