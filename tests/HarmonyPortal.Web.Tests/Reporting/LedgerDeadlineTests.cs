using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Reporting;

/// <summary>
/// Ledger reporting per ledger: each ledger is due on the date its plan names for it (山西: mediation organisations and
/// mediators 2021-10-20, 2022-08-20, 2023-06-20; coordinators and social organisations 12-20; the other lists 12-31),
/// lateness is counted per ledger, and where no plan up the chain names a date the page says so instead of inventing one.
/// The test saves its own version of 山西's plan, so it does not depend on how the seed encodes the notice.
/// </summary>
public abstract class LedgerDeadlineTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Xinfu = "140902";

    private static readonly string[] Mediation = ["2021-10-20", "2022-08-20", "2023-06-20"];

    /// <summary>山西's plan with the ledger deadlines of the notice, one per ledger, and one naming no ledger for the rest.</summary>
    private async Task SaveShanxiLedgerDeadlinesAsync()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        await using var db = portal.CreateDbContext();
        if (await db.RuleSetVersions.AnyAsync(v => v.RegionId == shanxi && v.Comment == "台账分项报送期限"))
        {
            return;
        }

        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == shanxi && v.FromYear == 2021).OrderByDescending(v => v.Version).FirstAsync();
        var plan = JsonNode.Parse(latest.Json)!.AsObject();
        var tasks = plan["tasks"]!.AsArray();
        foreach (var task in tasks)
        {
            var deadlines = task!["deadlines"]?.AsArray();
            foreach (var ledgerStep in deadlines?.Where(d => (string?)d!["step"] == "ledger").ToList() ?? [])
            {
                deadlines!.Remove(ledgerStep);
            }
        }

        var carrier = tasks.FirstOrDefault(t => (string?)t!["id"] == "ledger-report") ?? tasks[0]!;
        var list = new JsonArray();
        for (var year = 2021; year <= 2023; year++)
        {
            foreach (var ledger in new[] { "mediation-organizations", "mediators" })
            {
                list.Add(Deadline(year, Mediation[year - 2021], "调解组织台账报省", ledger));
            }

            foreach (var ledger in new[] { "coordinators", "social-organizations" })
            {
                list.Add(Deadline(year, $"{year}-12-20", "协调员台账报省", ledger));
            }

            list.Add(Deadline(year, $"{year}-12-31", "企业名单等台账报省", null));
        }

        carrier["deadlines"] = list;
        using var admin = await portal.SignedInClientAsync("sx.admin");
        var saved = await admin.PostAsync($"/rules/{shanxi}", await admin.TokenFromAsync($"/rules/{shanxi}"), ("json", plan.ToJsonString()), ("comment", "台账分项报送期限"));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(saved)).Body!.TextContent);
    }

    private static JsonObject Deadline(int year, string date, string what, string? ledger)
    {
        var deadline = new JsonObject { ["year"] = year, ["date"] = date, ["what"] = what, ["step"] = "ledger" };
        if (ledger is not null)
        {
            deadline["ledger"] = ledger;
        }

        return deadline;
    }

    private static string Text(IHtmlDocument page, string selector) => Regex.Replace(
        page.QuerySelector(selector)?.TextContent ?? throw new InvalidOperationException($"Nothing matches {selector} on the page."), @"\s+", " ").Trim();

    private async Task<IHtmlDocument> ReportAsync(PortalClient client, string regionCode, int year)
    {
        var action = $"/reporting/{await portal.RegionIdAsync(regionCode)}/report";
        var page = await client.GetPageAsync($"/reporting?year={year}");
        var token = (page.QuerySelector($"form[action='{action}'] input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException("No report form on the page.");
        var response = await client.PostAsync(action, token, ("year", year.ToString()), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Shanxi_MediationLedgersAreDueOnTheirOwnDates_CoordinatorsOn1220_AndLatenessIsCountedPerLedger()
    {
        await SaveShanxiLedgerDeadlinesAsync();
        portal.Clock.Set(2022, 9, 1, 14);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");

        var before = await clerk.GetPageAsync("/reporting?year=2022");

        Assert.Equal("各台账报送期限不同（最早 2022-08-20），逐项如下", Text(before, "[data-testid=deadline]"));
        var mediators = Text(before, "[data-testid=ledger-deadlines] [data-testid=deadline-mediators]");
        Assert.Contains("报送期限 2022-08-20（依据：", mediators);
        Assert.Contains("已超过期限 12 天", mediators);
        Assert.Contains("2022-08-20", Text(before, "[data-testid=ledger-deadlines] [data-testid=deadline-mediation-organizations]"));
        var coordinators = Text(before, "[data-testid=ledger-deadlines] [data-testid=deadline-coordinators]");
        Assert.Contains("报送期限 2022-12-20", coordinators);
        Assert.Contains("未到期", coordinators);
        Assert.Contains("报送期限 2022-12-20", Text(before, "[data-testid=ledger-deadlines] [data-testid=deadline-social-organizations]"));
        Assert.Contains("报送期限 2022-12-31", Text(before, "[data-testid=ledger-deadlines] [data-testid=deadline-harmonious-enterprises]"));

        var reported = await ReportAsync(clerk, Xinfu, 2022);

        var flash = reported.QuerySelector(".alert")!.TextContent;
        Assert.Contains("劳动人事争议调解组织情况表逾期 12 天", flash);
        Assert.Contains("劳动人事争议调解组织调解员情况表逾期 12 天", flash);
        Assert.DoesNotContain("劳动关系协调员情况表逾期", flash);
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var cityPage = await city.GetPageAsync("/reporting?year=2022");
        var row = $"[data-testid=child-{Xinfu}]";
        Assert.Equal("劳动人事争议调解组织调解员情况表：2022-08-20（逾期 12 天）", Text(cityPage, $"{row} [data-testid=deadline-mediators]"));
        Assert.Equal("劳动关系协调员情况表：2022-12-20（按时）", Text(cityPage, $"{row} [data-testid=deadline-coordinators]"));
        Assert.Equal("企业薪酬指引企业名单：2022-12-31（按时）", Text(cityPage, $"{row} [data-testid=deadline-wage-guidance]"));
        Assert.Contains("逾期 12 天", Text(cityPage, row));
        await using var db = portal.CreateDbContext();
        var xinfu = await portal.RegionIdAsync(Xinfu);
        var report = await db.LedgerReports.AsNoTracking().SingleAsync(r => r.RegionId == xinfu && r.Year == 2022);
        Assert.Equal(((DateOnly?)new DateOnly(2022, 8, 20), true, 12), (report.Deadline, report.IsLate, report.DaysLate));
        Assert.Contains("\"mediators\":\"2022-08-20\"", report.LedgerDeadlines);
        Assert.Contains("\"coordinators\":\"2022-12-20\"", report.LedgerDeadlines);
    }

    [Fact]
    public async Task Shanxi2021_ReportedInNovember_IsLateForMediationOnly_AndOnTimeWhereTheDateIsLater()
    {
        await SaveShanxiLedgerDeadlinesAsync();
        portal.Clock.Set(2021, 11, 1, 14);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");

        var reported = await ReportAsync(clerk, "140921", 2021);

        Assert.Contains("劳动人事争议调解组织情况表逾期 12 天", reported.QuerySelector(".alert")!.TextContent);
        Assert.Contains("报送期限 2021-10-20", Text(reported, "[data-testid=ledger-deadlines] [data-testid=deadline-mediation-organizations]"));
        Assert.Contains("按时", Text(reported, "[data-testid=ledger-deadlines] [data-testid=deadline-social-organizations]"));
    }

    [Fact]
    public async Task RegionsThatHaveNotReported_AreRemindedOfEachLedgerDate_SevenDaysBefore_NoneWhereNoDateIsSet()
    {
        await SaveShanxiLedgerDeadlinesAsync();

        await RemindAsync(new DateOnly(2022, 8, 13));
        await RemindAsync(new DateOnly(2022, 12, 13));
        portal.Clock.Set(2022, 12, 13, 14);
        using var shanxi = await portal.SignedInClientAsync("xzyp.clerk");
        using var hunan = await portal.SignedInClientAsync("yyjs.clerk");
        var inbox = (await shanxi.GetPageAsync("/notifications")).Body!.TextContent;

        Assert.Contains("2022 年度台账（劳动人事争议调解组织情况表、劳动人事争议调解组织调解员情况表）还有 7 天报送截止（2022-08-20），原平市尚未报送", inbox);
        Assert.Contains("2022 年度台账（劳动关系协调员情况表、协调劳动关系社会组织情况表）还有 7 天报送截止（2022-12-20），原平市尚未报送", inbox);
        Assert.DoesNotContain("报送截止", (await hunan.GetPageAsync("/notifications")).Body!.TextContent);
    }

    private async Task<int> RemindAsync(DateOnly today)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HarmonyPortal.Web.Features.Nominations.DeadlineReminders>().RunAsync(today, CancellationToken.None);
    }

    [Fact]
    public async Task WhereNoPlanUpTheChainNamesALedgerDate_ThePageSaysSo_AndNothingIsLate()
    {
        await SaveShanxiLedgerDeadlinesAsync();

        // 岳阳's plans name no ledger deadline; 山西's plan continues into 2024 after its period, without its dated deadlines.
        portal.Clock.Set(2024, 3, 1, 14);
        using var hunan = await portal.SignedInClientAsync("yyjs.clerk");
        using var shanxiCity = await portal.SignedInClientAsync("xz.reviewer");

        var hunanPage = await hunan.GetPageAsync("/reporting?year=2023");
        var shanxi2024 = await shanxiCity.GetPageAsync("/reporting?year=2024");

        Assert.Equal("本级规则未规定报送期限", Text(hunanPage, "[data-testid=deadline]"));
        Assert.Null(hunanPage.QuerySelector("[data-testid=ledger-deadlines]"));
        Assert.Equal("本级规则未规定报送期限", Text(shanxi2024, "[data-testid=deadline]"));
        Assert.Contains("本级规则未规定报送期限", Text(shanxi2024, $"[data-testid=child-{Xinfu}]"));
        Assert.DoesNotContain("已超过期限", Text(shanxi2024, $"[data-testid=child-{Xinfu}]"));
    }

    [Fact]
    public async Task ACityPlanThatDoesNotInheritDeadlines_StopsTheWalk_ItsCountiesHaveNoLedgerDate()
    {
        await SaveShanxiLedgerDeadlinesAsync();
        portal.Clock.Set(2023, 7, 1, 14);
        using (var before = await portal.SignedInClientAsync("xzyp.clerk"))
        {
            Assert.Contains("报送期限 2023-06-20", Text(await before.GetPageAsync("/reporting?year=2023"), "[data-testid=ledger-deadlines] [data-testid=deadline-mediators]"));
        }

        var xinzhou = await portal.RegionIdAsync("140900");
        await using (var db = portal.CreateDbContext())
        {
            db.RuleSetVersions.Add(new HarmonyPortal.Core.Rules.RuleSetVersion
            {
                RegionId = xinzhou, Version = 1, PlanVersion = 1, FromYear = 2021, ToYear = 2023, Name = "忻州市测试规划", CreatedBy = "test",
                CreatedAtUtc = DateTime.UtcNow,
                Json = """
                       { "jurisdiction": "140900", "name": "忻州市测试规划", "source": "测试", "fromYear": 2021, "toYear": 2023,
                         "inherits": { "deadlines": false }, "tasks": [], "criteria": {}, "notes": [] }
                       """,
            });
            await db.SaveChangesAsync();
        }

        try
        {
            using var clerk = await portal.SignedInClientAsync("xzyp.clerk");

            var page = await clerk.GetPageAsync("/reporting?year=2023");

            Assert.Equal("本级规则未规定报送期限", Text(page, "[data-testid=deadline]"));
        }
        finally
        {
            await using var db = portal.CreateDbContext();
            await db.RuleSetVersions.Where(v => v.RegionId == xinzhou).ExecuteDeleteAsync();
        }
    }
}

public sealed class SqliteLedgerDeadlineTests(SqlitePortal portal) : LedgerDeadlineTests<SqlitePortal>(portal);

public sealed class PostgresLedgerDeadlineTests(PostgresPortal portal) : LedgerDeadlineTests<PostgresPortal>(portal);
