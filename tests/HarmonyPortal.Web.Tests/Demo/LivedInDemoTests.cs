using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Infrastructure;
using HarmonyPortal.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Demo;

/// <summary>The portal as <c>./run.sh</c> starts it (Development, sample data on), on a real database file or server.</summary>
public class LivedInPortal(DatabaseProvider provider) : PortalFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:SampleLedgers", "true");
    }
}

public sealed class SqliteLivedInPortal() : LivedInPortal(DatabaseProvider.Sqlite);

public sealed class PostgresLivedInPortal() : LivedInPortal(DatabaseProvider.Postgres);

/// <summary>
/// Issue 20, a lived-in demo: every seed jurisdiction shows ledgers, nominations at every step, a published list, a
/// returned sheet, reported and returned ledger reports; a second start adds nothing; every demo login opens its home page.
/// </summary>
public abstract class LivedInDemoTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : LivedInPortal
{
    private int Year => portal.Clock.GetLocalNow().Year;

    [Theory]
    [MemberData(nameof(DemoCities.All), MemberType = typeof(DemoCities))]
    public async Task EveryJurisdiction_HasLedgersInSeveralCounties_NominationsAtEveryStep_AndReports(string city)
    {
        await using var db = portal.CreateDbContext();
        var path = await db.Regions.Where(r => r.Code == Code(city)).Select(r => r.Path).SingleAsync();

        var countiesWithCoordinators = await db.Coordinators.Where(c => c.Region.Path.StartsWith(path) && c.Year == Year).Select(c => c.RegionId).Distinct().CountAsync();
        Assert.True(countiesWithCoordinators >= 2, $"{city}: coordinators in {countiesWithCoordinators} counties");
        Assert.True(await db.MediationOrganizations.CountAsync(r => r.Region.Path.StartsWith(path) && r.Year == Year) >= 2);
        Assert.True(await db.KeyEnterprises.CountAsync(r => r.Region.Path.StartsWith(path) && r.Year == Year) >= 2);
        Assert.True(await db.TownsAndParks.CountAsync(r => r.Region.Path.StartsWith(path) && r.Year == Year) >= 2);

        var sheets = await db.NominationSheets.Where(s => s.Region.Path.StartsWith(path)).ToListAsync();
        // 唐山 included: the city has no plan of its own and publishes under 唐山高新区's (ADR 0009).
        SheetStatus[] expected = [SheetStatus.Draft, SheetStatus.Submitted, SheetStatus.Returned, SheetStatus.Approved, SheetStatus.Published];
        Assert.All(expected, status => Assert.Contains(sheets, s => s.Status == status && (s.Year == Year || status == SheetStatus.Published || status == SheetStatus.Draft)));
        Assert.Contains(sheets, s => s.Status == SheetStatus.Returned && !string.IsNullOrEmpty(s.ReturnReason));
        Assert.Contains(await db.Nominations.Where(n => n.Region.Path.StartsWith(path)).Select(n => n.ProvinceDecision).ToListAsync(), d => d == Decision.Yes);

        var reports = await db.LedgerReports.Where(r => r.Region.Path.StartsWith(path)).ToListAsync();
        Assert.Contains(reports, r => r.Year == Year && r.IsLive);
        Assert.Contains(reports, r => r.Year == Year && r.ReturnReason is not null);
        if (city == "gz")
        {
            Assert.Contains(reports, r => r.Year == DemoActivity.LateYear && r.IsLate && r.DaysLate > 0);
        }
    }

