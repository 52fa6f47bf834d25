using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using HarmonyPortal.Bench.Data;
using HarmonyPortal.Core.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Bench.Http;

/// <summary>
/// Benchmark 3: the hot province's dashboard (统计看板: ledger counts, quota progress, sheets and reporting per city)
/// served by the published portal, warm, median of several requests, beside a plain COUNT(*) of the same ledger rows
/// (the province's rows of the year in every ledger table) on the same database in the same run.
/// </summary>
internal static class DashboardBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var target = BenchTarget.Parse(args);
        var runs = Args.Int(args, "--runs", 9);
        var warmSeconds = Args.Int(args, "--warm-seconds", 10);
        await using var db = target.CreateDbContext();
        var province = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == GenerateOptions.HotProvinceCode);
        var year = await db.Set<NewEnterpriseService>().MaxAsync(r => r.Year);

        await using var portal = await PortalServer.StartAsync(target);
        await portal.SignInAsync(GenerateOptions.ProvinceUser, target.Password);
        var path = $"/dashboard?year={year}";
        async Task<long> View() => (await portal.GetOkAsync(path)).Length;
        // The first views after the start run much of the request on code the runtime has not optimised yet, and its
        // background compiler takes half of the process's CPU then (ADR 0046); the goal is the page a running portal
        // serves, after some seconds of views, and the first views are reported beside it.
        var afterStart = await MedianAsync(runs, View);
        var warmed = await WarmAsync(TimeSpan.FromSeconds(warmSeconds), View);
        var dashboard = await MedianAsync(runs, View);

        var tables = db.Model.GetEntityTypes().Where(e => typeof(LedgerRow).IsAssignableFrom(e.ClrType)).Select(e => e.GetTableName()!).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = 0L;
        var floor = await MedianAsync(runs, async () => rows = await CountAsync(connection, tables, province.Path, year));
        Console.WriteLine(
            $"dashboard of {province.Name} {year}: {rows:N0} ledger rows in {tables.Count} tables; " +
            $"page {dashboard:0.0} ms after {warmed} views in {warmSeconds} s " +
            $"({afterStart:0.0} ms right after the start), COUNT(*) {floor:0.0} ms");

        BenchResults.Record(
            new BenchResult(
                $"dashboard.{target.Label}.province", Math.Round(dashboard, 1), "ms", Math.Round(floor, 1),
                Math.Round(dashboard / floor, 2),
                $"≤ 1.0× a COUNT(*) of the same rows (median of {runs} after {warmSeconds} s of views, " +
                $"whole request on loopback; {rows:N0} rows)",
                dashboard <= floor),
            new BenchResult(
                $"dashboard.{target.Label}.province-after-start", Math.Round(afterStart, 1), "ms", Math.Round(floor, 1),
                Math.Round(afterStart / floor, 2),
                $"reported: median of {runs} right after the portal's start and two views (ADR 0046)", null));
        return 0;
    }

    /// <summary>The floor: the same rows counted by hand, one COUNT(*) per ledger table over the province's region ids (a seek per region on the ledger's index).</summary>
    private static async Task<long> CountAsync(DbConnection connection, IReadOnlyList<string> tables, string path, int year)
    {
        var total = 0L;
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"Year\" = {year} AND \"RegionId\" IN (SELECT \"Id\" FROM \"Regions\" WHERE \"Path\" LIKE '{path}%')";
            total += Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return total;
    }

    /// <summary>Calls <paramref name="call"/> until <paramref name="duration"/> has passed; returns the calls made.</summary>
    private static async Task<int> WarmAsync(TimeSpan duration, Func<Task<long>> call)
    {
        var watch = Stopwatch.StartNew();
        var calls = 0;
        while (watch.Elapsed < duration)
        {
            await call();
            calls++;
        }

        return calls;
    }

    /// <summary>Median wall time in ms of <paramref name="runs"/> calls after two warm-up calls.</summary>
    internal static async Task<double> MedianAsync(int runs, Func<Task<long>> call)
    {
        await call();
        await call();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Median(times);
    }

    /// <summary>The middle value (the upper one of an even count): how every benchmark here takes a median.</summary>
    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
