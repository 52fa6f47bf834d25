using System.Collections.Concurrent;
using System.Diagnostics;

namespace HarmonyPortal.Reliability;

/// <summary>What a set of writers got back, kept per writer so it can be compared with the rows in the database.</summary>
public sealed class WriteLedger
{
    public ConcurrentDictionary<string, ConcurrentBag<long>> Saved { get; } = new();

    public ConcurrentBag<(string User, int Status, string? Error)> Failed { get; } = [];

    public ConcurrentBag<double> LatenciesMs { get; } = [];

    /// <summary>When each answer came (seconds since the ledger was made) and whether it was a success.</summary>
    public ConcurrentBag<(double At, bool Ok)> Timeline { get; } = [];

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    private int lockedBodies;
    private int attempts;

    public int LockedBodies => lockedBodies;

    public int Attempts => attempts;

    public void Record(string user, WriteOutcome outcome, TimeSpan took)
    {
        Interlocked.Increment(ref attempts);
        LatenciesMs.Add(took.TotalMilliseconds);
        Timeline.Add((Clock.Elapsed.TotalSeconds, outcome.Succeeded));
        if (outcome.MentionsLocked)
        {
            Interlocked.Increment(ref lockedBodies);
        }

        if (outcome.Succeeded)
        {
            // Workflow steps have no row id; only saved rows are compared with the database.
            if (outcome.RowId is { } id)
            {
                Saved.GetOrAdd(user, _ => []).Add(id);
            }
        }
        else
        {
            Failed.Add((user, outcome.Status, outcome.Error));
        }
    }

    public int Successes => Saved.Values.Sum(b => b.Count);

    public double Percentile(double p)
    {
        var sorted = LatenciesMs.OrderBy(x => x).ToArray();
        return sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))]);
    }

    /// <summary>
    /// Compares with the database: every id a writer was told was saved is there, attributed to that writer, and the
    /// writer has no row it was not told about. Returns (rows in the database, lost, unexpected).
    /// </summary>
    public async Task<(int Rows, int Lost, int Unexpected, int AuditMissing)> CompareAsync(Database db, int year, IEnumerable<string> users)
    {
        var names = users.ToHashSet();
        var rows = (await db.RowsAsync("SELECT \"Id\", \"UpdatedBy\" FROM \"Coordinators\" WHERE \"Year\" = @year", ("@year", year)))
            .Select(r => (Id: Convert.ToInt64(r[0]), User: (string)r[1]))
            .Where(r => names.Contains(r.User))
            .ToList();
        var inDb = rows.ToHashSet();
        var told = Saved.SelectMany(kv => kv.Value.Select(id => (Id: id, User: kv.Key))).ToHashSet();
        var audited = (await db.RowsAsync("SELECT \"ObjectId\" FROM \"AuditEntries\" WHERE \"Action\" = 'ledger.created' AND \"ObjectType\" = 'ledger:coordinators'"))
            .Select(r => Convert.ToString(r[0])).ToHashSet();
        return (rows.Count, told.Count(t => !inDb.Contains(t)), inDb.Count(r => !told.Contains(r)), rows.Count(r => !audited.Contains(r.Id.ToString())));
    }

    /// <summary>
    /// Seconds from <paramref name="since"/> until answers were successes again for good: the last failure after
    /// <paramref name="since"/> (0 when none failed).
    /// </summary>
    public double RecoveredAfter(double since) =>
        Timeline.Where(t => !t.Ok && t.At >= since).Select(t => t.At - since).DefaultIfEmpty(0).Max();

    public string ErrorSummary() =>
        string.Join("; ", Failed.GroupBy(f => $"{f.Status} {f.Error}").OrderByDescending(g => g.Count()).Take(5).Select(g => $"{g.Count()}× {g.Key}"));
}

/// <summary>Load: N clerks, each signed in with its own session, saving new ledger rows as fast as the portal answers for a fixed time.</summary>
public static class LoadScenario
{
    public static async Task RunAsync(Run run, string provider, int clerks, TimeSpan duration)
    {
        var data = run.Folder($"load-{provider.ToLowerInvariant()}");
        var db = await run.FreshDatabaseAsync(provider, "load", data);
        await using var portal = await PortalProcess.StartAsync(run.Published, new PortalSettings(provider, db.ConnectionString, data, run.Port()));
        var names = Enumerable.Range(0, clerks).Select(i => $"rel.load{i:00}").ToList();
        using (var admin = await Accounts.AdminAsync(portal.BaseUrl))
        {
            var counties = await db.CountiesAsync(PortalProcess.AdminRegionCode);
            await Accounts.CreateAsync(admin, names, [.. counties.Take(8).Select(c => c.Id)]);
        }

        var users = await Accounts.SignInAsync(portal.BaseUrl, names);
        var outcome = await WriteAsync(users, run.Year, duration, CancellationToken.None);
        foreach (var user in users)
        {
            user.Dispose();
        }

        var (rows, lost, unexpected, auditMissing) = await outcome.CompareAsync(db, run.Year, names);
        var errors = outcome.Failed.Count;
        var held = errors == 0 && lost == 0 && unexpected == 0 && auditMissing == 0 && outcome.LockedBodies == 0 && rows == outcome.Successes;
        run.Report.Add(new Figure("load", provider,
            $"{clerks} clerks, each signed in with its own session, saving new coordinator rows for {duration.TotalSeconds:0} s",
            $"{outcome.Attempts} saves ({outcome.Attempts / duration.TotalSeconds:0.0}/s)",
            held,
            $"{outcome.Successes} saved = {rows} rows counted afterwards; {lost} lost, {unexpected} duplicated or unreported, {errors} errors, {outcome.LockedBodies} answers mentioning \"locked\"")
        {
            Counts =
            {
                ["attempts"] = outcome.Attempts,
                ["successes"] = outcome.Successes,
                ["rowsInDatabase"] = rows,
                ["lost"] = lost,
                ["unexpectedRows"] = unexpected,
                ["rowsWithoutAudit"] = auditMissing,
                ["errors"] = errors,
                ["errorSummary"] = outcome.ErrorSummary(),
                ["lockedInBody"] = outcome.LockedBodies,
                ["perSecond"] = Math.Round(outcome.Attempts / duration.TotalSeconds, 1),
                ["latencyP50Ms"] = outcome.Percentile(0.5),
                ["latencyP95Ms"] = outcome.Percentile(0.95),
                ["latencyMaxMs"] = outcome.Percentile(1),
            },
        });
    }

    /// <summary>Each user saves rows back to back until <paramref name="duration"/> is over or <paramref name="stop"/> fires.</summary>
    public static async Task<WriteLedger> WriteAsync(IReadOnlyList<PortalUser> users, int year, TimeSpan duration, CancellationToken stop, int writerOffset = 0, WriteLedger? into = null)
    {
        var ledger = into ?? new WriteLedger();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(users.Select((user, index) => Task.Run(async () =>
        {
            for (var serial = 0; clock.Elapsed < duration && !stop.IsCancellationRequested; serial++)
            {
                var started = clock.Elapsed;
                var outcome = await user.CreateCoordinatorAsync(year, Coordinators.Form(writerOffset + index, serial));
                ledger.Record(user.UserName, outcome, clock.Elapsed - started);
            }
        })));
        return ledger;
    }
}
