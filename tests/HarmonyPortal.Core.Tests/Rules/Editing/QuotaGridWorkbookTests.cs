using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;
using HarmonyPortal.Core.Spreadsheets;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules.Editing;

public sealed class QuotaGridWorkbookTests
{
    private static readonly RuleSet Yueyang = SeedRuleSets.Load("yueyang-2021.json");

    private static QuotaGrid Grid() => QuotaGrid.Build(Yueyang, QuotaGridTests.YueyangScope());

    private static byte[] Download(QuotaGrid grid)
    {
        using var stream = new MemoryStream();
        QuotaGridWorkbook.Write(grid, stream);
        return stream.ToArray();
    }

    /// <summary>The workbook's rows as text, the way the reader sees them.</summary>
    private static List<string[]> Rows(byte[] bytes)
    {
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), QuotaGridWorkbook.Limits);
        return file.Rows().Select(r => r.Cells.Select(c => c.Text ?? "").ToArray()).ToList();
    }

    /// <summary>A workbook an office typed: a title row, then the given header and rows.</summary>
    private static byte[] Typed(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream, leaveOpen: true))
        {
            writer.StartSheet(new SheetSpec("Sheet1", header.Select(h => new ColumnSpec(h)).ToList()) { Title = "任务安排表" });
            foreach (var row in rows)
            {
                writer.WriteRow(row.Select(CellValue.Text).ToList());
            }
        }

        return stream.ToArray();
    }

    private static QuotaGridUpload Upload(QuotaGrid grid, byte[] bytes) => QuotaGridWorkbook.Read(grid, new MemoryStream(bytes), CancellationToken.None);

    [Fact]
    public void TheDownload_IsShapedLikeAttachment1()
    {
        var rows = Rows(Download(Grid()));

        Assert.Equal("岳阳市劳动关系“和谐同行”能力提升三年行动计划任务安排表", rows[0][0]);
        Assert.Equal("县区名称", rows[1][0]);
        Assert.Equal("集体协商提升计划", rows[1][1]);
        var service = Array.IndexOf(rows[1], "新企业用工服务计划");
        var junshan = rows.Single(r => r[0] == "君山区");
        Assert.Equal("60 (20/年)", junshan[service]);
        Assert.Equal("3", rows.Single(r => r[0] == "市总工会")[1]);
        Assert.Equal("15", rows.Single(r => r[0] == "合计")[1]);
        Assert.Equal(["各行相加", "15"], rows[^1].Take(2));
        Assert.Equal("780 (260/年)", rows[^1][service]);
    }

    [Fact]
    public void TheDownloadUploadedUnchanged_ChangesNothing()
    {
        var grid = Grid();

        var upload = Upload(grid, Download(grid));

        Assert.Empty(upload.Errors);
        Assert.Equal(0, upload.ChangedCells);
        Assert.Equal(Yueyang.Tasks.Select(t => t.Quotas), upload.RuleSet!.Tasks.Select(t => t.Quotas));
    }

    [Fact]
    public void AnUploadedCell_ChangesTheQuota_AndABadOne_IsNamedBySheetRowAndColumn()
    {
        var grid = Grid();
        var rows = Rows(Download(grid));
        var header = rows[1];
        var service = Array.IndexOf(header, "新企业用工服务计划");
        var data = rows.Skip(2).ToList();
        data.Single(r => r[0] == "君山区")[service] = "９０（３０／年）";

        var changed = Upload(grid, Typed(header, data));

        Assert.Empty(changed.Errors);
        Assert.Equal(1, changed.ChangedCells);
        Assert.Contains(new Quota(null, "430611", QuotaPeriod.Year, 30, null, "户", null, null), changed.RuleSet!.Tasks.Single(t => t.Id == "new-enterprise-service").Quotas);

        data.Single(r => r[0] == "君山区")[service] = "3（1/年";
        var refused = Upload(grid, Typed(header, data));

        Assert.Null(refused.RuleSet);
        var row = data.FindIndex(r => r[0] == "君山区") + 3;
        Assert.Equal([$"第 {row} 行 {CellReference.Column(service + 1)} 列「君山区」·「新企业用工服务计划」：“3（1/年”缺少右括号"], refused.Errors);
    }

    [Fact]
    public void UnknownRowsAndColumns_AreRefused_WithTheirPlace()
    {
        var grid = Grid();
        var rows = Rows(Download(grid));
        var header = rows[1].ToArray();
        header[2] = "某某计划";
        var data = rows.Skip(2).ToList();
        data.Insert(0, ["某某区", "1"]);

        var upload = Upload(grid, Typed(header, data));

        Assert.Null(upload.RuleSet);
        Assert.Equal(["第 2 行 C 列的列名“某某计划”不是本规划需要分配数量的任务", "第 3 行的名称“某某区”不是本地区的下级地区、成员单位或合计行"], upload.Errors);
    }

    [Fact]
    public void AFileWithoutTheHeaderRow_OrNotAWorkbook_IsRefused()
    {
        var grid = Grid();

        Assert.Equal(["未找到表头行：前 10 行中应有一行第一列为“县区名称”、其后各列为任务名称。请用下载的表格填写后上传"],
            Upload(grid, Typed(["名称", "集体协商提升计划"], [["君山区", "1"]])).Errors);
        Assert.Equal([SpreadsheetMessages.NotWorkbook], Upload(grid, "not a workbook"u8.ToArray()).Errors);
    }
}
