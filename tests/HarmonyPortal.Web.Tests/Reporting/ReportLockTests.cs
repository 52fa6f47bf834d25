using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.YearEnd;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Reporting;

/// <summary>
/// 报送 as offices do it (issue 17): the clerk sees what will be sent and ticks a confirmation; the report locks the year's
/// ledgers until the city returns it; carried-forward rows (待复核) count only once confirmed, in bulk or by filter.
/// Each test works in a year and county of its own.
/// </summary>
public abstract class ReportLockTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Ledger = "/ledgers/harmonious-enterprises";

    private void SetToday(int year) => portal.Clock.Set(year, 11, 30, 14);

    private static (string, string)[] Enterprise(string name, int year) =>
    [
        ("values[Name]", name), ("values[Address]", "某路1号"), ("values[ContactName]", "张三"), ("values[ContactPhone]", "13800000000"),
        ("values[EmployeeCount]", "120"), ("values[ServiceUnit]", "区人社局"), ("values[ReachedStandard]", "是"), ("year", year.ToString()),
    ];

    private static async Task<HttpResponseMessage> CreateAsync(PortalClient clerk, string name, int year) =>
        await clerk.PostAsync($"{Ledger}/create", await clerk.TokenFromAsync("/ledgers"), Enterprise(name, year));

    private static async Task<long> CreatedAsync(PortalClient clerk, string name, int year)
    {
        var response = await CreateAsync(clerk, name, year);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>Last year's rows come into <paramref name="year"/> as 待复核, as the list's 结转 button does.</summary>
    private static async Task CarryForwardAsync(PortalClient clerk, int year)
    {
        var response = await clerk.PostAsync($"{Ledger}/carry-forward", await clerk.TokenFromAsync($"{Ledger}?year={year}"), ("year", year.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Posts the page's report form with its own token; ticked or not.</summary>
    private async Task<IHtmlDocument> ReportAsync(PortalClient client, string regionCode, int year, bool ticked)
    {
        var action = $"/reporting/{await portal.RegionIdAsync(regionCode)}/report";
        var page = await client.GetPageAsync($"/reporting?year={year}");
        var token = (page.QuerySelector($"form[action='{action}'] input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException("No report form on the page.");
        (string, string)[] fields = ticked ? [("year", year.ToString()), ("confirmed", "true")] : [("year", year.ToString())];
        return await FollowAsync(client, await client.PostAsync(action, token, fields));
    }

    private static async Task<IHtmlDocument> FollowAsync(PortalClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    private static string Text(IHtmlDocument page, string testId) => Regex.Replace(
        page.QuerySelector($"[data-testid='{testId}']")?.TextContent ?? throw new InvalidOperationException($"No [data-testid={testId}] on the page."), @"\s+", " ").Trim();

    private static string Flash(IHtmlDocument page) => page.QuerySelector(".alert")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task Report_ShowsWhatWillBeSentAndWarnsOfUnconfirmedRows_NeedsTheTick_AndTellsTheCity()
    {
        SetToday(2030);
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        await CreatedAsync(clerk, "岳阳楼甲公司", 2029);
        await CreatedAsync(clerk, "岳阳楼乙公司", 2029);
        await CarryForwardAsync(clerk, 2030);
        await CreatedAsync(clerk, "岳阳楼丙公司", 2030);

        var page = await clerk.GetPageAsync("/reporting?year=2030");

        Assert.Equal("和谐企业培育企业名单 1 2", Text(page, "summary-harmonious-enterprises"));
        Assert.Contains("有 2 条由上一年度结转的记录尚未确认（待复核），不计入本次报送：和谐企业培育企业名单 2 条", Text(page, "unconfirmed-warning"));
        Assert.NotNull(page.QuerySelector("[data-testid=report-form] input[type=checkbox][name=confirmed][required]"));
        Assert.Contains("报送后本年度台账将锁定", page.QuerySelector("[data-testid=report-form]")!.GetAttribute("data-confirm"));

        var unticked = await ReportAsync(clerk, "430602", 2030, ticked: false);
        Assert.Contains("请先核对将要报送的台账记录，并勾选", Flash(unticked));
        await using (var db = portal.CreateDbContext())
        {
            Assert.False(await db.LedgerReports.AnyAsync(r => r.Year == 2030));
        }

        var reported = await ReportAsync(clerk, "430602", 2030, ticked: true);
        Assert.Contains("2030 年度台账已锁定", Flash(reported));
        Assert.Contains("已随报送锁定", Text(reported, "locked"));
        await using (var db = portal.CreateDbContext())
        {
            var report = await db.LedgerReports.SingleAsync(r => r.Year == 2030);
            Assert.Contains("\"harmonious-enterprises\":1", report.RowCounts);
        }

        foreach (var cityUser in new[] { "yy.reviewer", "yy.admin" })
        {
            using var city = await portal.SignedInClientAsync(cityUser);
            Assert.Contains("岳阳楼区报送了 2030 年度台账（共 1 条", (await city.GetPageAsync("/notifications")).Body!.TextContent);
        }

        using var otherCounty = await portal.SignedInClientAsync("yyjs.clerk");
        Assert.DoesNotContain("岳阳楼区报送了 2030", (await otherCounty.GetPageAsync("/notifications")).Body!.TextContent);
    }

    [Fact]
    public async Task ReportedYear_RefusesCreateEditDeleteImportAndConfirm_SayingWhy_UntilTheCityReturnsIt()
    {
        SetToday(2031);
        using var clerk = await portal.SignedInClientAsync("yyjs.clerk");
        var rowId = await CreatedAsync(clerk, "君山甲公司", 2031);
        await ReportAsync(clerk, "430611", 2031, ticked: true);
        const string why = "报送（yyjs.clerk），该年度台账已锁定，不能新增、修改、删除、导入或确认记录";
        const string who = "请联系岳阳市的审核员在“台账报送”中退回本次报送";

        var created = await CreateAsync(clerk, "君山乙公司", 2031);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var createErrors = (await PortalClient.ParseAsync(created)).QuerySelector("[data-testid=form-errors]")!.TextContent;
        Assert.Contains(why, createErrors);
        Assert.Contains("君山区 2031 年度台账已于 2031-11-30", createErrors);
        Assert.Contains(who, createErrors);
        var edited = await clerk.PostAsync($"{Ledger}/{rowId}/edit", await clerk.TokenFromAsync($"{Ledger}/{rowId}/edit"),
            [.. Enterprise("君山甲公司（改名）", 2031), ("version", "1")]);
        Assert.Contains(why, (await PortalClient.ParseAsync(edited)).QuerySelector("[data-testid=form-errors]")!.TextContent);
        var deleted = await FollowAsync(clerk, await clerk.PostAsync($"{Ledger}/{rowId}/delete", await clerk.TokenFromAsync($"{Ledger}/{rowId}"), ("version", "1"), ("confirmed", "true")));
        Assert.Contains(why, Flash(deleted));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(await clerk.TokenFromAsync($"{Ledger}/import?year=2031")), "__RequestVerificationToken" },
            { new StringContent("2031"), "year" },
            { new ByteArrayContent(await (await clerk.Http.GetAsync($"{Ledger}/template?year=2031")).Content.ReadAsByteArrayAsync()), "file", "和谐企业.xlsx" },
        };
        var imported = await clerk.Http.PostAsync($"{Ledger}/import", upload);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, imported.StatusCode);
        Assert.Contains(why, (await PortalClient.ParseAsync(imported)).Body!.TextContent);
        Assert.Contains(who, Text(await clerk.GetPageAsync($"{Ledger}?year=2031"), "year-lock"));
        await using (var db = portal.CreateDbContext())
        {
            var row = await db.HarmoniousEnterprises.SingleAsync(r => r.Id == rowId);
            Assert.Equal(("君山甲公司", 1), (row.Name, row.Version));
        }

        // The city returns the report with a reason: the county is told, and its year is open again.
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var action = $"/reporting/{await portal.RegionIdAsync("430611")}/return";
        var cityPage = await city.GetPageAsync("/reporting?year=2031");
        var token = ((IHtmlInputElement)cityPage.QuerySelector($"form[action='{action}'] input[name=__RequestVerificationToken]")!).Value;
        var returned = await FollowAsync(city, await city.PostAsync(action, token, ("year", "2031"), ("reason", "企业数与名册不符")));
        Assert.Contains("该地区台账已解锁", Flash(returned));
        Assert.Contains("2031 年度台账报送被岳阳市退回：企业数与名册不符", (await clerk.GetPageAsync("/notifications")).Body!.TextContent);
        Assert.Null((await clerk.GetPageAsync($"{Ledger}?year=2031")).QuerySelector("[data-testid=year-lock]"));
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(clerk, "君山乙公司", 2031)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync($"{Ledger}/{rowId}/edit", await clerk.TokenFromAsync($"{Ledger}/{rowId}/edit"),
            [.. Enterprise("君山甲公司（改名）", 2031), ("version", "1")])).StatusCode);
    }

    [Fact]
    public async Task BulkConfirm_OfTheFilterThenOfAll_CountsOnlyConfirmedRows_InTheReportAndTheYearEndWorkbook()
    {
        SetToday(2032);
        using var clerk = await portal.SignedInClientAsync("yyyx.clerk");
        foreach (var name in new[] { "云溪甲公司", "云溪乙公司", "云溪丙公司" })
        {
            await CreatedAsync(clerk, name, 2031);
        }

        await CarryForwardAsync(clerk, 2032);
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        Assert.Contains("和谐企业培育企业名单 0", Text(await clerk.GetPageAsync("/reporting?year=2032"), "own-rows"));
        var list = await clerk.GetPageAsync($"{Ledger}?year=2032&q=甲");
        Assert.Contains("有 3 条待复核记录", Text(list, "confirm-carried"));

        // The filtered form confirms the one row the search shows.
        var filtered = list.QuerySelectorAll("[data-testid=confirm-carried] form").Single(f => f.QuerySelector("input[name=all]")!.GetAttribute("value") == "false");
        var token = ((IHtmlInputElement)filtered.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var one = await FollowAsync(clerk, await clerk.PostAsync(filtered.GetAttribute("action")!, token, ("all", "false")));
        Assert.Contains("已确认 1 条待复核记录", Flash(one));
        Assert.Contains("有 2 条待复核记录", Text(one, "confirm-carried"));
        Assert.Contains("和谐企业培育企业名单 1", Text(await clerk.GetPageAsync("/reporting?year=2032"), "own-rows"));

        var workbook = YearEndWorkbookReader.Read(await YearEndExports.ExportAsync(city, 2032)).Sheets.Single(s => s.Name == "和谐企业培育企业名单");
        var names = workbook.Data.Select(r => r[workbook.Column("单位名称")]).ToList();
        Assert.Contains("云溪甲公司", names);
        Assert.DoesNotContain("云溪乙公司", names);

        var all = one.QuerySelectorAll("[data-testid=confirm-carried] form").Single(f => f.QuerySelector("input[name=all]")!.GetAttribute("value") == "true");
        var rest = await FollowAsync(clerk, await clerk.PostAsync(all.GetAttribute("action")!,
            ((IHtmlInputElement)all.QuerySelector("input[name=__RequestVerificationToken]")!).Value, ("all", "true")));
        Assert.Contains("已确认 2 条待复核记录", Flash(rest));
        Assert.Null(rest.QuerySelector("[data-testid=confirm-carried]"));
        Assert.Contains("和谐企业培育企业名单 3", Text(await clerk.GetPageAsync("/reporting?year=2032"), "own-rows"));
        await using var db = portal.CreateDbContext();
        var rows = await db.HarmoniousEnterprises.Where(r => r.Year == 2032).ToListAsync();
        Assert.All(rows, r => Assert.Equal((LedgerRowStatus.Active, 2), (r.Status, r.Version)));
        var yi = rows.Single(r => r.Name == "云溪乙公司").Id.ToString();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.LedgerConfirmed && e.ObjectId == yi));
        Assert.Contains("待复核", (await clerk.GetPageAsync($"{Ledger}/{yi}/history")).Body!.TextContent);
    }
}

public sealed class SqliteReportLockTests(SqlitePortal portal) : ReportLockTests<SqlitePortal>(portal);

public sealed class PostgresReportLockTests(PostgresPortal portal) : ReportLockTests<PostgresPortal>(portal);
