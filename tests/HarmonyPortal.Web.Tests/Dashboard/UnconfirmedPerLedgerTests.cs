using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Xunit;

namespace HarmonyPortal.Web.Tests.Dashboard;

/// <summary>
/// Carried-forward rows still 待复核 are left out of the dashboard's counts and listed on the reporting page, ledger by
/// ledger and region by region, when several ledgers and counties hold them beside confirmed rows.
/// </summary>
public abstract class UnconfirmedPerLedgerTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const int Year = 2031;

    private static (string, string)[] Enterprise(string name, int year) =>
    [
        ("values[Name]", name), ("values[Address]", "某路1号"), ("values[ContactName]", "张三"),
        ("values[ContactPhone]", "13800000000"), ("values[EmployeeCount]", "120"), ("values[ServiceUnit]", "区人社局"),
        ("values[ReachedStandard]", "是"), ("year", year.ToString()),
    ];

    private static async Task PostAsync(PortalClient clerk, string url, params (string, string)[] form)
    {
        var response = await clerk.PostAsync(url, await clerk.TokenFromAsync("/ledgers"), form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{url}: {(await PortalClient.ParseAsync(response)).Body!.TextContent}");
    }

    private static Task EnterpriseAsync(PortalClient clerk, string name, int year) =>
        PostAsync(clerk, "/ledgers/harmonious-enterprises/create", Enterprise(name, year));

    private static Task MediationAsync(PortalClient clerk, string name, int year) =>
        PostAsync(clerk, "/ledgers/mediation-organizations/create",
            [.. LedgerForms.MediationOrganization(name, 3, 2), ("year", year.ToString())]);

    private static Task CarryForwardAsync(PortalClient clerk, string ledger) =>
        PostAsync(clerk, $"/ledgers/{ledger}/carry-forward", ("year", Year.ToString()));

    private static string Row(IHtmlDocument page, string region) =>
        string.Join("|", page.QuerySelectorAll("[data-testid=dashboard-ledgers] tbody tr")
            .Single(tr => tr.Children[0].TextContent.Trim().StartsWith(region, StringComparison.Ordinal))
            .TextContent.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Text(IHtmlDocument page, string testId) =>
        Regex.Replace(page.QuerySelector($"[data-testid='{testId}']")!.TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task RowsStill待复核_AreLeftOutOfEachLedgersCounts_AndListedPerLedger()
    {
        portal.Clock.Set(Year, 11, 30, 14);
        using var louqu = await portal.SignedInClientAsync("yylq.clerk");
        using var junshan = await portal.SignedInClientAsync("yyjs.clerk");
        // Last year: 岳阳楼区 two enterprises and a mediation organisation, 君山区 a mediation organisation; all carried
        // forward (待复核). This year, confirmed from the start: one enterprise in 岳阳楼区, one organisation in 君山区.
        await EnterpriseAsync(louqu, "楼区待复核甲公司", Year - 1);
        await EnterpriseAsync(louqu, "楼区待复核乙公司", Year - 1);
        await MediationAsync(louqu, "楼区待复核调解委员会", Year - 1);
        await MediationAsync(junshan, "君山待复核调解委员会", Year - 1);
        await CarryForwardAsync(louqu, "harmonious-enterprises");
        await CarryForwardAsync(louqu, "mediation-organizations");
        await CarryForwardAsync(junshan, "mediation-organizations");
        await EnterpriseAsync(louqu, "楼区本年丙公司", Year);
        await MediationAsync(junshan, "君山本年调解委员会", Year);

        using var city = await portal.SignedInClientAsync("yy.reviewer");
        using var province = await portal.SignedInClientAsync("hn.reviewer");
        var cityBoard = await city.GetPageAsync($"/dashboard?year={Year}");
        var provinceBoard = await province.GetPageAsync($"/dashboard?year={Year}");
        var reporting = await city.GetPageAsync($"/reporting?year={Year}");

        // Columns: the ledgers in catalogue order (协调员, 调解组织, 调解员, 社会组织, 和谐企业, …), then the total.
        Assert.Equal("岳阳楼区|0|0|0|0|1|0|0|0|0|0|0|1", Row(cityBoard, "岳阳楼区"));
        Assert.Equal("君山区|0|1|0|0|0|0|0|0|0|0|0|1", Row(cityBoard, "君山区"));
        Assert.Equal("岳阳市|0|1|0|0|1|0|0|0|0|0|0|2", Row(provinceBoard, "岳阳市"));
        Assert.Equal("和谐企业培育企业名单 1 2", Text(reporting, "summary-harmonious-enterprises"));
        Assert.Equal("劳动人事争议调解组织情况表 1 2", Text(reporting, "summary-mediation-organizations"));
        Assert.Equal("劳动关系协调员情况表 0 0", Text(reporting, "summary-coordinators"));
        Assert.Contains("有 4 条由上一年度结转的记录尚未确认（待复核），不计入本次报送：劳动人事争议调解组织情况表 2 条，和谐企业培育企业名单 2 条",
            Text(reporting, "unconfirmed-warning"));
    }
}

public sealed class SqliteUnconfirmedPerLedgerTests(SqlitePortal portal)
    : UnconfirmedPerLedgerTests<SqlitePortal>(portal);

public sealed class PostgresUnconfirmedPerLedgerTests(PostgresPortal portal)
    : UnconfirmedPerLedgerTests<PostgresPortal>(portal);
