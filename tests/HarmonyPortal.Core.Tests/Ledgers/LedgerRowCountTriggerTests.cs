using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace HarmonyPortal.Core.Tests.Ledgers;

/// <summary>
/// Every ledger table keeps <see cref="LedgerRowCount"/> right by itself, whatever writes the rows: a ledger whose table
/// lacks a trigger leaves its rows uncounted and fails here.
/// </summary>
public abstract class LedgerRowCountTriggerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private int regionA;
    private int regionB;
    private long organizationId;

    protected TestDatabase Database => database;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var a = new Region { Name = "甲县", Code = "990101", Level = RegionLevel.County, Path = "/" };
        var b = new Region { Name = "乙县", Code = "990102", Level = RegionLevel.County, Path = "/" };
        db.Regions.AddRange(a, b);
        await db.SaveChangesAsync();
        (regionA, regionB) = (a.Id, b.Id);
        var organization = (MediationOrganization)TestLedgerRows.Create(Ledger("mediation-organizations"), regionA, 2025);
        db.Add(organization);
        await db.SaveChangesAsync();
        organizationId = organization.Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    protected static ILedgerDefinition Ledger(string key) => LedgerCatalog.Find(key)!;

    protected static string Table(HarmonyDbContext db, ILedgerDefinition ledger) =>
        db.Model.FindEntityType(ledger.NewRow().GetType())!.GetTableName()!;

    protected LedgerRow Row(ILedgerDefinition ledger, int year, bool inB = false) =>
        TestLedgerRows.Create(ledger, inB ? regionB : regionA, year, organizationId);

    [Fact]
    public async Task EfInserts_Moves_AndDeletes_AreCounted_InEveryLedger()
    {
        await using var db = database.CreateContext();
        foreach (var ledger in LedgerCatalog.All)
        {
            var rows = new[] { Row(ledger, 2026), Row(ledger, 2026), Row(ledger, 2026, inB: true), Row(ledger, 2025) };
            db.AddRange(rows);
            await db.SaveChangesAsync();
            await AssertCountedAsync(db, ledger, regionA, 2026, 2);

            rows[0].RegionId = regionB;
            rows[1].Year = 2027;
            rows[2].Name += "（改）";
            await db.SaveChangesAsync();
            db.Remove(rows[3]);
            await db.SaveChangesAsync();

            await AssertCountedAsync(db, ledger, regionB, 2026, 2);
            await AssertCountedAsync(db, ledger, regionA, 2027, 1);
        }

        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);
    }

    [Fact]
    public async Task BulkInserts_AndRawMultiRowUpdatesAndDeletes_AreCounted_InEveryLedger()
    {
        await using var db = database.CreateContext();
        foreach (var ledger in LedgerCatalog.All)
        {
            var table = Table(db, ledger);
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await db.InsertAsync([.. Enumerable.Range(0, 30).Select(i => Row(ledger, 2026, inB: i % 3 == 0))]);
                await tx.CommitAsync();
            }

            await AssertCountedAsync(db, ledger, regionA, 2026, 20);
            await AssertCountedAsync(db, ledger, regionB, 2026, 10);

            // Regions swapped in one statement, years moved in another, an update that moves nothing, a multi-row delete.
            await RunAsync(db, 
                $"""UPDATE "{table}" SET "RegionId" = CASE WHEN "RegionId" = {regionA} THEN {regionB} ELSE {regionA} END WHERE "Year" = 2026""");
            await AssertCountedAsync(db, ledger, regionB, 2026, 20);
            await RunAsync(db, 
                $"""UPDATE "{table}" SET "Year" = 2024 WHERE "Id" IN (SELECT "Id" FROM "{table}" WHERE "Year" = 2026 AND "RegionId" = {regionA} ORDER BY "Id" LIMIT 4)""");
            await RunAsync(db, $"""UPDATE "{table}" SET "Version" = "Version" + 1""");
            await RunAsync(db, $"""DELETE FROM "{table}" WHERE "Year" = 2026 AND "RegionId" = {regionB} AND "Id" % 2 = 0""");

            await AssertCountedAsync(db, ledger, regionA, 2024, 4);
            await AssertCountedAsync(db, ledger, regionA, 2026, 6);
        }

        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);
    }

    [Fact]
    public async Task CarriedForwardRows_AreCountedAsUnconfirmed_UntilConfirmed_ThroughEveryWritePath_InEveryLedger()
    {
        await using var db = database.CreateContext();
        foreach (var ledger in LedgerCatalog.All)
        {
            var table = Table(db, ledger);
            // Carried forward: bulk inserted as 待复核 (the import's and carry-forward's statements), and through EF.
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await db.InsertAsync(
                    [.. Enumerable.Range(0, 12).Select(i => Carried(Row(ledger, 2026, inB: i % 4 == 0)))]);
                await tx.CommitAsync();
            }

            var rows = new[] { Carried(Row(ledger, 2026)), Carried(Row(ledger, 2026)), Row(ledger, 2026) };
            db.AddRange(rows);
            await db.SaveChangesAsync();
            await AssertUnconfirmedAsync(db, ledger, regionA, 2026, rows: 12, unconfirmed: 11);
            await AssertUnconfirmedAsync(db, ledger, regionB, 2026, rows: 3, unconfirmed: 3);

            // Confirmed through EF (the confirm page), moved to the other region while 待复核, carried forward again.
            rows[0].Status = LedgerRowStatus.Active;
            rows[1].RegionId = regionB;
            rows[2].Status = LedgerRowStatus.NeedsReview;
            await db.SaveChangesAsync();
            await AssertUnconfirmedAsync(db, ledger, regionA, 2026, rows: 11, unconfirmed: 10);
            await AssertUnconfirmedAsync(db, ledger, regionB, 2026, rows: 4, unconfirmed: 4);

            // Raw SQL: confirm four at once, move a year and confirm in one statement, an update that moves nothing,
            // a status set to what it was, and a delete of 待复核 and confirmed rows.
            await RunAsync(db, $"""
                UPDATE "{table}" SET "Status" = 1 WHERE "Id" IN (SELECT "Id" FROM "{table}"
                WHERE "Year" = 2026 AND "RegionId" = {regionA} AND "Status" = 2 ORDER BY "Id" LIMIT 4)
                """);
            await RunAsync(db, $"""
                UPDATE "{table}" SET "Year" = 2025, "Status" = 1 WHERE "Id" IN (SELECT "Id" FROM "{table}"
                WHERE "Year" = 2026 AND "RegionId" = {regionB} AND "Status" = 2 ORDER BY "Id" LIMIT 2)
                """);
            await RunAsync(db, $"""UPDATE "{table}" SET "Version" = "Version" + 1, "Status" = "Status" """);
            await RunAsync(db, $"""
                DELETE FROM "{table}" WHERE "Id" IN (SELECT "Id" FROM "{table}"
                WHERE "Year" = 2026 AND "RegionId" = {regionA} ORDER BY "Id" LIMIT 3)
                """);

            var left = await ledger.Rows(db).CountAsync(r => r.RegionId == regionA && r.Year == 2026);
            var leftUnconfirmed = await ledger.Rows(db).CountAsync(
                r => r.RegionId == regionA && r.Year == 2026 && r.Status == LedgerRowStatus.NeedsReview);
            await AssertUnconfirmedAsync(db, ledger, regionA, 2026, rows: 8, unconfirmed: leftUnconfirmed);
            Assert.Equal(8, left);
            Assert.InRange(leftUnconfirmed, 3, 6);
            await AssertUnconfirmedAsync(db, ledger, regionB, 2025, rows: 2, unconfirmed: 0);
            await AssertUnconfirmedAsync(db, ledger, regionB, 2026, rows: 2, unconfirmed: 2);
        }

        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);
    }

    [Fact]
    public async Task TheCounters_AreNotWritableThroughEf()
    {
        await using var db = await database.CreateMigratedContextAsync();
        db.Add(Row(Ledger("towns"), 2026));
        await db.SaveChangesAsync();
        var counter = await db.LedgerRowCounts.SingleAsync(c => c.Ledger == "towns");

        db.Remove(counter);

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    protected static LedgerRow Carried(LedgerRow row)
    {
        row.Status = LedgerRowStatus.NeedsReview;
        return row;
    }

    /// <summary>The counter's rows and 待复核 rows, and the table's, for one ledger, region and year.</summary>
    protected static async Task AssertUnconfirmedAsync(
        HarmonyDbContext db, ILedgerDefinition ledger, int regionId, int year, int rows, int unconfirmed)
    {
        var inTable = ledger.Rows(db).Where(r => r.RegionId == regionId && r.Year == year);
        var table = (await inTable.CountAsync(),
            await inTable.CountAsync(r => r.Status == LedgerRowStatus.NeedsReview));
        var counter = await db.LedgerRowCounts
            .Where(c => c.Ledger == ledger.Key && c.RegionId == regionId && c.Year == year)
            .Select(c => new { c.Count, c.Unconfirmed }).SingleOrDefaultAsync();
        Assert.Equal((ledger.Key, rows, unconfirmed), (ledger.Key, table.Item1, table.Item2));
        Assert.Equal((ledger.Key, rows, unconfirmed), (ledger.Key, counter?.Count ?? 0, counter?.Unconfirmed ?? 0));
    }

    /// <summary>Raw SQL over table names from the model and ids from the test, none of them user input.</summary>
    protected static Task<int> RunAsync(HarmonyDbContext db, string sql) => db.Database.ExecuteSqlRawAsync(sql);

    protected static async Task AssertCountedAsync(HarmonyDbContext db, ILedgerDefinition ledger, int regionId, int year, int expected)
    {
        var rows = await ledger.Rows(db).CountAsync(r => r.RegionId == regionId && r.Year == year);
        var counted = await db.LedgerRowCounts.Where(c => c.Ledger == ledger.Key && c.RegionId == regionId && c.Year == year)
            .Select(c => (int?)c.Count).SingleOrDefaultAsync() ?? 0;
        Assert.True(rows == expected, $"{ledger.Key}: the test expected {expected} rows, the table has {rows}");
        Assert.True(counted == expected, $"{ledger.Key}: {expected} rows in region {regionId}, {year}, but the counter says {counted}");
    }
}

