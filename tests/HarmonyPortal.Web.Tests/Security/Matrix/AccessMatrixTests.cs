using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Security.Matrix;

/// <summary>The portal with the two-province world of <see cref="ScopeWorld"/> built once for the class.</summary>
public class MatrixPortal(DatabaseProvider provider, int foreignRegionsPerUser) : PortalFactory(provider)
{
    /// <summary>How many regions outside each user's scope the matrix aims at (CI time: two on SQLite, one on PostgreSQL).</summary>
    public int ForeignRegionsPerUser => foreignRegionsPerUser;

    public ScopeWorld World { get; private set; } = null!;

    /// <summary>三员分立 is on in the matrix (ADR 0020): the world's 管理员 accounts predate it and keep working; 忻州 has the three separated roles.</summary>
    public bool SeparateAdministrators => true;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(Web.Infrastructure.AdministratorSeparation.Setting, SeparateAdministrators ? "true" : "false");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        World = await ScopeWorld.BuildAsync(this);
    }

    protected override async Task DisposeFixtureAsync()
    {
        World?.Dispose();
        await base.DisposeFixtureAsync();
    }
}

public sealed class SqliteMatrixPortal() : MatrixPortal(DatabaseProvider.Sqlite, 2);

public sealed class PostgresMatrixPortal() : MatrixPortal(DatabaseProvider.Postgres, 1);

/// <summary>
/// Every user of the world × every route that can name a record × every region outside the user's scope: none may
/// succeed, each answers 403 or 404 exactly as for a record that does not exist, and the database is unchanged.
/// </summary>
public abstract partial class AccessMatrixTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : MatrixPortal
{
    protected TPortal Portal => portal;

    protected ScopeWorld World => portal.World;

    protected ITestOutputHelper Output => output;

    [Fact]
    public void EveryRouteOfTheEndpointDataSource_IsClassifiedByTheMatrix()
    {
        var keys = PortalEndpoint.All(portal.Services).Select(e => e.Key).ToHashSet();
        var classified = MatrixRoutes.Foreign.Keys.Concat(MatrixRoutes.OwnScope.Keys).Concat(MatrixRoutes.Unscoped.Keys).ToList();

        output.WriteLine($"{keys.Count} routes: {MatrixRoutes.Foreign.Count} can name a record, {MatrixRoutes.OwnScope.Count} act on the own scope only, {MatrixRoutes.Unscoped.Count} unscoped.");
        Assert.Empty(keys.Except(classified).Order());
        Assert.Empty(classified.Except(keys).Order());
        Assert.Equal(classified.Count, classified.Distinct().Count());
    }

