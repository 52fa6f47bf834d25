using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.YearEnd;
using Xunit;
using static HarmonyPortal.Web.Tests.Materials.Publication.MaterialTestData;

namespace HarmonyPortal.Web.Tests.Materials.Publication;

/// <summary>
/// The dashboard's 材料与指标 card and the year-end workbook's sheet of the same name agree on one scenario: 忻州 sent
/// 山西's 三年行动总结材料 five days after 2023-08-31 and the province accepted it (逾期 5 天 in both); 济源's 年培训人数
/// was returned at 50 and reported again at 58, accepted, and both show it below 60 人.
/// </summary>
public abstract class MaterialsRollupAgreementTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Summary = "三年行动总结材料报省";

    private static readonly string[] Columns = ["报送单位", "类型", "标题／数值对照目标", "报送时间", "状态", "及时性", "审核人"];

    /// <summary>A time as the portal prints it: in the server's zone (China time in production, UTC on the test machine).</summary>
    private static string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.Local).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task DashboardCardAndYearEndSheet_ShowTheLateAcceptedSummary_AndTheTrainingFigureAgainst60_Alike()
    {
        portal.Clock.Set(2023, 12, 10);
        await MaterialAsync(portal, "140900", "140000", "three-year-summary", Summary, MaterialKind.Summary, 2023, ReviewStatus.Accepted,
            "忻州市三年行动总结", Beijing(2023, 9, 5), new DateOnly(2023, 8, 31), "sx.reviewer", "总结.pdf");
        await MaterialAsync(portal, "140900", "140000", "wage-guidance-topic-report", "重点群体薪酬分配指导专题情况报告", MaterialKind.TopicReport, 2023, ReviewStatus.Draft,
            "专题报告（草稿）");
        await IndicatorAsync(portal, "410000-JY", "coordinator-training", 2023, 50, ReviewStatus.Returned, Beijing(2023, 6, 1), reviewedBy: "ha.reviewer");
        await IndicatorAsync(portal, "410000-JY", "coordinator-training", 2023, 58, ReviewStatus.Accepted, Beijing(2023, 7, 1), reviewedBy: "ha.reviewer");
        var xinzhou = await portal.RegionIdAsync("140900");
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        using var shanxi = await portal.SignedInClientAsync("sx.reviewer");
        using var henan = await portal.SignedInClientAsync("ha.reviewer");

        // The dashboard: the city's row of the summary task, late and accepted, with the drill-down to the review table.
        var card = (await shanxi.GetPageAsync("/dashboard?year=2023")).QuerySelector("[data-testid=dashboard-materials]")!;
        var summaryRow = card.QuerySelector($"tr[data-region='140900'][data-task='{Summary}']")!;
        var cells = summaryRow.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["忻州市", Summary, "总结材料", "1 / 1", "1", "0", "1", "已接收（逾期 5 天）"], cells.Take(8).ToArray());
        Assert.Equal($"/materials/review?regionId={xinzhou}&year=2023", summaryRow.QuerySelector("a")!.GetAttribute("href"));
        // A draft is not submitted: the topic report is still owed.
        var topicRow = card.QuerySelector("tr[data-region='140900'][data-task='重点群体薪酬分配指导专题情况报告']")!;
        Assert.Equal("0 / 1", topicRow.QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Equal("未提交", topicRow.QuerySelectorAll("td")[7].TextContent.Trim());

        var training = (await henan.GetPageAsync("/dashboard?year=2023")).QuerySelector("[data-testid=dashboard-materials] tr[data-region='410000-JY'][data-task='劳动关系协调员培训人数']")!;
        var trainingCells = training.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("指标", trainingCells[2]);
        Assert.Equal("1 / 1", trainingCells[3]);
        Assert.Equal("已接收（按时）；年培训劳动关系协调员人数 58 人，低于要求 60 人", trainingCells[7]);
        Assert.Equal($"/indicators/review?regionId={jiyuan}&year=2023", training.QuerySelector("a")!.GetAttribute("href"));

        // The year-end workbook of each province says the same.
        var shanxiBook = await YearEndExports.ExportAsync(shanxi, 2023);
        var sheet = YearEndWorkbookReader.Read(shanxiBook).Sheets.Single(s => s.Name == "材料与指标");
        Assert.Equal(["序号", "市", "县（市、区）", "报送单位", "任务", "类型", "标题／数值对照目标", "报送时间", "状态", "及时性", "审核人"], sheet.Header.ToArray());
        var line = sheet.Data.Single(r => r[sheet.Column("任务")] == Summary);
        Assert.Equal(["忻州市", "总结材料", "忻州市三年行动总结", Local(Beijing(2023, 9, 5)), "已接收", "逾期 5 天", "sx.reviewer"],
            Columns.Select(h => line[sheet.Column(h)]).ToArray());
        var topic = sheet.Data.Single(r => r[sheet.Column("任务")] == "重点群体薪酬分配指导专题情况报告");
        Assert.Equal(["未提交", "期限 2023-09-20"], new[] { topic[sheet.Column("状态")], topic[sheet.Column("及时性")] });
        Assert.DoesNotContain(sheet.Data, r => r.Contains("专题报告（草稿）"));

        var henanSheet = YearEndWorkbookReader.Read(await YearEndExports.ExportAsync(henan, 2023)).Sheets.Single(s => s.Name == "材料与指标");
        var figure = henanSheet.Data.Single(r => r[henanSheet.Column("任务")] == "劳动关系协调员培训人数");
        Assert.Equal(["济源示范区", "指标", "年培训劳动关系协调员人数 58 人，低于要求 60 人", Local(Beijing(2023, 7, 1)), "已接收", "按时", "ha.reviewer"],
            Columns.Select(h => figure[henanSheet.Column(h)]).ToArray());

        // Read by the independent readers as province staff's tools would, the late line is in the same cells.
        var row = sheet.Rows.ToList().IndexOf(line) + 1;
        foreach (var view in await IndependentReaders.ReadAsync(shanxiBook))
        {
            var read = view.Sheet("材料与指标");
            Assert.Equal("山西省 2023 年度材料与指标报送情况", read.Cell("A1"));
            Assert.Equal("报送单位", read.Cell("D3"));
            Assert.Equal("忻州市", read.Cell($"D{row}"));
            Assert.Equal("逾期 5 天", read.Cell($"J{row}"));
        }
    }
}

public sealed class SqliteMaterialsRollupAgreementTests(SqlitePortal portal) : MaterialsRollupAgreementTests<SqlitePortal>(portal);

public sealed class PostgresMaterialsRollupAgreementTests(PostgresPortal portal) : MaterialsRollupAgreementTests<PostgresPortal>(portal);