public sealed class SqliteLedgerRowCountTriggerTests() : LedgerRowCountTriggerTests(DatabaseProvider.Sqlite);

public sealed class PostgresLedgerRowCountTriggerTests() : LedgerRowCountTriggerTests(DatabaseProvider.Postgres)
{
    /// <summary>What the benchmark generator loads with: COPY fires the statement triggers with its rows as the transition table.</summary>
    [Fact]
    public async Task RowsCopiedOutAndBackIn_AreUncountedThenCountedAgain_InEveryLedger()
    {
        await using var db = Database.CreateContext();
        foreach (var ledger in LedgerCatalog.All)
        {
            db.AddRange(Row(ledger, 2026), Carried(Row(ledger, 2026)), Row(ledger, 2026, inB: true));
        }

        await db.SaveChangesAsync();
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var ledger in LedgerCatalog.All)
        {
            var table = Table(db, ledger);
            string copied;
            using (var export = await connection.BeginTextExportAsync($"""COPY (SELECT * FROM "{table}" WHERE "Year" = 2026) TO STDOUT"""))
            {
                copied = await export.ReadToEndAsync();
            }

            await RunAsync(db, $"""DELETE FROM "{table}" WHERE "Year" = 2026""");
            Assert.Equal(0, await CountedAsync(db, ledger, 2026));
            await using (var import = await connection.BeginTextImportAsync($"""COPY "{table}" FROM STDIN"""))
            {
                await import.WriteAsync(copied);
            }
        }

        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);
        foreach (var ledger in LedgerCatalog.All)
        {
            Assert.Equal(3, await CountedAsync(db, ledger, 2026));
        }
    }

    private static Task<int> CountedAsync(HarmonyDbContext db, ILedgerDefinition ledger, int year) =>
        db.LedgerRowCounts.Where(c => c.Ledger == ledger.Key && c.Year == year).SumAsync(c => c.Count);
}
