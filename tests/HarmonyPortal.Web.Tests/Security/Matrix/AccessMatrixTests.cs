using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Security.Matrix;

/// <summary>The portal with the two-province world of <see cref="ScopeWorld"/> built once for the class.</summary>
public class MatrixPortal(DatabaseProvider provider) : PortalFactory(provider)
{
    public ScopeWorld World { get; private set; } = null!;

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

public sealed class SqliteMatrixPortal() : MatrixPortal(DatabaseProvider.Sqlite);

public sealed class PostgresMatrixPortal() : MatrixPortal(DatabaseProvider.Postgres);

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
        var watch = Stopwatch.StartNew();
        var attempts = 0;
        var comparisons = 0;
        var statuses = new Dictionary<int, int>();
        var leaks = new List<string>();
        var unlike = new List<string>();

        foreach (var actor in World.Actors)
        {
            var (client, token) = sessions[actor];
            var targets = World.ForeignTo(actor);
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
                    attempts++;
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    {
                        leaks.Add($"{actor.UserName} {foreign} ({target.Key}) answered {(int)response.StatusCode}");
                    }

                    firstRefusal ??= (response.StatusCode, Shape(await response.Content.ReadAsStringAsync()));
                }

                if (firstRefusal is { } refusal && request(RegionRecords.Missing) is { } missing)
                {
                    var response = await missing.SendAsync(client, token);
                    comparisons++;
                    if (response.StatusCode != refusal.Status || Shape(await response.Content.ReadAsStringAsync()) != refusal.Body)
                    {
                        unlike.Add($"{actor.UserName} {route}: foreign {(int)refusal.Status}, missing {(int)response.StatusCode}{(response.StatusCode == refusal.Status ? " with another body" : "")}");
                    }
                }
            }
        }

        var changed = DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(db, volatileTables));
        output.WriteLine($"{portal.Provider}: {World.Actors.Count} users × {MatrixRoutes.Foreign.Count} routes × their foreign regions = {attempts} out-of-scope requests " +
            $"in {watch.Elapsed.TotalSeconds:0.0} s; {attempts - leaks.Count} refused ({string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}); " +
            $"{comparisons} missing-vs-foreign comparisons, {comparisons - unlike.Count} alike; {before.Count} tables compared, {changed.Count} changed.");
        Assert.Empty(leaks);
        Assert.Empty(unlike);
        Assert.Empty(changed);
        Assert.True(attempts > 2_000, $"only {attempts} attempts");
    }

    /// <summary>A page with its per-request secrets taken out, so two renderings of the same answer compare equal.</summary>
    private static string Shape(string body) => AntiforgeryValue().Replace(body, "value=\"…\"");

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}

public sealed class SqliteAccessMatrixTests(SqliteMatrixPortal portal, ITestOutputHelper output)
    : AccessMatrixTests<SqliteMatrixPortal>(portal, output);

public sealed class PostgresAccessMatrixTests(PostgresMatrixPortal portal, ITestOutputHelper output)
    : AccessMatrixTests<PostgresMatrixPortal>(portal, output);
