using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Reporting;

/// <summary>
/// The yearly roll-up: a county reports its ledgers, the city sees completeness and timeliness per county
/// and reports upward, the province sees it per city; the level above may return a report with a reason.
/// Each test works in a year of its own, so the tests of the class do not see each other's reports.
/// </summary>
public abstract class LedgerReportingTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    /// <summary>Moves the portal's clock to 14:00 China time of the day; sign in after moving it.</summary>
    private void SetToday(DateOnly day) => portal.Clock.Set(day.Year, day.Month, day.Day, 14);

    private const string Yueyang = "430600";
    private const string Yueyanglou = "430602";
    private const string Junshan = "430611";
    private const string Yunxi = "430603";
    private const string Xinzhou = "140900";
    private const string Xinfu = "140902";

    /// <summary>Posts the page's own report form, or (<paramref name="viaForm"/> false) a hand-made post where the page offers none.</summary>
    private async Task<HttpResponseMessage> ReportAsync(PortalClient client, string regionCode, int year, bool viaForm = true)
    {
        var action = $"/reporting/{await portal.RegionIdAsync(regionCode)}/report";
        return await client.PostAsync(action, await TokenAsync(client, year, action, viaForm), ("year", year.ToString()), ("confirmed", "true"));
    }

    private async Task<HttpResponseMessage> ReturnAsync(PortalClient client, string regionCode, int year, string reason, bool viaForm = true)
    {
        var action = $"/reporting/{await portal.RegionIdAsync(regionCode)}/return";
        return await client.PostAsync(action, await TokenAsync(client, year, action, viaForm), ("year", year.ToString()), ("reason", reason));
    }

    private static async Task<string> TokenAsync(PortalClient client, int year, string action, bool viaForm)
    {
        if (!viaForm)
        {
            return await client.TokenFromAsync($"/reporting?year={year}");
        }

        var page = await client.GetPageAsync($"/reporting?year={year}");
        return (page.QuerySelector($"form[action='{action}'] input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"No form posting to {action} with an antiforgery token on the page.");
    }

    private static async Task<IHtmlDocument> FollowAsync(PortalClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>The element's text as a reader sees it: runs of white space as one space.</summary>
    private static string Text(IHtmlDocument page, string testId) => Regex.Replace(
        page.QuerySelector($"[data-testid='{testId}']")?.TextContent ?? throw new InvalidOperationException($"No [data-testid={testId}] on the page."),
        @"\s+", " ");

    private static string Flash(IHtmlDocument page) => page.QuerySelector(".alert")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task CountyClerkReports_CityPageShowsOneOfTwelveReportedOnTime_WithTheRowsAtThatMoment()
    {
        SetToday(new DateOnly(2027, 11, 30));
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        var created = await clerk.PostAsync("/ledgers/harmonious-enterprises/create", await clerk.TokenFromAsync("/ledgers"),
            ("values[Name]", "岳阳楼某公司"), ("values[Address]", "某路1号"), ("values[ContactName]", "张三"), ("values[ContactPhone]", "13800000000"),
            ("values[EmployeeCount]", "120"), ("values[ServiceUnit]", "区人社局"), ("values[ReachedStandard]", "是"), ("year", "2027"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var before = await clerk.GetPageAsync("/reporting");
        Assert.NotNull(before.QuerySelector("nav a[href='/reporting']"));
        Assert.Contains("未报送", Text(before, "own-status"));
        Assert.Equal("本级规则未规定报送期限", Text(before, "deadline").Trim());

        var reported = await FollowAsync(clerk, await ReportAsync(clerk, Yueyanglou, 2027));
        var again = await FollowAsync(clerk, await ReportAsync(clerk, Yueyanglou, 2027, viaForm: false));

        Assert.Contains("已报送岳阳楼区 2027 年度台账（无报送期限，本级规则未规定报送期限）", Flash(reported));
        Assert.Contains("已报送", Text(reported, "own-status"));
        Assert.Null(reported.QuerySelector("[data-testid=report-form]"));
        Assert.Contains("无需重复报送", Flash(again));
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var cityPage = await city.GetPageAsync("/reporting?year=2027");
        Assert.Contains("已报送 1 / 应报送 12", Text(cityPage, "totals"));
        Assert.Contains("按时 0，逾期 0，无报送期限 1", Text(cityPage, "totals"));
        var row = Text(cityPage, $"child-{Yueyanglou}");
        Assert.Contains("已报送", row);
        Assert.Contains("2027-11-30", row);
        Assert.Contains("无报送期限", row);
        Assert.Contains("本级规则未规定报送期限", row);
        Assert.Contains("和谐企业培育企业名单 1", row);
        Assert.Contains("未报送", Text(cityPage, $"child-{Junshan}"));
        var completeness = Text(cityPage, "completeness-before-report");
        Assert.Contains("已报送 1 / 应报送 12", completeness);
        Assert.Contains("君山区", completeness);

        await using var db = portal.CreateDbContext();
        var county = await portal.RegionIdAsync(Yueyanglou);
        var report = await db.LedgerReports.SingleAsync(r => r.RegionId == county && r.Year == 2027);
        Assert.Equal(((DateOnly?)null, false, 0, "yylq.clerk"), (report.Deadline, report.IsLate, report.DaysLate, report.ReportedByName));
        Assert.Contains("\"harmonious-enterprises\":1", report.RowCounts);
        Assert.Contains("\"coordinators\":0", report.RowCounts);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.LedgerReported && e.ObjectId == $"{county}/2027");
        Assert.Equal((county, "yylq.clerk", AuditOutcome.Success), (audit.RegionId!.Value, audit.UserName!, audit.Outcome));
    }

    [Fact]
    public async Task WhereNoPlanSetsADeadline_AReportInDecemberIsNotLate_AndThePagesSaySoInsteadOfInventingADate()
    {
        // Hunan's plans give no ledger deadline: the invented 12-20 default is gone, so no lateness is computed.
        SetToday(new DateOnly(2028, 12, 27));
        using var clerk = await portal.SignedInClientAsync("yyjs.clerk");

        var page = await FollowAsync(clerk, await ReportAsync(clerk, Junshan, 2028));

        Assert.Contains("无报送期限", Flash(page));
        Assert.DoesNotContain("逾期", Text(page, "own-status"));
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var cityPage = await city.GetPageAsync("/reporting?year=2028");
        Assert.Contains("本级规则未规定报送期限", Text(cityPage, $"child-{Junshan}"));
        Assert.DoesNotContain("已超过期限", Text(cityPage, $"child-{Yunxi}"));
        Assert.Contains("按时 0，逾期 0，无报送期限 1", Text(cityPage, "totals"));
        await using var db = portal.CreateDbContext();
        var report = await db.LedgerReports.SingleAsync(r => r.Year == 2028);
        Assert.Equal((false, 0, (DateOnly?)null, "{}"), (report.IsLate, report.DaysLate, report.Deadline, report.LedgerDeadlines));
    }

    [Fact]
    public async Task CityReturnsWithoutReason_IsRefusedInChinese_WithAReason_TheCountySeesItAndReportsAgain()
    {
        SetToday(new DateOnly(2029, 12, 1));
        using var county = await portal.SignedInClientAsync("yyyx.clerk");
        await FollowAsync(county, await ReportAsync(county, Yunxi, 2029));
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var regionId = await portal.RegionIdAsync(Yunxi);

        var refused = await FollowAsync(city, await ReturnAsync(city, Yunxi, 2029, "  "));

        Assert.Contains("退回原因：不能为空", Flash(refused));
        await using (var db = portal.CreateDbContext())
        {
            var report = await db.LedgerReports.SingleAsync(r => r.RegionId == regionId && r.Year == 2029);
            Assert.Null(report.ReturnedAtUtc);
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.LedgerReportReturned && e.ObjectId == $"{regionId}/2029"));
        }

        var returned = await FollowAsync(city, await ReturnAsync(city, Yunxi, 2029, "协调员台账缺少联系方式"));

        Assert.Contains("已退回云溪区 2029 年度台账报送", Flash(returned));
        Assert.Contains("协调员台账缺少联系方式", Text(returned, $"child-{Yunxi}"));
        Assert.Contains("已报送 0 / 应报送 12", Text(returned, "totals"));
        var countyPage = await county.GetPageAsync("/reporting?year=2029");
        Assert.Contains("退回原因：协调员台账缺少联系方式", Text(countyPage, "returned"));
        Assert.NotNull(countyPage.QuerySelector("[data-testid=report-form]"));

        var again = await FollowAsync(county, await ReportAsync(county, Yunxi, 2029));

        Assert.Contains("已报送", Text(again, "own-status"));
        Assert.Null(again.QuerySelector("[data-testid=returned]"));
        await using var after = portal.CreateDbContext();
        var reports = await after.LedgerReports.Where(r => r.RegionId == regionId && r.Year == 2029).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, reports.Count);
        Assert.Equal(("协调员台账缺少联系方式", "yy.reviewer"), (reports[0].ReturnReason, reports[0].ReturnedByName));
        Assert.Null(reports[1].ReturnedAtUtc);
        var audit = await after.AuditEntries.Where(e => e.ObjectType == "ledger-report" && e.ObjectId == $"{regionId}/2029").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditActions.LedgerReported, AuditActions.LedgerReportReturned, AuditActions.LedgerReported], audit);
    }

    [Fact]
    public async Task NobodyReportsForAnotherRegion_AndOnlyAReviewerAboveReturns()
    {
        SetToday(new DateOnly(2030, 6, 1));
        using var yylq = await portal.SignedInClientAsync("yylq.clerk");
        using var yyjs = await portal.SignedInClientAsync("yyjs.clerk");
        using var cityClerk = await portal.SignedInClientAsync("yy.clerk");
        using var cityAdmin = await portal.SignedInClientAsync("yy.admin");
        await FollowAsync(yyjs, await ReportAsync(yyjs, Junshan, 2030));

        Assert.Equal(HttpStatusCode.NotFound, (await ReportAsync(yylq, Junshan, 2030, viaForm: false)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReportAsync(yylq, Yueyang, 2030, viaForm: false)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReturnAsync(yylq, Junshan, 2030, "越权退回", viaForm: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReturnAsync(yyjs, Junshan, 2030, "自己退回", viaForm: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReportAsync(cityClerk, Yueyanglou, 2030, viaForm: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReturnAsync(cityClerk, Junshan, 2030, "填报员退回", viaForm: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReportAsync(cityAdmin, Yueyang, 2030, viaForm: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReturnAsync(cityAdmin, Junshan, 2030, "管理员退回", viaForm: false)).StatusCode);
        Assert.Null((await yylq.GetPageAsync("/reporting?year=2030")).QuerySelector("form[action$='/return']"));

        await using var db = portal.CreateDbContext();
        var reports = await db.LedgerReports.Where(r => r.Year == 2030).ToListAsync();
        Assert.Equal(await portal.RegionIdAsync(Junshan), Assert.Single(reports).RegionId);
        Assert.Null(reports[0].ReturnedAtUtc);
    }

    [Fact]
    public async Task ProvinceDrillsIntoItsCity_AnotherProvinceGetsNotFound()
    {
        SetToday(new DateOnly(2031, 3, 1));
        using var hunan = await portal.SignedInClientAsync("hn.reviewer");
        using var shanxi = await portal.SignedInClientAsync("sx.reviewer");
        using var county = await portal.SignedInClientAsync("yylq.clerk");
        var yueyang = await portal.RegionIdAsync(Yueyang);

        var province = await hunan.GetPageAsync("/reporting?year=2031");
        var drilled = await hunan.GetPageAsync($"/reporting?year=2031&regionId={yueyang}");

        Assert.Contains("已报送 0 / 应报送 1", Text(province, "totals"));
        Assert.NotNull(province.QuerySelector($"[data-testid=child-{Yueyang}] a[href='/reporting?year=2031&regionId={yueyang}']"));
        Assert.Contains("已报送 0 / 应报送 12", Text(drilled, "totals"));
        Assert.Null(drilled.QuerySelector("[data-testid=report-form]"));
        Assert.Equal(HttpStatusCode.NotFound, (await shanxi.Http.GetAsync($"/reporting?year=2031&regionId={yueyang}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.Http.GetAsync($"/reporting?year=2031&regionId={yueyang}")).StatusCode);
    }

    [Fact]
    public async Task ShanxiDeadlinesComeFromItsRulesPerLedger_ElsewhereNoneIsInvented_AndACityReportsWhateverItsCounties()
    {
        SetToday(new DateOnly(2022, 12, 10));
        using var county = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        using var hunanCity = await portal.SignedInClientAsync("yy.reviewer");

        var countyPage = await FollowAsync(county, await ReportAsync(county, Xinfu, 2022));
        var cityBefore = await city.GetPageAsync("/reporting?year=2022");
        var cityAfter = await FollowAsync(city, await ReportAsync(city, Xinzhou, 2022));
        var provincePage = await province.GetPageAsync("/reporting?year=2022");

        // 晋人社厅发〔2021〕53号: mediation organisations and mediators by 2022-08-20, coordinators and social organisations by 12-20, the rest by year end.
        Assert.Contains("各台账报送期限不同（最早 2022-08-20）", Text(countyPage, "deadline"));
        Assert.Contains("已报送 1 / 应报送 3 （未报送：定襄县、原平市）", Text(cityBefore, "completeness-before-report"));
        Assert.Contains("已报送", Text(cityAfter, "own-status"));
        var row = Text(provincePage, $"child-{Xinzhou}");
        Assert.Contains("2022-08-20", row);
        Assert.DoesNotContain("（默认）", row);
        Assert.Equal("本级规则未规定报送期限", Text(await hunanCity.GetPageAsync("/reporting?year=2022"), "deadline").Trim());
        SetToday(new DateOnly(2024, 3, 1)); // a year after Shanxi's rule period, once it has begun (no future years, issue 14)
        using var cityIn2024 = await portal.SignedInClientAsync("xz.reviewer");
        Assert.Equal("本级规则未规定报送期限", Text(await cityIn2024.GetPageAsync("/reporting?year=2024"), "deadline").Trim());
        await using var db = portal.CreateDbContext();
        var xinzhou = await portal.RegionIdAsync(Xinzhou);
        var report = await db.LedgerReports.SingleAsync(r => r.RegionId == xinzhou && r.Year == 2022);
        Assert.Equal((new DateOnly(2022, 8, 20), true), (report.Deadline, report.IsLate));
    }
}

public sealed class SqliteLedgerReportingTests(SqlitePortal portal) : LedgerReportingTests<SqlitePortal>(portal);

public sealed class PostgresLedgerReportingTests(PostgresPortal portal) : LedgerReportingTests<PostgresPortal>(portal);
