using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Coverage;
using HarmonyPortal.Web.Features.YearEnd;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Bench;

/// <summary>
/// The year-end workbook of a province over N ledger rows in a SQLite file, end to end (keyset-paged reads, region
/// columns, masking, summary and gold sheets, the product writer), beside the minimal writer's floor for N rows ×
/// 12 columns; each in its own child process so each peak working set is its own.
/// </summary>
internal static class YearEndBench
{
    public static async Task<int> CompareAsync(int rows)
    {
        var db = Path.Combine(Path.GetTempPath(), $"harmony-bench-year-end-{Guid.NewGuid():N}.db");
        var outputs = new List<string>();
        try
        {
            var fill = Stopwatch.StartNew();
            var counties = await PrepareAsync(db, rows);
            Console.WriteLine($"{rows:N0} rows of 新企业用工服务 over {counties} counties of 湖南省 in SQLite, filled in {fill.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine($"{"writer",-26} {"time s",8} {"peak MB",8} {"file MB",8}");
            var results = new Dictionary<string, (double Seconds, double PeakMb, double FileMb)>();
            foreach (var (name, args) in new (string, string[])[]
            {
                ("floor (N × 12, no DB)", ["xlsx-one", "--writer", "floor", "--level", XlsxWriter.DefaultCompression.ToString(), "--rows", rows.ToString(CultureInfo.InvariantCulture)]),
                ("year-end workbook (DB)", ["year-end-one", "--db", db]),
            })
            {
                var output = Path.Combine(Path.GetTempPath(), $"harmony-bench-{Guid.NewGuid():N}.xlsx");
                outputs.Add(output);
                var (seconds, peak) = Child([.. args, "--out", output]);
                results[name] = (seconds, peak, new FileInfo(output).Length / 1024.0 / 1024.0);
                Console.WriteLine($"{name,-26} {seconds,8:0.00} {peak,8:0} {results[name].FileMb,8:0.0}");
            }

            var floor = results["floor (N × 12, no DB)"];
            var yearEnd = results["year-end workbook (DB)"];
            Console.WriteLine($"year-end/floor: time {yearEnd.Seconds / floor.Seconds:0.00}×, peak {yearEnd.PeakMb:0} MB");
            Console.WriteLine($"goal: time ≤ 1.5× floor, peak ≤ 200 MB → time {(yearEnd.Seconds <= 1.5 * floor.Seconds ? "met" : "NOT met")}, peak {(yearEnd.PeakMb <= 200 ? "met" : "NOT met")}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in outputs.Concat([db, db + "-wal", db + "-shm"]))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Child process: writes the province's year-end workbook from the database; prints "seconds peakMB".</summary>
    public static async Task<int> RunOneAsync(string database, string output)
    {
        await using var db = new HarmonyDbContext(HarmonyDatabase.Options(DatabaseProvider.Sqlite, $"Data Source={database}"));
        var hunan = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == "430000");
        var scope = new UserScope("bench", "bench", hunan.Id, hunan.Path, RegionLevel.Province, hunan.Name, null, "", UserRole.Reviewer);
        var keys = Path.Combine(Path.GetTempPath(), "harmony-bench-keys-" + Guid.NewGuid().ToString("N"));
        var protector = new PersonalDataProtector(new EphemeralDataProtectionProvider(), PersonalDataKey.FromConfiguration(null, keys));
        var catalog = new RuleSetCatalog(db);
        var rollups = new HarmonyPortal.Core.Ledgers.LedgerRollup(db);
        var workbook = new YearEndWorkbook(db, protector, new TaskQuotas(db, catalog, rollups),
            new CoverageService(db, catalog, rollups), catalog, TimeProvider.System);

        return await PeakMemory.MeasureAsync(async () =>
        {
            await using var file = new FileStream(output, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
            var written = await workbook.WriteAsync(scope, 2026, file, null, CancellationToken.None);
            if (written == 0)
            {
                throw new InvalidOperationException("No rows written: the benchmark would measure nothing.");
            }
        });
    }

    private static async Task<int> PrepareAsync(string path, int rows)
    {
        var connectionString = $"Data Source={path}";
        await using var db = new HarmonyDbContext(HarmonyDatabase.Options(DatabaseProvider.Sqlite, connectionString));
        await db.Database.MigrateAsync();
        await RegionSeeder.SeedIfEmptyAsync(db);
        await RuleSetSeeder.SeedMissingAsync(db, DateTime.UtcNow);
        var hunan = await db.Regions.SingleAsync(r => r.Code == "430000");
        var counties = await db.Regions.Where(r => r.Level == RegionLevel.County && r.Path.StartsWith(hunan.Path)).OrderBy(r => r.Id).Select(r => r.Id).ToArrayAsync();
        await LedgerListBench.FillAsync(connectionString, counties, rows);
        return counties.Length;
    }

    internal static (double Seconds, double PeakMb) Child(string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(YearEndBench).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{args[0]} failed: {output}");
        }

        var parts = output.Trim().Split('\n')[^1].Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Times an action and reads the process's peak resident set (Linux VmHWM, kept by the kernel, so nothing samples and
/// competes with the action for the CPU); prints "seconds peakMB".
/// </summary>
internal static class PeakMemory
{
    public static async Task<int> MeasureAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        // Time, peak working set, and (since ADR 0016) the MB the process allocated and its CPU seconds (all threads,
        // start-up included): on this shared machine CPU time drifts less than wall time under other people's load.
        var allocated = GC.GetTotalAllocatedBytes(precise: true) / 1024.0 / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stopwatch.Elapsed.TotalSeconds:0.000} {process.PeakWorkingSet64 / 1024.0 / 1024.0:0.0} {allocated:0.0} {process.TotalProcessorTime.TotalSeconds:0.000}"));
        return 0;
    }
}
