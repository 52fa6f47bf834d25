using System.Diagnostics;
using HarmonyPortal.Core.Spreadsheets;

namespace HarmonyPortal.Reliability;

/// <summary>
/// Faults: SIGKILL of the portal halfway through saving a 100,000-row import. One import first runs to the end and
/// measures how many bytes the save writes (the SQLite WAL; the coordinator table's size in PostgreSQL); then the
/// same workbook is imported into other years and the process is killed when half, then nine tenths, of those bytes
/// are written. After each restart the year holds 0 or all rows and the database checks clean.
/// </summary>
public static class ImportKillScenario
{
    private static readonly double[] KillAt = [0.5, 0.9];

    public static async Task RunAsync(Run run, string provider, int rows)
    {
        var data = run.Folder($"import-{provider.ToLowerInvariant()}");
        var db = await run.FreshDatabaseAsync(provider, "import", data);
        var settings = new PortalSettings(provider, db.ConnectionString, data, run.Port());
        var portal = await PortalProcess.StartAsync(run.Published, settings);
        try
        {
            using (var admin = await Accounts.AdminAsync(portal.BaseUrl))
            {
                await Accounts.CreateAsync(admin, ["rel.import"], [await db.RegionIdAsync("430602")]);
            }

            var workbook = Workbook(rows);
            Console.WriteLine($"    workbook: {rows} rows, {workbook.Length / 1048576.0:0.0} MB");

            // 1. To the end: the reference for "halfway".
            var (status, problem, seconds, bytes) = await ImportAsync(portal, db, data, run.Year - 1, workbook, killAtBytes: null);
            var complete = await CountAsync(db, run.Year - 1);
            var completedOk = status == 302 && complete == rows;
            Console.WriteLine($"    complete import: {status} {problem} in {seconds:0} s, {complete} rows, {bytes / 1048576.0:0} MB written");

            // 2. Killed part-way, each into a year of its own.
            var outcomes = new List<string>();
            var held = completedOk;
            for (var i = 0; i < KillAt.Length; i++)
            {
                var year = run.Year - 2 - i;
                var target = (long)(bytes * KillAt[i]);
                var killed = await ImportAsync(portal, db, data, year, workbook, target);
                await portal.DisposeAsync();
                var restart = Stopwatch.StartNew();
                portal = await PortalProcess.StartAsync(run.Published, settings);
                var count = await CountAsync(db, year);
                var check = await CheckAsync(db);
                var allOrNothing = count == 0 || count == rows;
                held &= killed.Status == 0 && allOrNothing && check == "ok";
                outcomes.Add($"killed at {killed.Bytes / 1048576.0:0} of {bytes / 1048576.0:0} MB ({killed.Seconds:0} s): {count} rows after restart ({restart.Elapsed.TotalSeconds:0} s), check {check}");
                Console.WriteLine("    " + outcomes[^1]);
            }

            var audit = await db.ScalarAsync<long>("SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"Action\" = 'ledger.imported'");
            run.Report.Add(new Figure("kill -9 during import", provider,
                $"a {rows:N0}-row coordinator workbook imported once to the end ({seconds:0} s), then SIGKILL of the portal at {string.Join(" and ", KillAt.Select(k => $"{k:P0}"))} of the save",
                $"{KillAt.Length} kills",
                held,
                $"complete import {complete:N0} rows; after each kill and restart {string.Join(", ", outcomes.Select(o => o.Split(": ")[1].Split(" (")[0]))}; " +
                (db.IsSqlite ? "PRAGMA integrity_check ok" : "the server restarted and the table reads") + $"; {audit} import audit entries")
            {
                Counts =
                {
                    ["rows"] = rows,
                    ["completeImportSeconds"] = Math.Round(seconds),
                    ["completeImportRows"] = complete,
                    ["saveBytes"] = bytes,
                    ["kills"] = string.Join(" | ", outcomes),
                    ["importAuditEntries"] = audit,
                },
            });
        }
        finally
        {
            await portal.DisposeAsync();
        }
    }

    /// <summary>Uploads the workbook; with <paramref name="killAtBytes"/>, SIGKILLs the portal once the save has written that much.</summary>
    private static async Task<(int Status, string? Problem, double Seconds, long Bytes)> ImportAsync(
        PortalProcess portal, Database db, string data, int year, byte[] workbook, long? killAtBytes)
    {
        var progress = await ProgressAsync(db, data);
        using var clerk = new PortalUser(portal.BaseUrl, "rel.import", Accounts.Password, timeout: TimeSpan.FromMinutes(30));
        await clerk.LoginAsync();
        var clock = Stopwatch.StartNew();
        var upload = clerk.ImportCoordinatorsAsync(year, workbook);
        long written = 0;
        while (!upload.IsCompleted)
        {
            written = Math.Max(written, await progress());
            if (killAtBytes is { } limit && written >= limit)
            {
                await portal.KillAsync();
                break;
            }

            await Task.WhenAny(upload, Task.Delay(50));
        }

        try
        {
            var (status, problem) = await upload;
            return (status, problem, clock.Elapsed.TotalSeconds, Math.Max(written, await progress()));
        }
        catch (HttpRequestException) when (killAtBytes is not null)
        {
            return (0, "connection lost", clock.Elapsed.TotalSeconds, written);
        }
    }

    /// <summary>Bytes the save has written so far: the SQLite WAL (emptied first), or the coordinator table's growth in PostgreSQL.</summary>
    private static async Task<Func<Task<long>>> ProgressAsync(Database db, string data)
    {
        if (db.IsSqlite)
        {
            await db.ScalarAsync<long>("PRAGMA wal_checkpoint(TRUNCATE)");
            var wal = new FileInfo(Path.Combine(data, "harmony.db-wal"));
            return () =>
            {
                wal.Refresh();
                return Task.FromResult(wal.Exists ? wal.Length : 0);
            };
        }

        const string size = "SELECT pg_total_relation_size('\"Coordinators\"')";
        var baseline = await db.ScalarAsync<long>(size);
        return async () => await db.ScalarAsync<long>(size) - baseline;
    }

    private static Task<long> CountAsync(Database db, int year) =>
        db.ScalarAsync<long>("SELECT COUNT(*) FROM \"Coordinators\" WHERE \"Year\" = @year", ("@year", year));

    private static async Task<string> CheckAsync(Database db)
    {
        if (db.IsSqlite)
        {
            return string.Join(",", (await db.RowsAsync("PRAGMA integrity_check")).Select(r => r[0]));
        }

        // The table reads end to end, and its indexes agree with it (a sequential and an index-only count).
        var all = await db.ScalarAsync<long>("SELECT COUNT(*) FROM \"Coordinators\"");
        var ids = await db.ScalarAsync<long>("SELECT COUNT(\"Id\") FROM \"Coordinators\" WHERE \"Id\" > 0");
        return all == ids ? "ok" : $"table {all} rows, index {ids}";
    }

    private static byte[] Workbook(int rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream, leaveOpen: true))
        {
            writer.StartSheet(new SheetSpec("Sheet1", [.. Coordinators.Headers.Select(h => new ColumnSpec(h))]) { Title = "劳动关系协调员情况表", Subtitle = "填报单位：岳阳楼区人社局" });
            for (var i = 0; i < rows; i++)
            {
                var (id, gender) = Coordinators.Person(i % 600, i / 600);
                writer.WriteRow([(i + 1).ToString(), "导入" + i, gender, "汉族", id, "某公司", "主任", "大专", "2019-05-01", Coordinators.Phone(i % 100, i), "劳动关系协调员", "", "", "", "是"]);
            }
        }

        return stream.ToArray();
    }
}
