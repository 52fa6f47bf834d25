using System.Net;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Nominations;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules;

/// <summary>Each seed jurisdiction's distinctive rule, end to end through the pages a clerk and a reviewer use.</summary>
public abstract class JurisdictionRuleTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    /// <summary>唐山高新区: "打造金牌劳动关系协调员6名（每年2名）" — two a year pass without a warning, a third is refused.</summary>
    [Fact]
    public async Task Tangshan_SubmitsTwoGoldCoordinatorsAYearWithoutAWarning_AndIsRefusedAThird()
    {
        portal.Clock.Set(2022, 6, 1);
        using var clerk = await portal.SignedInClientAsync("tsgx.clerk");
        var ids = new List<long>();
        foreach (var name in new[] { "高新协调员甲", "高新协调员乙" })
        {
            ids.Add(await NominationFlow.NominateAsync(clerk, GoldCategory.Coordinator, await NominationFlow.LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, name)));
        }

        var sheet = await NominationFlow.SheetAsync(portal, ids[0]);
        var two = (await clerk.GetPageAsync($"/nominations/sheets/{sheet.Id}")).QuerySelector("[data-testid=sheet-findings]")!;
        ids.Add(await NominationFlow.NominateAsync(clerk, GoldCategory.Coordinator, await NominationFlow.LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "高新协调员丙")));
        var three = (await clerk.GetPageAsync($"/nominations/sheets/{sheet.Id}")).QuerySelector("[data-testid=sheet-findings]")!;
        var refused = await NominationFlow.ActAsync(clerk, sheet.Id, "submit");

        Assert.Empty(two.QuerySelectorAll(".list-group-item-warning, .list-group-item-danger"));
        Assert.Contains("2022 年度打造金牌劳动关系协调员：2 名，符合要求 2 名", two.TextContent);
        Assert.Contains("规划期（2021–2023 年）内打造金牌劳动关系协调员：累计 2 名，下限 6 名，还差 4 名", two.TextContent);
        Assert.Contains("3 名，超过上限 2 名", three.QuerySelector(".list-group-item-danger")!.TextContent);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("超过上限 2 名", await NominationFlow.TextAsync(refused));
    }

    /// <summary>岳阳: "全市每年…选树 10 名左右先进典型，年底前报省" — an approximate quota of the city and its year-end report date.</summary>
    [Fact]
    public async Task Yueyang_ShowsItsGoldCoordinatorsAsTenOrSo_WithTheYearEndReportDate()
    {
        portal.Clock.Set(2022, 6, 1);
        var yueyang = await portal.RegionIdAsync("430600");
        using var reviewer = await portal.SignedInClientAsync("yy.reviewer");

        var progress = (await reviewer.GetPageAsync($"/dashboard?regionId={yueyang}&year=2022")).QuerySelector("[data-testid=dashboard-progress]")!.TextContent;
        var rules = (await reviewer.GetPageAsync($"/rules/{yueyang}")).QuerySelector("[data-task=gold-coordinator]")!.TextContent;

        Assert.Contains("10 名左右", progress);
        Assert.Contains("10 名左右", rules);
        Assert.Contains("2022-12-31（报上级）", rules);
        Assert.Contains("市级选树发布", rules);
    }

    /// <summary>岳阳 附件1: 市总工会 guides 2 key enterprises over the plan; rows its clerk enters count for it, not for 市人社局.</summary>
    [Fact]
    public async Task Yueyang_MeasuresTheCityTradeUnionsQuota_FromTheRowsAttributedToIt()
    {
        portal.Clock.Set(2022, 6, 1);
        var yueyang = await portal.RegionIdAsync("430600");
        using var union = await portal.SignedInClientAsync("yy.union");
        var created = await union.PostAsync("/ledgers/key-enterprises/create", await union.TokenFromAsync("/ledgers"),
            [.. Ledgers.LedgerForms.KeyEnterprise("市总工会指导的重点企业", "否"), ("year", "2022")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using var reviewer = await portal.SignedInClientAsync("yy.reviewer");
        var lines = (await reviewer.GetPageAsync($"/dashboard?regionId={yueyang}&year=2022")).QuerySelectorAll("[data-testid=dashboard-progress] tbody tr")
            .Select(r => string.Join(" ", r.TextContent.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries))).ToList();

        Assert.Contains(lines, l => l.StartsWith("岳阳市总工会 重点企业指导计划 规划期内 ≥ 2 户", StringComparison.Ordinal) && l.Contains("1 / 2 户，还差 1 户", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("岳阳市人社局 重点企业指导计划", StringComparison.Ordinal) && l.Contains("0 / 2 户，还差 2 户", StringComparison.Ordinal));
    }

    /// <summary>济源 "人社、工会、工商联分别配备至少 1 名劳动关系协调员": the member units of its office, covered by the serving coordinators attributed to them.</summary>
    [Fact]
    public async Task Jiyuan_CountsItsMemberUnitsCoveredByAServingCoordinator()
    {
        portal.Clock.Set(2022, 6, 1);
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        using var clerk = await portal.SignedInClientAsync("jy.clerk");
        using var reviewer = await portal.SignedInClientAsync("jy.reviewer");
        static string Cell(AngleSharp.Html.Dom.IHtmlDocument page)
        {
            var cells = page.QuerySelectorAll("[data-testid=coverage-table] tbody tr").First(r => r.TextContent.Contains("（本级）", StringComparison.Ordinal)).QuerySelectorAll("td");
            return cells[cells.Length - 1].TextContent.Trim();
        }

        var before = await reviewer.GetPageAsync($"/dashboard?regionId={jiyuan}&year=2022");
        await NominationFlow.LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "人社局协调员");
        var after = await reviewer.GetPageAsync($"/dashboard?regionId={jiyuan}&year=2022");

        Assert.Contains("成员单位至少 1 名", before.QuerySelector("[data-testid=coverage-targets]")!.TextContent);
        Assert.StartsWith("0 / 4", Cell(before));
        Assert.StartsWith("1 / 4", Cell(after));
        Assert.Contains(after.QuerySelectorAll("[data-testid=coverage-table] thead th"), th => th.TextContent.StartsWith("成员单位", StringComparison.Ordinal));
    }
}

public sealed class SqliteJurisdictionRuleTests(SqlitePortal portal) : JurisdictionRuleTests<SqlitePortal>(portal);

public sealed class PostgresJurisdictionRuleTests(PostgresPortal portal) : JurisdictionRuleTests<PostgresPortal>(portal);
