using System.Diagnostics;
using System.Globalization;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Bench;

/// <summary>
/// The ledger list query of the portal (scoped, filtered, projected, keyset-paged) over N rows in a
/// SQLite file, beside a hand-written SQL page over the same index as the floor, in one process.
/// </summary>
internal static class LedgerListBench
{
    public static async Task<int> RunAsync(int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"harmony-bench-list-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={path}";
        try
        {
            await using var db = new HarmonyDbContext(HarmonyDatabase.Options(DatabaseProvider.Sqlite, connectionString));
            await db.Database.MigrateAsync();
            await RegionSeeder.SeedIfEmptyAsync(db);
            var counties = await db.Regions.Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Id).ToListAsync();
            var fill = Stopwatch.StartNew();
            await FillAsync(connectionString, counties.Select(c => c.Id).ToArray(), rows);
            Console.WriteLine($"{rows:N0} rows of 新企业用工服务 over {counties.Count} counties, filled in {fill.Elapsed.TotalSeconds:0.0} s");

            var yueyang = await db.Regions.SingleAsync(r => r.Code == "430600");
            var county = counties.First(c => c.Path.StartsWith(yueyang.Path, StringComparison.Ordinal));
            var cityScope = new UserScope("bench", "bench", yueyang.Id, yueyang.Path, RegionLevel.City, yueyang.Name, null, "", UserRole.Reviewer);
            var definition = LedgerCatalog.Find("new-enterprise-services")!;
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;

            async Task<List<LedgerListItem>> Page(LedgerListQuery q) => await definition.ListAsync(definition.Rows(db).InScope(cityScope), q, null, CancellationToken.None);
            var countyFirst = new LedgerListQuery { Year = 2026, RegionId = county.Id };
            var cityFirst = new LedgerListQuery { Year = 2026 };
            var deepAfter = await DeepCursorAsync(connectionString, yueyang.Path, pagesIn: 9_000);
            var cityDeep = new LedgerListQuery { Year = 2026, AfterId = deepAfter };
            var byName = new LedgerListQuery { Year = 2026, RegionId = county.Id, Sort = "name", AfterName = "企业0500000", AfterId = 0 };

            await using var floorConnection = new SqliteConnection(connectionString);
            await floorConnection.OpenAsync();
            var floor = Measure(() => FloorPage(floorConnection, county.Id));
            var results = new (string Name, double Ms)[]
            {
                ("floor: raw SQL first page, one county", floor),
                ("list: first page, one county", Measure(() => Page(countyFirst).GetAwaiter().GetResult().Count)),
                ("list: first page, whole city (12 counties)", Measure(() => Page(cityFirst).GetAwaiter().GetResult().Count)),
                ("list: 9,000 pages in, whole city", Measure(() => Page(cityDeep).GetAwaiter().GetResult().Count)),
                ("list: sorted by name, one county, mid-way", Measure(() => Page(byName).GetAwaiter().GetResult().Count)),
            };
            foreach (var (name, ms) in results)
            {
                Console.WriteLine($"{name,-48} {ms,8:0.00} ms   {ms / floor,6:0.0}× floor");
            }

            Console.WriteLine($"deep page / first page (whole city): {results[3].Ms / results[2].Ms:0.00}×");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Median of 30 warm runs, in milliseconds.</summary>
    private static double Measure(Func<int> run)
    {
        for (var i = 0; i < 3; i++)
        {
            run();
        }

        var times = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            if (run() == 0)
            {
                throw new InvalidOperationException("The page came back empty; the benchmark would measure nothing.");
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Http.DashboardBench.Median(times);
    }

    private static int FloorPage(SqliteConnection connection, int regionId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Name, EmployeeCount, ServiceUnit, ServedOn, Status FROM NewEnterpriseServices WHERE RegionId = $r AND Year = 2026 ORDER BY Id DESC LIMIT 51";
        command.Parameters.AddWithValue("$r", regionId);
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    private static async Task<long> DeepCursorAsync(string connectionString, string cityPath, int pagesIn)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT n.Id FROM NewEnterpriseServices n JOIN Regions r ON r.Id = n.RegionId
            WHERE n.Year = 2026 AND r.Path LIKE $p ORDER BY n.Id DESC LIMIT 1 OFFSET $o
            """;
        command.Parameters.AddWithValue("$p", cityPath + "%");
        command.Parameters.AddWithValue("$o", (pagesIn * LedgerListQuery.PageSize) - 1);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal static async Task FillAsync(string connectionString, int[] regions, int rows)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO NewEnterpriseServices (RegionId, Year, Name, Status, Version, CreatedAtUtc, UpdatedAtUtc, Address, ContactName, ContactPhone, EmployeeCount, ServiceUnit, ServedOn)
            VALUES ($r, 2026, $n, 1, 1, '2026-01-01', '2026-01-01', '某路1号', '张三', '13800000000', $e, '县人社局', '2026-03-01')
            """;
        var region = command.Parameters.Add("$r", SqliteType.Integer);
        var name = command.Parameters.Add("$n", SqliteType.Text);
        var employees = command.Parameters.Add("$e", SqliteType.Integer);
        for (var i = 0; i < rows; i++)
        {
            region.Value = regions[i % regions.Length];
            name.Value = "企业" + i.ToString("0000000", CultureInfo.InvariantCulture);
            employees.Value = i % 500;
            await command.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }
}
