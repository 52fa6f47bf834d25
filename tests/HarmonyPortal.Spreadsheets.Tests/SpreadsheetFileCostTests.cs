using System.Diagnostics;
using System.Text;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Spreadsheets.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Spreadsheets.Tests;

/// <summary>
/// What reading an upload may cost (issue 14, item 2): small .xls files that declare a huge sheet, millions of blank
/// rows, and cancellation. Each worst case is refused with a Chinese message or read in under 2 seconds of the
/// server's CPU. CPU, not wall time: the suite runs its test assemblies side by side on two cores, where a read of
/// 0.3 s took 2.1 s of wall time; this assembly runs one test at a time, so the process's CPU is the read's.
/// </summary>
public class SpreadsheetFileCostTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    private static readonly SpreadsheetLimits Limits = new();

    [Fact]
    public void SmallXls_OfTwoThousandRowsDeclaring65535Columns_IsRefusedQuickly_WithAChineseMessage()
    {
        // The tester's file: 2,000 rows of one value each, DIMENSIONS claiming 65,535 columns (22 s before the fix).
        var workbook = new Biff8Workbook { DeclaredColumns = ushort.MaxValue };
        for (var r = 0; r < 2_000; r++)
        {
            workbook.Cell(r, 0, (double)r);
        }

        var (elapsed, refused) = ReadAll(workbook.ToCompoundFile());

        Assert.True(elapsed < Budget, $"took {elapsed}");
        Assert.Equal(
            "文件声明的工作表范围（2000 行 × 65535 列）超出 Excel 97–2003 格式的上限（65536 行 × 256 列），文件不符合 .xls 格式。请在 Excel 或 WPS 中打开，另存为 .xlsx 后上传",
            refused?.Message);
    }

    [Fact]
    public void SmallXls_DeclaringAFullSheetOf65535Columns_IsRefusedQuickly()
    {
        // Rows 1 and 65,536 hold a value: ExcelDataReader walks every row between, each 65,535 cells wide (~12 min before).
        var bytes = new Biff8Workbook { DeclaredColumns = ushort.MaxValue, DeclaredRows = 65_536 }
            .Cell(0, 0, "表头").Cell(65_535, 0, 1d).ToCompoundFile();

        var (elapsed, refused) = ReadAll(bytes);

        Assert.True(elapsed < Budget, $"took {elapsed}");
        Assert.Contains("超出 Excel 97–2003 格式的上限", refused?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SmallXls_DeclaringTwoBillionRows_IsRefusedQuickly()
    {
        var bytes = new Biff8Workbook { DeclaredRows = int.MaxValue }.Cell(0, 0, "表头").Cell(1, 0, 1d).ToCompoundFile();

        var (elapsed, refused) = ReadAll(bytes);

        Assert.True(elapsed < Budget, $"took {elapsed}");
        Assert.Contains($"（{int.MaxValue} 行 × 1 列）超出 Excel 97–2003 格式的上限", refused?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XlsAsLargeAsTheFormatAllows_IsReadInUnderTwoSeconds_WithRowsAsWideAsTheirValues()
    {
        // The widest and longest sheet a real .xls can be: 65,536 rows × 256 columns declared, values at both ends.
        var bytes = new Biff8Workbook { DeclaredColumns = 256, DeclaredRows = 65_536 }
            .Cell(0, 0, "表头").Cell(0, 2, "第三列").Cell(65_535, 0, 1d).ToCompoundFile();
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);
        var clock = CpuClock.StartNew();

        var rows = file.Rows().ToList();

        output.WriteLine($"65,536 rows × 256 columns declared: {clock.Elapsed.TotalMilliseconds:0} ms of CPU");
        Assert.True(clock.Elapsed < Budget, $"took {clock.Elapsed}");
        Assert.Equal(65_536, rows.Count);
        Assert.Equal(3, rows[0].Cells.Count); // not 256: as wide as the last value, like .xlsx
        Assert.Equal(["表头", null, "第三列"], rows[0].Cells.Select(c => c.Text));
        Assert.Single(rows[^1].Cells);
    }

    [Fact]
    public void XlsRows_AreAsWideAsTheirLastValue_NotAsTheSheet()
    {
        var bytes = new Biff8Workbook().Cell(0, 0, "姓名").Cell(0, 1, "身份证号码").Cell(1, 0, "张三").Cell(2, 9, "备注").ToCompoundFile();
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);

        Assert.Equal([2, 1, 10], file.Rows().Select(r => r.Cells.Count));
    }

    [Fact]
    public void BlankXlsRows_CountAgainstTheCellBudget()
    {
        // 60,000 blank rows between two values: each row read costs at least one cell, so a budget of 50,000 refuses.
        var bytes = new Biff8Workbook { DeclaredRows = 60_002 }.Cell(0, 0, "表头").Cell(60_001, 0, 1d).ToCompoundFile();
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits with { MaxCells = 50_000 });

        var refused = Assert.Throws<SpreadsheetRejectedException>(() => file.Rows().Count());

        Assert.Equal("工作表内容过多（读取超过 50,000 个单元格，空行也计入），超出任何台账的规模，请删除多余的行和列或拆分后分批上传", refused.Message);
    }

    [Fact]
    public void BlankXlsxRows_CountAgainstTheCellBudget()
    {
        var blank = new StringBuilder("""<row r="1"><c r="A1" t="inlineStr"><is><t>表头</t></is></c></row>""");
        for (var r = 2; r <= 60_001; r++)
        {
            blank.Append("<row r=\"").Append(r).Append("\" ht=\"20\" customHeight=\"1\"/>");
        }

        blank.Append("""<row r="60002"><c r="A60002"><v>1</v></c></row>""");
        using var file = SpreadsheetFile.Open(new MemoryStream(RawXlsx.Create(blank.ToString())), Limits with { MaxCells = 50_000 });

        var refused = Assert.Throws<SpreadsheetRejectedException>(() => file.Rows().Count());

        Assert.Contains("读取超过 50,000 个单元格，空行也计入", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xls")]
    [InlineData("xlsx")]
    public void Cancellation_StopsReading_EvenAmongBlankRows(string format)
    {
        // Row 1, then 60,000 blank rows, then a value: once cancelled after row 1, the next read must stop at once
        // instead of walking the blank rows to the next value.
        var bytes = format == "xls"
            ? new Biff8Workbook { DeclaredRows = 60_002 }.Cell(0, 0, "表头").Cell(60_001, 0, 1d).ToCompoundFile()
            : RawXlsx.Create(string.Concat(Enumerable.Range(1, 60_002).Select(r => r == 1 || r == 60_002
                ? $"""<row r="{r}"><c r="A{r}"><v>1</v></c></row>"""
                : $"""<row r="{r}" ht="20" customHeight="1"/>""")));
        using var cancel = new CancellationTokenSource();
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits, cancel.Token);
        using var rows = file.Rows().GetEnumerator();

        Assert.True(rows.MoveNext());
        Assert.Equal(1, rows.Current.RowNumber);
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => rows.MoveNext());
    }

    [Fact]
    public void SmallXlsx_WhoseDimensionClaimsAllSixteenThousandColumns_IsReadAsWideAsItsValues_Quickly()
    {
        // A few kilobytes whose <dimension> claims A1:XFD1000: a reader that sizes rows by the dimension (MiniExcel 1.47.1
        // spends 3–4 s on each such row, ADR 0017) would take an hour here; the portal reads each row as wide as its value.
        var sheet = new StringBuilder();
        for (var r = 1; r <= 1_000; r++)
        {
            sheet.Append($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>第{r}行</t></is></c></row>");
        }

        var bytes = RawXlsx.Create(sheet.ToString(), beforeSheetData: "<dimension ref=\"A1:XFD1000\"/>");
        var clock = CpuClock.StartNew();
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);

        var rows = file.Rows().ToList();

        output.WriteLine(
            $"{bytes.Length:N0} bytes, 1,000 rows declared 16,384 wide: {clock.Elapsed.TotalMilliseconds:0} ms of CPU");
        Assert.True(clock.Elapsed < Budget, $"took {clock.Elapsed}");
        Assert.Equal(1_000, rows.Count);
        Assert.All(rows, row => Assert.Single(row.Cells));
        Assert.Equal("第1000行", rows[^1].Cells[0].Text);
    }

    private (TimeSpan Elapsed, SpreadsheetRejectedException? Refused) ReadAll(byte[] bytes)
    {
        var clock = CpuClock.StartNew();
        try
        {
            using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);
            var count = file.Rows().Count();
            output.WriteLine(
                $"{bytes.Length:N0} bytes: read {count} rows in {clock.Elapsed.TotalMilliseconds:0} ms of CPU");
            return (clock.Elapsed, null);
        }
        catch (SpreadsheetRejectedException refused)
        {
            output.WriteLine(
                $"{bytes.Length:N0} bytes: refused in {clock.Elapsed.TotalMilliseconds:0} ms of CPU: {refused.Message}");
            return (clock.Elapsed, refused);
        }
    }
}

/// <summary>The CPU time this process has used since it was started (all threads: the read's, the GC's).</summary>
internal sealed class CpuClock
{
    private readonly TimeSpan start = Used();

    public TimeSpan Elapsed => Used() - start;

    public static CpuClock StartNew() => new();

    private static TimeSpan Used()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
