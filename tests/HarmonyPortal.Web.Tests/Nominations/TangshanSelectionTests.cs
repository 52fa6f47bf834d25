using System.Net;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.YearEnd;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// 唐山高新区's plan has the city select and publish its gold titles ("selectingLevel": "City"), but 唐山市 has no plan of
/// its own. The city acts on the honour as the plan of the nominating region defines it: 高新区 (tsgx) nominates two gold
/// coordinators, 唐山 (ts) approves, selects and publishes, and 河北 (he) sees the published list read-only. The city's
/// rules page, home, dashboard and year-end summary say which plan applies instead of nothing.
/// </summary>
public abstract class TangshanSelectionTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static readonly (string, string)[] Gold = [("category", nameof(GoldCategory.Coordinator)), ("year", "2021"), ("batch", "0")];

    [Fact]
    public async Task TangshanCity_WithoutAPlan_SelectsAndPublishesTheZonesGoldCoordinators_TheProvinceSeesTheListReadOnly()
    {
        portal.Clock.Set(2021, 7, 1);
        using var clerk = await portal.SignedInClientAsync("tsgx.clerk");
        using var city = await portal.SignedInClientAsync("ts.reviewer");
        using var province = await portal.SignedInClientAsync("he.reviewer");

        // 高新区 nominates its two gold coordinators of the year (its plan: 每年2名) and submits; the city approves both.
        var first = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2021, "高新甲"));
        var second = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2021, "高新乙"));
        var county = await SheetAsync(portal, first);
        await DoneAsync(ActAsync(clerk, county.Id, "submit"));
        foreach (var id in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true"))).StatusCode);
        }

        await DoneAsync(ActAsync(city, county.Id, "approve"));

        // The city's overview says whose plan it acts on, and offers selection and publication, not forwarding.
        var overview = await city.GetPageAsync("/nominations?category=Coordinator&year=2021&batch=0");
        Assert.Contains("本类别由市级择优选树并发布名单，发布即报省", overview.QuerySelector("[data-testid=selecting-level]")!.TextContent);
        Assert.Contains("本级未制定规划：依照下级规划《唐山高新区劳动关系“和谐同行”能力提升三年行动计划》（唐山高新区", overview.Body!.TextContent);
        var citySheet = await SheetAsync(portal, first, city: true);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(city, citySheet.Id, "forward")).StatusCode);

        // The city selects both and publishes (before the fix, publishing read the city's own rules and was refused).
        foreach (var id in new[] { first, second })
        {
            await DoneAsync(city.PostAsync($"/nominations/{id}/select", await city.TokenFromAsync($"/nominations/{id}"), ("select", "true")));
        }

        var preview = await city.Http.GetAsync("/nominations/publish?category=Coordinator&year=2021&batch=0");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("高新乙", await TextAsync(preview));
        await DoneAsync(city.PostAsync("/nominations/publish", await city.TokenFromAsync("/nominations"), [.. Gold, ("confirmed", "true")]));

        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, first, city: true)).Status);
            Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, first)).Status);
            var publish = await db.SheetTransitions.AsNoTracking().Where(t => t.SheetId == citySheet.Id && t.Action == WorkflowAction.Publish).SingleAsync();
            Assert.Contains("唐山市发布 2021 年度金牌劳动关系协调员名单，入选 2 名，并报河北省", publish.Reason);
        }

        // 河北 sees the published list, and has nothing to select or publish.
        var provinceOverview = await province.GetPageAsync("/nominations?category=Coordinator&year=2021&batch=0");
        Assert.NotNull(provinceOverview.QuerySelector("[data-testid=reported-upward]"));
        Assert.Null(provinceOverview.QuerySelector("form[action='/nominations/publish']"));
        Assert.Empty((await province.GetPageAsync($"/nominations/sheets/{citySheet.Id}")).QuerySelectorAll("main form"));
        var published = (await province.GetPageAsync("/print/published?category=Coordinator&year=2021&batch=0")).Body!.TextContent;
        Assert.Contains("高新甲", published);
        Assert.Contains("高新乙", published);
        var select = await province.PostAsync($"/nominations/{first}/select", await province.TokenFromAsync("/nominations"), ("select", "false"), ("reason", "名额已满"));
        Assert.Equal(HttpStatusCode.Forbidden, select.StatusCode);
        var again = await province.PostAsync("/nominations/publish", await province.TokenFromAsync("/nominations"), [.. Gold, ("confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("2021 年度金牌劳动关系协调员由各市择优选树、发布名单后报省；省级只能查看已发布的名单", await TextAsync(again));
    }

    [Fact]
    public async Task TangshanCity_RulesPageHomeDashboardAndYearEnd_SayWhichPlanApplies()
    {
        portal.Clock.Set(2021, 7, 1);
        using var city = await portal.SignedInClientAsync("ts.reviewer");
        var tangshan = await portal.RegionIdAsync("130200");

        var rules = (await city.GetPageAsync($"/rules/{tangshan}")).QuerySelector("[data-testid=no-plan]")!.TextContent;
        Assert.Contains("本级未制定规划", rules);
        Assert.Contains("依照下级规划《唐山高新区劳动关系“和谐同行”能力提升三年行动计划》（唐山高新区，2021–2023 年），由本级择优选树并发布名单：金牌协调劳动关系社会组织、金牌劳动人事争议调解组织、金牌劳动关系协调员、培育达标典型", rules);

        var home = (await city.GetPageAsync("/")).QuerySelector("[data-testid=plan-basis]")!.TextContent;
        Assert.Contains("本级未制定规划", home);
        Assert.Contains("由本级择优选树并发布名单：金牌协调劳动关系社会组织", home);

        // The zone's quotas are the city's progress: its home and dashboard list them, and the year-end summary too.
        var progress = (await city.GetPageAsync("/")).QuerySelector("[data-testid=progress]")!.TextContent;
        Assert.Contains("唐山高新区 · 打造金牌劳动关系协调员", progress);
        var dashboard = (await city.GetPageAsync("/dashboard?year=2021")).QuerySelector("[data-testid=dashboard-progress]")!.TextContent;
        Assert.Contains("唐山高新区", dashboard);
        Assert.Contains("打造金牌劳动关系协调员", dashboard);
        var (sheets, _) = YearEndWorkbookReader.Read(await YearEndExports.ExportAsync(city, 2021));
        Assert.Contains(sheets[0].Data, r => r.Contains("唐山高新区") && r.Contains("打造金牌劳动关系协调员"));

        // A province without a plan of its own says so too, and that no plan below gives it an honour to select.
        using var admin = await portal.SignedInClientAsync("he.admin");
        var hebei = await portal.RegionIdAsync("130000");
        var provinceRules = (await admin.GetPageAsync($"/rules/{hebei}")).QuerySelector("[data-testid=no-plan]")!.TextContent;
        Assert.Contains("本级未制定规划", provinceRules);
        Assert.Contains("下级规划《唐山高新区劳动关系“和谐同行”能力提升三年行动计划》（唐山高新区，2021–2023 年）的配额按唐山高新区统计", provinceRules);
    }
}

public sealed class SqliteTangshanSelectionTests(SqlitePortal portal) : TangshanSelectionTests<SqlitePortal>(portal);

public sealed class PostgresTangshanSelectionTests(PostgresPortal portal) : TangshanSelectionTests<PostgresPortal>(portal);
