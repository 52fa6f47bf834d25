using System.Net;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Dashboard;

public abstract class DashboardTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static string Row(AngleSharp.Html.Dom.IHtmlDocument page, string table, string region) =>
        page.QuerySelectorAll($"[data-testid={table}] tbody tr").Single(tr => tr.Children[0].TextContent.Trim().StartsWith(region, StringComparison.Ordinal))
            .TextContent.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is var cells ? string.Join("|", cells) : "";

    [Fact]
    public async Task TheProvinceSeesEachCitysLedgersAndSheets_AndDrillsDownToTheCountiesOfACity()
    {
        var year = portal.Clock.GetLocalNow().Year;
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        await LedgerRowAsync(clerk, GoldCategory.MediationOrganization, year, "定襄看板调解委员会");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, year, "看板协调员"));
        await AttestAllAsync(clerk, id);
        await DoneAsync(ActAsync(clerk, (await SheetAsync(portal, id)).Id, "submit"));

        var top = await province.GetPageAsync("/dashboard");
        var city = await province.GetPageAsync($"/dashboard?regionId={await portal.RegionIdAsync("140900")}");

        // Province: the city's row sums its counties (1 coordinator, 1 mediation organisation); its sheets: 1 submitted.
        Assert.Equal("忻州市|1|1|0|0|0|0|0|0|0|0|0|2", Row(top, "dashboard-ledgers", "忻州市"));
        Assert.Contains("忻州市|0|1|0|0|0|0", Row(top, "dashboard-sheets", "忻州市"));
        Assert.NotNull(top.QuerySelector("canvas.dashboard-chart[data-chart]"));
        Assert.Contains("打造金牌劳动关系协调员", top.QuerySelector("[data-testid=dashboard-progress]")!.TextContent);
        // City: one level down, per county, with the trail back to the province.
        Assert.Equal("定襄县|1|1|0|0|0|0|0|0|0|0|0|2", Row(city, "dashboard-ledgers", "定襄县"));
        Assert.Equal("忻府区|0|0|0|0|0|0|0|0|0|0|0|0", Row(city, "dashboard-ledgers", "忻府区"));
        Assert.Equal(["山西省", "忻州市"], city.QuerySelectorAll("[data-testid=trail] a").Select(a => a.TextContent));
        // No coverage register in Shanxi: the coverage card says where to enter one.
        Assert.Contains("尚未登记大中型企业名录", city.QuerySelector("[data-testid=coverage-empty]")!.TextContent);
    }

    [Fact]
    public async Task ARegionOutsideTheSubtree_AnswersNotFound()
    {
        using var county = await portal.SignedInClientAsync("xzdx.clerk");
        using var stranger = await portal.SignedInClientAsync("ts.reviewer");

        Assert.Equal(HttpStatusCode.NotFound, (await county.Http.GetAsync($"/dashboard?regionId={await portal.RegionIdAsync("140900")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/dashboard?regionId={await portal.RegionIdAsync("140000")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await county.Http.GetAsync("/dashboard")).StatusCode);
    }
}

public sealed class SqliteDashboardTests(SqlitePortal portal) : DashboardTests<SqlitePortal>(portal);

public sealed class PostgresDashboardTests(PostgresPortal portal) : DashboardTests<PostgresPortal>(portal);
