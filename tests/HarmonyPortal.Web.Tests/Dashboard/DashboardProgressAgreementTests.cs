using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Dashboard;

/// <summary>
/// The dashboard builds its quota progress from the regions, plans and nominations it has read once for all its cards
/// (docs/adr/0045); the home page reads them for itself. Both show the same lines for the same region and year.
/// </summary>
public abstract class DashboardProgressAgreementTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    /// <summary>Each dashboard progress line: region · task | period and requirement | status | explanation.</summary>
    private static List<string> DashboardLines(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=dashboard-progress] tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            var explanation = cells[3].Split("（已推荐")[0];
            return $"{cells[0]} · {cells[1]}|{cells[2]}|{tr.GetAttribute("data-status")}|{explanation}";
        }).ToList();

    /// <summary>The home page's progress lines in the same form.</summary>
    private static List<string> HomeLines(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=progress] li").Select(li =>
        {
            var head = li.QuerySelectorAll("div.d-flex span").Select(s => s.TextContent.Trim()).ToList();
            var text = li.QuerySelectorAll("div.small")[1].TextContent.Trim();
            var explanation = text.Contains("审核通过 ", StringComparison.Ordinal)
                ? text.Split("审核通过 ", 2)[1] : text;
            return $"{head[0]}|{head[1]}|{li.GetAttribute("data-status")}|{explanation}";
        }).ToList();

    [Fact]
    public async Task TheProvinceDashboardsQuotaProgress_IsTheHomePagesLineForLine()
    {
        var year = portal.Clock.GetLocalNow().Year;
        using var clerk = await portal.SignedInClientAsync("xzyp.clerk");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        await LedgerRowAsync(clerk, GoldCategory.MediationOrganization, year, "原平进度调解委员会");
        var row = await LedgerRowAsync(clerk, GoldCategory.Coordinator, year, "进度协调员");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, row);
        await AttestAllAsync(clerk, id);
        await DoneAsync(ActAsync(clerk, (await SheetAsync(portal, id)).Id, "submit"));

        var dashboard = DashboardLines(await province.GetPageAsync($"/dashboard?year={year}"));
        var home = HomeLines(await province.GetPageAsync("/"));

        // Several honour quotas (their nominations now read in one query) and the cities' sums among them.
        var lines = string.Join("\n", dashboard);
        Assert.True(dashboard.Any(l => l.Contains("合计", StringComparison.Ordinal)), lines);
        Assert.True(dashboard.Select(l => l.Split('|')[0].Split(" · ")[1]).Distinct().Count() > 1, lines);
        Assert.Equal(home, dashboard);
    }
}

public sealed class SqliteDashboardProgressAgreementTests(SqlitePortal portal)
    : DashboardProgressAgreementTests<SqlitePortal>(portal);

public sealed class PostgresDashboardProgressAgreementTests(PostgresPortal portal)
    : DashboardProgressAgreementTests<PostgresPortal>(portal);
