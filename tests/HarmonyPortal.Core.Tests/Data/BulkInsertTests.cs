using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Core.Tests.Data;

public abstract class BulkInsertTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateMigratedAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task RowsInsertedInBulk_ReadBackExactlyAsRowsSavedByEf_NullsEnumsDatesAndFlagsIncluded()
    {
        var regionId = await AddCountyAsync("990101");

        // 2,501 rows: more than one PostgreSQL statement's worth, the last one partial.
        var rows = Enumerable.Range(1, 2_501).Select(i => Enterprise(regionId, i)).ToList();
        await using (var db = database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.InsertAsync(rows.Take(2_500).ToList());
            await tx.CommitAsync();
        }

        await using (var db = database.CreateContext())
        {
            db.Add(rows[^1]);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var stored = await read.KeyEnterprises.AsNoTracking().OrderBy(r => r.Name).ToListAsync();
        Assert.Equal(2_501, stored.Count);
        Assert.Equal(2_501, stored.Select(r => r.Id).Distinct().Count());
        // Every column of every row, the last one saved by EF for reference, reads back as it was written.
        foreach (var (expected, actual) in rows.OrderBy(r => r.Name).Zip(stored))
        {
            Assert.Equivalent(Comparable(expected), Comparable(actual), strict: true);
        }
    }

    [Fact]
    public async Task EveryColumn_IsStoredAsTheSameDatabaseValueAsEfStoresIt_DatesDecimalsAndEnumsIncluded()
    {
        var regionId = await AddCountyAsync("990102");

        PlanListEntry Entry(string name) => new()
        {
            RegionId = regionId, Year = 2026, Name = name, Kind = PlanListKind.WageArrearsCase, Status = LedgerRowStatus.NeedsReview, Version = 3,
            CreatedAtUtc = new DateTime(2026, 11, 22, 8, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560), UpdatedAtUtc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            ContactName = "联系人", ContactPhone = "0730-1234567", Date = new DateOnly(2026, 2, 28), WorkersConcerned = 12, AmountRecovered = 123456.78m,
            Notes = null, EmployeeCount = 0,
        };
        await using (var db = database.CreateContext())
        {
            db.Add(Entry("EF"));
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.InsertAsync([Entry("bulk")]);
            await tx.CommitAsync();
        }

        // The stored values themselves (their text, as queries compare them), not only what EF reads back from them.
        await using var read = database.CreateContext();
        var table = read.Model.FindEntityType(typeof(PlanListEntry))!;
        var columns = table.GetProperties().Select(p => p.GetColumnName()).Where(c => c is not ("Id" or "Name")).ToList();
        var connection = read.Database.GetDbConnection();
        await connection.OpenAsync();
        var stored = new Dictionary<string, string>();
        foreach (var name in new[] { "EF", "bulk" })
        {
            await using var command = connection.CreateCommand();
            var cast = read.Database.IsSqlite() ? "quote({0})" : "CAST({0} AS text)";
            command.CommandText = $"SELECT {string.Join(" || '|' || ", columns.Select(c => $"COALESCE({string.Format(System.Globalization.CultureInfo.InvariantCulture, cast, $"\"{c}\"")}, 'NULL')"))} FROM \"{table.GetTableName()}\" WHERE \"Name\" = '{name}'";
            stored[name] = (string)(await command.ExecuteScalarAsync())!;
        }

        Assert.Contains("2026-02-28", stored["EF"]);
        Assert.Equal(stored["EF"], stored["bulk"]);
    }

    [Fact]
    public async Task EmptyText_IsStoredAsEmptyText_NotAsNull()
    {
        var regionId = await AddCountyAsync("990103");
        await using (var db = database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.InsertAsync([new PlanListEntry
            {
                RegionId = regionId, Year = 2026, Name = "空白", Kind = PlanListKind.WageArrearsCase, Version = 1,
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, ContactName = "", Notes = "",
            }]);
            await tx.CommitAsync();
        }

        await using var read = database.CreateContext();
        var stored = await read.Set<PlanListEntry>().AsNoTracking().SingleAsync(e => e.Name == "空白");
        Assert.Equal("", stored.ContactName);
        Assert.Equal("", stored.Notes);
    }

    [Fact]
    public async Task BulkInsert_OutsideATransaction_IsRefused_SoThatAnImportCannotBeHalfSaved()
    {
        await using var db = await database.CreateMigratedContextAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertAsync([Enterprise(1, 1)]));
    }

    private async Task<int> AddCountyAsync(string code)
    {
        await using var setup = await database.CreateMigratedContextAsync();
        var region = new Region { Name = "测试县", Code = code, Level = RegionLevel.County, Path = "/" };
        setup.Regions.Add(region);
        await setup.SaveChangesAsync();
        return region.Id;
    }

    private static KeyEnterprise Enterprise(int regionId, int i) => new()
    {
        RegionId = regionId,
        Year = 2026,
        Name = $"企业{i:D5}",
        Status = i % 3 == 0 ? LedgerRowStatus.NeedsReview : LedgerRowStatus.Active,
        Version = 1,
        CreatedAtUtc = new DateTime(2026, 11, 22, 8, 30, 15, DateTimeKind.Utc).AddTicks(i * 1_234_560L) /* PostgreSQL keeps microseconds */,
        UpdatedAtUtc = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc),
        UpdatedBy = i % 2 == 0 ? "clerk" : null,
        Locality = "某镇",
        Address = $"某路 {i} 号",
        Industry = "制造业",
        ContactName = "联系人",
        ContactPhone = "13800000000",
        EmployeesLastYearEnd = i,
        EmployeesNow = i + 1,
        HasLayoffPlan = i % 2 == 1,
        PlannedLayoffs = i % 2 == 1 ? null : i,
        WagesSettled = (i % 3) switch { 0 => null, 1 => false, _ => true },
        FollowUpNotes = i % 5 == 0 ? "跟踪'\"；" : null,
    };

    private static object Comparable(KeyEnterprise r) => new
    {
        r.RegionId, r.Year, r.Name, r.Status, r.Version, r.CreatedAtUtc, r.UpdatedAtUtc, r.UpdatedBy, r.Locality, r.Address, r.Industry,
        r.ContactName, r.ContactPhone, r.EmployeesLastYearEnd, r.EmployeesNow, r.HasLayoffPlan, r.PlannedLayoffs, r.WagesSettled, r.FollowUpNotes,
    };
}

public sealed class SqliteBulkInsertTests() : BulkInsertTests(DatabaseProvider.Sqlite);

public sealed class PostgresBulkInsertTests() : BulkInsertTests(DatabaseProvider.Postgres);
