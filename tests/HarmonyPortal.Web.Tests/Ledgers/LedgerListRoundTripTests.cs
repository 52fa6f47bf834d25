using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// Issue 21: the ledger list page costs four database round trips for a reviewer — the session, the region filter
/// with the ledger's row counts, the page, the unread badge — and its "共 N 条" of an unfiltered list comes from the
/// counters, not from a COUNT over the ledger's rows. Not timed: the commands a request sends are counted.
/// </summary>
public abstract class LedgerListRoundTripTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : CommandCountingPortal
{
    private static async Task CreateCoordinatorAsync(PortalClient client, string name, string id)
    {
        var token = await client.TokenFromAsync("/ledgers");
        var created = await client.PostAsync("/ledgers/coordinators/create", token, [.. LedgerForms.Coordinator(name: name, id: id), ("year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }

    private static string Count(IHtmlDocument page) => page.QuerySelector("[data-testid=ledger-count]")!.TextContent;

    [Fact]
    public async Task ListPage_OfAReviewer_TakesFourRoundTrips_AndCountsTheRowsFromTheCounters()
    {
        using var louqu = await portal.SignedInClientAsync("yylq.clerk");
        await CreateCoordinatorAsync(louqu, "钱往返", TestIdNumbers.WithCheckDigit("43060219800505002"));
        await CreateCoordinatorAsync(louqu, "孙往返", TestIdNumbers.WithCheckDigit("43060219800505004"));
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var louquId = await portal.RegionIdAsync("430602");
        await using var db = portal.CreateDbContext();
        var cityPath = await db.Regions.Where(x => x.Code == "430600").Select(x => x.Path).SingleAsync();
        var cityRows = await db.Coordinators.CountAsync(r => r.Year == 2026 && r.Region.Path.StartsWith(cityPath));
        var louquRows = await db.Coordinators.CountAsync(r => r.Year == 2026 && r.RegionId == louquId);

        var (whole, wholeCommands) = await portal.CountCommandsAsync(city, "/ledgers/coordinators?year=2026");
        var (county, countyCommands) = await portal.CountCommandsAsync(city, $"/ledgers/coordinators?year=2026&regionId={louquId}");

        foreach (var commands in new[] { wholeCommands, countyCommands })
        {
            var listed = string.Join("\n---\n", commands);
            Assert.True(commands.Count == 4, $"expected 4 round trips (session, regions with counts, page, badge), got {commands.Count}:\n{listed}");
            Assert.Contains("AuthSessions", commands[0], StringComparison.Ordinal);
            Assert.Contains("LedgerRowCounts", commands[1], StringComparison.Ordinal);
            Assert.Contains("Coordinators", commands[2], StringComparison.Ordinal);
            Assert.Contains("Notifications", commands[3], StringComparison.Ordinal);
        }

        Assert.True(cityRows >= 2 && louquRows >= 2);
        Assert.Contains($"共 {cityRows} 条", Count(whole));
        Assert.Contains($"共 {louquRows} 条", Count(county));
        Assert.Contains("岳阳楼区", county.QuerySelector("#regionId option[selected]")!.TextContent);
    }

    private static List<string> RegionOptions(IHtmlDocument page) =>
        page.QuerySelectorAll("#regionId option").Select(o => o.GetAttribute("value") ?? "").Where(v => v.Length > 0).ToList();

    [Fact]
    public async Task RegionFilter_OffersTheChildren_OpensTheSelectedRegion_StillFilters_AndRefusesARegionOutsideTheScope()
    {
        using var louqu = await portal.SignedInClientAsync("yylq.clerk");
        await CreateCoordinatorAsync(louqu, "周筛选", TestIdNumbers.WithCheckDigit("43060219800505006"));
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var louquId = (await portal.RegionIdAsync("430602")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var townId = (await portal.RegionIdAsync("430602-001")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Unfiltered: the city and its counties, not the towns below a county (issue 21: no whole subtree per page).
        var whole = await city.GetPageAsync("/ledgers/coordinators?year=2026");
        Assert.Contains(louquId, RegionOptions(whole));
        Assert.DoesNotContain(townId, RegionOptions(whole));
        Assert.Contains("岳阳楼区 ＋", whole.QuerySelectorAll("#regionId option").Single(o => o.GetAttribute("value") == louquId).TextContent);
        Assert.NotNull(whole.QuerySelector("[data-testid=region-drill-hint]"));

        // The county chosen: its towns are offered too, and the list holds the county's rows only.
        var county = await city.GetPageAsync($"/ledgers/coordinators?year=2026&regionId={louquId}");
        Assert.Contains(townId, RegionOptions(county));
        Assert.Equal(louquId, county.QuerySelector("#regionId option[selected]")!.GetAttribute("value"));
        var names = county.QuerySelectorAll("[data-testid=ledger-row]").Select(r => r.TextContent).ToList();
        Assert.Contains(names, n => n.Contains("周筛选", StringComparison.Ordinal));
        Assert.All(county.QuerySelectorAll("[data-testid=ledger-row] td:first-child"), td => Assert.Equal("岳阳楼区", td.TextContent.Trim()));

        // A town selected directly (a bookmarked address) is offered with its trail; a region of another city is refused.
        var town = await city.GetPageAsync($"/ledgers/coordinators?year=2026&regionId={townId}");
        Assert.Equal(townId, town.QuerySelector("#regionId option[selected]")!.GetAttribute("value"));
        Assert.Contains("共 0 条", Count(town));
        var elsewhere = await portal.RegionIdAsync("360700");
        var refused = await city.Http.GetAsync($"/ledgers/coordinators?year=2026&regionId={elsewhere}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task RegionFilter_KeptBetweenPages_StillOffersARegionAddedSince()
    {
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var before = await city.GetPageAsync("/ledgers/coordinators?year=2026");
        Assert.DoesNotContain("缓存新区", before.QuerySelector("#regionId")!.TextContent);

        // Added as the region administration does (RegionWriter through the portal's own unit of work).
        await using (var services = portal.Services.CreateAsyncScope())
        {
            var db = services.ServiceProvider.GetRequiredService<HarmonyDbContext>();
            var parent = await db.Regions.SingleAsync(r => r.Code == "430600");
            var added = new Core.Regions.Region
            {
                Name = "缓存新区", Code = "430698", Level = Core.Regions.RegionLevel.County, SortOrder = 98,
            };
            await Core.Regions.RegionWriter.AddAsync(db, added, parent, default);
        }

        var after = await city.GetPageAsync("/ledgers/coordinators?year=2026");
        Assert.Contains("缓存新区", after.QuerySelector("#regionId")!.TextContent);
    }

    [Fact]
    public async Task ListPage_FilteredBeyondOnePage_StillCountsEveryMatchingRow()
    {
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        var louquId = await portal.RegionIdAsync("430602");
        await using (var db = portal.CreateDbContext())
        {
            for (var i = 0; i < LedgerListQuery.PageSize + 7; i++)
            {
                db.NewEnterpriseServices.Add(new NewEnterpriseService
                {
                    RegionId = louquId, Year = 2026, Name = $"往返计数企业{i:000}", Address = "洞庭路", ContactName = "张三", ContactPhone = "13800000000",
                    EmployeeCount = 10, ServiceUnit = "县人社局", ServedOn = new DateOnly(2026, 3, 1), Version = 1,
                });
            }

            await db.SaveChangesAsync();
        }

        // The unfiltered page first fills the region filter's cache: the two searches below differ only in the count.
        var (unfiltered, _) = await portal.CountCommandsAsync(clerk, "/ledgers/new-enterprise-services?year=2026");
        var (searched, commands) = await portal.CountCommandsAsync(clerk, "/ledgers/new-enterprise-services?year=2026&q=往返计数");
        var (small, smallCommands) = await portal.CountCommandsAsync(clerk, "/ledgers/new-enterprise-services?year=2026&q=往返计数企业003");

        Assert.Contains($"共 {LedgerListQuery.PageSize + 7} 条", Count(searched));
        Assert.Contains($"共 {LedgerListQuery.PageSize + 7} 条", Count(unfiltered));
        Assert.Contains("共 1 条", Count(small));
        // A search whose first page holds every match is counted from that page: one command fewer than a longer one.
        Assert.Equal(commands.Count - 1, smallCommands.Count);
    }
}

/// <summary>
/// The portal with every database command of a marked request (header <see cref="Header"/>), or of work run through
/// <see cref="CountCommandsAsync(Func{IServiceProvider, Task})"/>, recorded.
/// </summary>
public class CommandCountingPortal(DatabaseProvider provider) : PortalFactory(provider)
{
    public const string Header = "X-Test-Count-Commands";

    private static readonly AsyncLocal<ConcurrentQueue<string>?> Outside = new();

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> commands = new();

    /// <summary>Runs <paramref name="work"/> in a scope of its own, outside any request, and returns the text of each command it sent.</summary>
    public async Task<IReadOnlyList<string>> CountCommandsAsync(Func<IServiceProvider, Task> work)
    {
        var sent = new ConcurrentQueue<string>();
        Outside.Value = sent;
        try
        {
            await using var scope = Services.CreateAsyncScope();
            await work(scope.ServiceProvider);
        }
        finally
        {
            Outside.Value = null;
        }

        return [.. sent];
    }

    /// <summary>Fetches <paramref name="url"/> and returns the page and the text of each command it sent, in order.</summary>
    public async Task<(IHtmlDocument Page, IReadOnlyList<string> Commands)> CountCommandsAsync(PortalClient client, string url)
    {
        var tag = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(Header, tag);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        return (page, commands.TryRemove(tag, out var sent) ? [.. sent] : []);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<HarmonyDbContext>((sp, o) =>
            o.AddInterceptors(new Recorder(sp.GetRequiredService<IHttpContextAccessor>(), commands))));
    }

    private sealed class Recorder(IHttpContextAccessor http, ConcurrentDictionary<string, ConcurrentQueue<string>> commands) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Record(command, result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            Record(command, result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Record(command, result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, result));

        private T Record<T>(DbCommand command, T result)
        {
            if (http.HttpContext?.Request.Headers[Header] is [{ } tag])
            {
                commands.GetOrAdd(tag, _ => new()).Enqueue(command.CommandText);
            }
            else if (http.HttpContext is null && Outside.Value is { } outside)
            {
                outside.Enqueue(command.CommandText);
            }

            return result;
        }
    }
}

public sealed class SqliteCommandCountingPortal() : CommandCountingPortal(DatabaseProvider.Sqlite);

public sealed class PostgresCommandCountingPortal() : CommandCountingPortal(DatabaseProvider.Postgres);

public sealed class SqliteLedgerListRoundTripTests(SqliteCommandCountingPortal portal) : LedgerListRoundTripTests<SqliteCommandCountingPortal>(portal);

public sealed class PostgresLedgerListRoundTripTests(PostgresCommandCountingPortal portal) : LedgerListRoundTripTests<PostgresCommandCountingPortal>(portal);
