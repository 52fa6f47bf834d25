using System.Net;
using AngleSharp.Html.Dom;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Xunit;

namespace HarmonyPortal.Web.Tests.Dashboard;

/// <summary>
/// Coverage on the dashboard counts only confirmed rows, as quotas and the year-end workbook do: registers and
/// coordinators carried forward into the year and still 待复核 neither count as units nor cover one.
/// </summary>
public abstract class CoverageUnconfirmedTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static string CreditCode(string first17) => first17 + Core.Ledgers.Fields.CreditCode.CheckCharacter(first17);

    private static List<string> Cells(IHtmlDocument page, string region) =>
        page.QuerySelectorAll("[data-testid=coverage-table] tbody tr").Single(tr => tr.Children[0].TextContent.Trim().StartsWith(region, StringComparison.Ordinal))
            .Children.Skip(1).Take(2).Select(c => c.TextContent.Trim()).ToList();

    private static async Task PostAsync(PortalClient clerk, string url, params (string, string)[] form)
    {
        var response = await clerk.PostAsync(url, await clerk.TokenFromAsync("/ledgers"), form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(await PortalClient.ParseAsync(response)).QuerySelector("main")?.TextContent}");
    }

    [Fact]
    public async Task CarriedRowsStill待复核_AreNotCounted_UntilConfirmed()
    {
        var year = portal.Clock.GetLocalNow().Year;
        var last = (year - 1).ToString();
        using var clerk = await portal.SignedInClientAsync("jyhl.clerk");
        var steel = CreditCode("91410000MA0000011");
        await PostAsync(clerk, "/ledgers/towns/create", ("values[Name]", "承留镇"), ("values[Kind]", "乡镇"), ("year", last));
        await PostAsync(clerk, "/ledgers/large-enterprises/create", ("values[Name]", "济源钢铁（集团）有限公司"), ("values[CreditCode]", steel), ("values[Size]", "大型"),
            ("values[TownName]", "承留镇"), ("values[EmployeeCount]", "800"), ("year", last));
        await PostAsync(clerk, "/ledgers/large-enterprises/create", ("values[Name]", "豫光化工有限公司"), ("values[CreditCode]", CreditCode("91410000MA0000012")), ("values[Size]", "大型"),
            ("values[TownName]", "承留镇"), ("values[EmployeeCount]", "900"), ("year", last));
        await PostAsync(clerk, "/ledgers/coordinators/create", [.. LedgerForms.Coordinator("张钢", TestIdNumbers.WithCheckDigit("419001198501011110"), "男")
            .With("WorkUnit", "济钢集团").With("WorkUnitCreditCode", steel).With("TownName", "承留镇"), ("year", last)]);
        foreach (var kind in new[] { "towns", "large-enterprises", "coordinators" })
        {
            await PostAsync(clerk, $"/ledgers/{kind}/carry-forward", ("year", year.ToString()));
        }

        // Everything of the year is 待复核: nothing registered, nothing covered.
        Assert.Equal(["—", "—"], Cells(await clerk.GetPageAsync($"/dashboard?year={year}"), "虎岭高新区"));

        // The town and one enterprise confirmed (the other enterprise still 待复核), the coordinator not yet: registered, not covered.
        await PostAsync(clerk, $"/ledgers/towns/confirm?year={year}", ("all", "true"));
        await PostAsync(clerk, $"/ledgers/large-enterprises/confirm?year={year}&q=济源钢铁", ("all", "false"));
        Assert.Equal(["0 / 1（0%）", "0 / 1（0%）"], Cells(await clerk.GetPageAsync($"/dashboard?year={year}"), "虎岭高新区"));

        // The coordinator confirmed: both covered.
        await PostAsync(clerk, $"/ledgers/coordinators/confirm?year={year}", ("all", "true"));
        Assert.Equal(["1 / 1（100%）", "1 / 1（100%）"], Cells(await clerk.GetPageAsync($"/dashboard?year={year}"), "虎岭高新区"));
    }
}

public sealed class SqliteCoverageUnconfirmedTests(SqlitePortal portal) : CoverageUnconfirmedTests<SqlitePortal>(portal);

public sealed class PostgresCoverageUnconfirmedTests(PostgresPortal portal) : CoverageUnconfirmedTests<PostgresPortal>(portal);