    [Fact]
    public async Task EveryUserOnEveryRoute_IsRefusedRecordsOutsideItsScope_AsIfTheyWereMissing_AndNothingChanges()
    {
        var sessions = new Dictionary<Actor, (PortalClient Client, string Token)>();
        foreach (var actor in World.Actors)
        {
            var client = await World.ClientAsync(actor.UserName);
            sessions[actor] = (client, await client.TokenFromAsync("/"));
        }

        await using var db = portal.CreateDbContext();
        string[] volatileTables = [DatabaseFingerprint.TableOf<AuditEntry>(db), DatabaseFingerprint.TableOf<AuthSession>(db)];
        var before = await DatabaseFingerprint.TakeAsync(db, volatileTables);
        var lastAudit = await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
        var trailBefore = await AuditRowsAsync(db, lastAudit);
        var watch = Stopwatch.StartNew();
        var attempts = 0;
        var comparisons = 0;
        var statuses = new ConcurrentDictionary<int, int>();
        var leaks = new ConcurrentBag<string>();
        var unlike = new ConcurrentBag<string>();
        // One user of each role at each level also compares every refusal with the answer for a record that does not exist.
        var comparing = World.Actors.GroupBy(a => (a.Region.Level, a.Role)).Select(g => g.First()).ToHashSet();

        await Parallel.ForEachAsync(World.Actors, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (actor, ct) =>
        {
            var (client, token) = sessions[actor];
            var targets = World.ForeignTo(actor, portal.ForeignRegionsPerUser);
            foreach (var (route, request) in MatrixRoutes.Foreign)
            {
                (HttpStatusCode Status, string Body)? firstRefusal = null;
                foreach (var target in targets)
                {
                    if (request(target) is not { } foreign)
                    {
                        continue;
                    }

                    var response = await foreign.SendAsync(client, token);
                    Interlocked.Increment(ref attempts);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    {
                        leaks.Add($"{actor.UserName} {foreign} ({target.Key}) answered {(int)response.StatusCode}");
                    }

                    firstRefusal ??= (response.StatusCode, Shape(await response.Content.ReadAsStringAsync(ct)));
                }

                if (comparing.Contains(actor) && firstRefusal is { } refusal && request(RegionRecords.Missing) is { } missing)
                {
                    var response = await missing.SendAsync(client, token);
                    Interlocked.Increment(ref comparisons);
                    if (response.StatusCode != refusal.Status || Shape(await response.Content.ReadAsStringAsync(ct)) != refusal.Body)
                    {
                        unlike.Add($"{actor.UserName} {route}: foreign {(int)refusal.Status}, missing {(int)response.StatusCode}{(response.StatusCode == refusal.Status ? " with another body" : "")}");
                    }
                }
            }
        });

        var changed = DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(db, volatileTables));
        var denials = await db.AuditEntries.AsNoTracking().Where(a => a.Id > lastAudit).ToListAsync();
        var incomplete = denials.Where(a => a.Action != AuditActions.AccessDenied || !AuditTrail.IsComplete(a, a.UserName!, portal.Clock, AuditOutcome.Denied)
            || !World.Actors.Any(actor => actor.UserName == a.UserName)).Select(AuditTrail.Describe).ToList();
        output.WriteLine($"{portal.Provider}: {World.Actors.Count} users × {MatrixRoutes.Foreign.Count} routes × their foreign regions = {attempts} out-of-scope requests " +
            $"in {watch.Elapsed.TotalSeconds:0.0} s; {attempts - leaks.Count} refused ({string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}); " +
            $"{comparisons} missing-vs-foreign comparisons, {comparisons - unlike.Count} alike; {before.Count} tables compared, {changed.Count} changed; " +
            $"{denials.Count} access.denied audit entries, {denials.Count - incomplete.Count} complete; earlier audit entries unchanged: {trailBefore == await AuditRowsAsync(db, lastAudit)}.");
        Assert.Empty(leaks);
        Assert.Empty(unlike);
        Assert.Empty(changed);
        Assert.Equal(attempts + comparisons, denials.Count);
        Assert.Empty(incomplete.Take(10));
        Assert.Equal(trailBefore, await AuditRowsAsync(db, lastAudit));
        Assert.True(attempts >= World.Actors.Count * 40 * portal.ForeignRegionsPerUser, $"only {attempts} attempts");
    }

    [Fact]
    public async Task SignIns_FailuresAndLockout_AreAuditedWithTimeUserIpObjectAndOutcome()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginOrFailAsync("jyyc.clerk");
        for (var i = 0; i < 6; i++)
        {
            await client.LoginAsync("jyhl.clerk", "Wrong#Guess" + i);
        }

        await using var db = portal.CreateDbContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.UserName == "jyyc.clerk" || a.UserName == "jyhl.clerk").ToListAsync();
        bool Has(string action, string user, AuditOutcome outcome) => entries.Any(a => a.Action == action && AuditTrail.IsComplete(a, user, portal.Clock, outcome));

        output.WriteLine($"{portal.Provider}: {entries.Count} sign-in audit entries: " + string.Join(" | ", entries.Select(AuditTrail.Describe)));
        Assert.True(Has(AuditActions.LoginSucceeded, "jyyc.clerk", AuditOutcome.Success));
        Assert.True(entries.Count(a => a.Action == AuditActions.LoginFailed && AuditTrail.IsComplete(a, "jyhl.clerk", portal.Clock, AuditOutcome.Failure)) >= 4);
        Assert.True(Has(AuditActions.LoginLockedOut, "jyhl.clerk", AuditOutcome.Failure));
    }

    [Fact]
    public async Task AuditEntries_CannotBeChangedOrDeletedThroughTheApplicationsDataLayer()
    {
        await using var db = portal.CreateDbContext();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        var original = AuditTrail.Describe(entry);

        entry.Outcome = AuditOutcome.Success;
        entry.Details = "篡改";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var fresh = portal.CreateDbContext();
        Assert.Equal(original, AuditTrail.Describe(await fresh.AuditEntries.SingleAsync(a => a.Id == entry.Id)));

        // Bulk updates bypass SaveChanges: no source file may aim one at the audit table.
        // The one exception is the retention purge (ADR 0020), which deletes only entries older than Audit:RetentionDays (AuditRetentionTests).
        var bypasses = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("Migrations", StringComparison.Ordinal) && Path.GetFileName(f) != "AuditRetention.cs")
            .SelectMany(f => File.ReadLines(f).Select(line => (f, line)))
            .Where(l => (l.line.Contains("AuditEntries", StringComparison.Ordinal) || l.line.Contains("Set<AuditEntry>", StringComparison.Ordinal))
                && AuditRewrite().IsMatch(l.line))
            .Select(l => $"{Path.GetFileName(l.f)}: {l.line.Trim()}").ToList();
        Assert.Empty(bypasses);
    }

    /// <summary>The audit rows up to an id, as text, to show that later requests only appended.</summary>
    private static async Task<string> AuditRowsAsync(HarmonyDbContext db, long upTo) =>
        string.Join("\n", (await db.AuditEntries.AsNoTracking().Where(a => a.Id <= upTo).OrderBy(a => a.Id).ToListAsync()).Select(a => a.Id + " " + AuditTrail.Describe(a)));

    /// <summary>A page with its per-request secrets taken out, so two renderings of the same answer compare equal.</summary>
    private static string Shape(string body) => AntiforgeryValue().Replace(body, "value=\"…\"");

    [GeneratedRegex(@"Execute(Update|Delete)|\.Remove|\.Update\(|\.Attach|FromSql|ExecuteSql")]
    private static partial Regex AuditRewrite();

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}

public sealed class SqliteAccessMatrixTests(SqliteMatrixPortal portal, ITestOutputHelper output)
    : AccessMatrixTests<SqliteMatrixPortal>(portal, output);

public sealed class PostgresAccessMatrixTests(PostgresMatrixPortal portal, ITestOutputHelper output)
    : AccessMatrixTests<PostgresMatrixPortal>(portal, output);
