using System.Net;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Xunit;

namespace HarmonyPortal.Web.Tests.Dashboard;

/// <summary>Coverage targets are rule data: an office's new version changes what the dashboard counts, without a release.</summary>
public abstract class CoverageTargetVersionTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task ANewRuleVersionAskingTwoCoordinators_LeavesAnEnterpriseWithOneUncovered()
    {
        var year = portal.Clock.GetLocalNow().Year;
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        using var admin = await portal.SignedInClientAsync("jy.admin");
        using var clerk = await portal.SignedInClientAsync("jyhl.clerk");
        var code = "91410000MA0000001" + HarmonyPortal.Core.Ledgers.Fields.CreditCode.CheckCharacter("91410000MA0000001");
        var token = await clerk.TokenFromAsync("/ledgers");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync("/ledgers/large-enterprises/create", token,
            ("values[Name]", "济源钢铁（集团）有限公司"), ("values[CreditCode]", code), ("values[Size]", "大型"), ("values[EmployeeCount]", "3000"), ("year", $"{year}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync("/ledgers/coordinators/create", token,
            [.. LedgerForms.Coordinator("张钢", TestIdNumbers.WithCheckDigit("419001198501011010"), gender: "男").With("WorkUnitCreditCode", code), ("year", $"{year}")])).StatusCode);
        Assert.Equal(["1 / 1（100%）", "—"], await CellsAsync(clerk, year));

        var rules = await admin.GetPageAsync($"/rules/{jiyuan}");
        var json = await (await admin.Http.GetAsync($"/rules/{jiyuan}/versions/1.json")).Content.ReadAsStringAsync();
        var edited = json.Replace("\"largeMediumEnterprises\", \"minCoordinators\": 1, \"deadline\": \"2023-12-31\"", "\"largeMediumEnterprises\", \"minCoordinators\": 2, \"deadline\": \"2030-12-31\"", StringComparison.Ordinal);
        Assert.NotEqual(json, edited);
        var saved = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", edited), ("comment", "大中型企业每家至少 2 名"));

        Assert.Contains("大中型企业名录", rules.QuerySelector("[data-testid=coverage-targets]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["0 / 1（0%）", "—"], await CellsAsync(clerk, year));
        var targets = (await clerk.GetPageAsync($"/dashboard?year={year}")).QuerySelector("[data-testid=coverage-targets]")!.TextContent;
        Assert.Contains("每个大中型企业至少 2 名，期限 2030-12-31", targets);
        Assert.Contains("第 2 版", targets);
    }

    /// <summary>The enterprise and town columns (济源's plan adds its member units after them).</summary>
    private static async Task<List<string>> CellsAsync(PortalClient clerk, int year) =>
        (await clerk.GetPageAsync($"/dashboard?year={year}")).QuerySelectorAll("[data-testid=coverage-table] tbody tr").Single()
            .Children.Skip(1).Select(c => c.TextContent.Trim()).Take(2).ToList();
}

public sealed class SqliteCoverageTargetVersionTests(SqlitePortal portal) : CoverageTargetVersionTests<SqlitePortal>(portal);

public sealed class PostgresCoverageTargetVersionTests(PostgresPortal portal) : CoverageTargetVersionTests<PostgresPortal>(portal);