    [Theory]
    [MemberData(nameof(DemoCities.All), MemberType = typeof(DemoCities))]
    public async Task TheCityReviewer_SeesThePublishedList_TheReturnedSheet_AndTheReportingState(string city)
    {
        var jurisdiction = DemoJurisdictions.All.Single(j => j.City == city);
        await using var db = portal.CreateDbContext();
        var selected = await db.Nominations.Where(n => n.Region.Path.StartsWith(db.Regions.Single(r => r.Code == Code(city)).Path) && n.ProvinceDecision == Decision.Yes)
            .Select(n => n.Name).FirstAsync();
        var returned = await db.NominationSheets.Where(s => s.Status == SheetStatus.Returned && s.Region.Path.StartsWith(db.Regions.Single(r => r.Code == Code(city)).Path))
            .Select(s => new { s.Id, s.ReturnReason }).FirstAsync();

        using (var reviewer = await portal.SignedInClientAsync(jurisdiction.Province + ".reviewer"))
        {
            var list = await reviewer.GetPageAsync($"/print/published?category=Coordinator&year={Year - 1}&batch=0");
            Assert.Contains(selected, list.Body!.TextContent, StringComparison.Ordinal);
        }

        using var cityReviewer = await portal.SignedInClientAsync(city + ".reviewer");
        Assert.Contains(returned.ReturnReason!, (await cityReviewer.GetPageAsync($"/nominations/sheets/{returned.Id}")).Body!.TextContent, StringComparison.Ordinal);
        var reporting = (await cityReviewer.GetPageAsync($"/reporting?year={Year}")).Body!.TextContent;
        Assert.Contains("退回", reporting, StringComparison.Ordinal);
        Assert.Contains(NameOf(jurisdiction.Counties[0].Key), reporting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoReviewers_SeeMaterialsToReview_IndicatorFiguresWithEvidence_AndPublishedLists()
    {
        // 岳阳's counties' 专题情况报告: one received, one returned with the reason, one waiting.
        using var yueyang = await portal.SignedInClientAsync("yy.reviewer");
        var review = (await yueyang.GetPageAsync($"/materials/review?year={Year}")).QuerySelector("[data-testid=review-task][data-task=wage-guidance-topic-report]")!;
        var statuses = review.QuerySelectorAll("[data-testid=status]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("已接收", statuses);
        Assert.Contains("已退回", statuses);
        Assert.Contains("已提交", statuses);
        Assert.Contains("岳阳楼区薪酬分配指导工作专题情况报告", review.TextContent, StringComparison.Ordinal);

        // 唐山市 receives 唐山高新区's figures with their evidence, and has published its experience and last year's gold list.
        using var tangshan = await portal.SignedInClientAsync("ts.reviewer");
        var indicators = (await tangshan.GetPageAsync($"/indicators/review?year={Year}")).QuerySelector("[data-task=wage-data-feedback]")!;
        Assert.Contains("93.5", indicators.TextContent, StringComparison.Ordinal);
        Assert.NotNull(indicators.QuerySelector("[data-testid=evidence]"));
        Assert.Contains("高新区国有企业市场化薪酬分配改革经验做法", (await tangshan.GetPageAsync($"/materials/published?year={Year}")).Body!.TextContent, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.Contains(await db.NominationSheets.Where(s => s.Region.Code == "130200" && s.Status == SheetStatus.Published).Select(s => s.Year).ToListAsync(), y => y == Year - 1);
        var published = (await tangshan.GetPageAsync($"/print/published?category=Coordinator&year={Year - 1}&batch=0")).Body!.TextContent;
        Assert.Contains(await db.Nominations.Where(n => n.Region.Code == "130200-GX" && n.Year == Year - 1 && n.ProvinceDecision == Decision.Yes).Select(n => n.Name).FirstAsync(), published, StringComparison.Ordinal);

        // 岳阳市's 2023 figure, past its plan date, was reported after 湖南省 extended it.
        using var hunan = await portal.SignedInClientAsync("hn.reviewer");
        var late = (await hunan.GetPageAsync("/indicators/review?year=2023")).QuerySelector("[data-task=wage-data-feedback]")!.TextContent;
        Assert.Contains("86", late, StringComparison.Ordinal);
        Assert.Contains("已延期", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedingAgain_AddsNothing()
    {
        await using var db = portal.CreateDbContext();
        var before = await DatabaseFingerprint.TakeAsync(db);

        await DemoActivity.EnsureAsync(portal.Services, Year);

        var after = await DatabaseFingerprint.TakeAsync(db);
        var added = await db.AuditEntries.OrderByDescending(a => a.Id).Take(12).Select(a => a.Action + " " + a.UserName + " " + a.ObjectType + " " + a.Details).ToListAsync();
        Assert.True(before.SequenceEqual(after), string.Join("\n", added));
    }

    [Fact]
    public async Task EveryDemoLogin_SignsIn_AndOpensItsHomePage()
    {
        foreach (var account in DemoAccounts.All)
        {
            using var client = await portal.SignedInClientAsync(account.UserName);
            var response = await client.Http.GetAsync("/");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{account.UserName}: {response.StatusCode}");
            Assert.Contains(account.RegionName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static string Code(string key) => Seed(key).Code;

    private static string NameOf(string key) => Seed(key).Name;

    private static RegionSeed Seed(string key) => RegionSeed.FiveJurisdictions.SelectMany(p => p.SelfAndDescendants()).Single(r => r.Key == key);
}

public static class DemoCities
{
    public static TheoryData<string> All => new(DemoJurisdictions.All.Select(j => j.City));
}

public sealed class SqliteLivedInDemoTests(SqliteLivedInPortal portal) : LivedInDemoTests<SqliteLivedInPortal>(portal);

public sealed class PostgresLivedInDemoTests(PostgresLivedInPortal portal) : LivedInDemoTests<PostgresLivedInPortal>(portal);

/// <summary>The tests' own portal (sample data off) has the demo logins but none of the demo's activity.</summary>
public abstract class NoDemoActivityInTestsTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task TheTestPortal_HasNoDemoLedgersNominationsOrReports()
    {
        await using var db = portal.CreateDbContext();

        Assert.Equal(0, await db.Coordinators.CountAsync());
        Assert.Equal(0, await db.HarmoniousEnterprises.CountAsync());
        Assert.Equal(0, await db.Nominations.CountAsync());
        Assert.Equal(0, await db.LedgerReports.CountAsync());
    }
}

public sealed class SqliteNoDemoActivityInTestsTests(SqlitePortal portal) : NoDemoActivityInTestsTests<SqlitePortal>(portal);

public sealed class PostgresNoDemoActivityInTestsTests(PostgresPortal portal) : NoDemoActivityInTestsTests<PostgresPortal>(portal);
