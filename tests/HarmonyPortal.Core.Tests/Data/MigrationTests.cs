using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace HarmonyPortal.Core.Tests.Data;

public abstract class MigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly int[] YearsOfRows = [2025, 2026, 2026];

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Model_HasNoChangesMissingFromTheProvidersMigrations()
    {
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes without a {provider} migration; run tools/add-migration.sh NAME.");
    }

    [Fact]
    public async Task EmptyDatabase_MigratesToTheLatestMigration_AndAcceptsData()
    {
        await using var db = database.CreateContext();

        await db.Database.MigrateAsync();

        var applied = await db.Database.GetAppliedMigrationsAsync();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.NotEmpty(applied);
        db.Regions.Add(new Region { Name = "测试省", Code = "990000", Level = RegionLevel.Province, Path = "/" });
        await db.SaveChangesAsync();
        Assert.Equal("测试省", (await db.Regions.AsNoTracking().SingleAsync()).Name);
    }

    [Fact]
    public async Task MigratingTwice_ChangesNothing()
    {
        await using (var first = await database.CreateMigratedContextAsync())
        {
            Assert.Empty(await first.Database.GetPendingMigrationsAsync());
        }

        await using var second = await database.CreateMigratedContextAsync();
        Assert.Empty(await second.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task EmptyDatabase_MigratesWithInitialAndTheUnconfirmedCounters_WhoseCountersCountRowsLikeAGroupBy()
    {
        await using var db = await database.CreateMigratedContextAsync();

        // Initial (the squash, docs/adr/0029), then the 待复核 counts beside the counters (docs/adr/0042).
        Assert.Equal(["Initial", "LedgerRowCountsUnconfirmed"],
            (await db.Database.GetAppliedMigrationsAsync()).Select(m => m.Split('_', 2)[1]));
        var region = new Region { Name = "甲县", Code = "990101", Level = RegionLevel.County, Path = "/" };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        var organization = TestLedgerRows.Create(LedgerCatalog.Find("mediation-organizations")!, region.Id, 2026);
        db.Add(organization);
        await db.SaveChangesAsync();
        foreach (var ledger in LedgerCatalog.All)
        {
            db.AddRange(YearsOfRows.Select(year => TestLedgerRows.Create(ledger, region.Id, year, organization.Id)));
        }

        await db.SaveChangesAsync();

        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);
        Assert.Equal(LedgerCatalog.All.Count,
            await db.LedgerRowCounts.Where(c => c.Year == 2025).Select(c => c.Ledger).Distinct().CountAsync());
    }

    [Fact]
    public async Task DatabaseMigratedBeforeTheSquash_IsRefusedWithAMessageSayingToRecreateIt_AndLeftUntouched()
    {
        await using var db = database.CreateContext();
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateScript());
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(
            new HistoryRow("20261122022614_Foundation", "10.0.15")));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => MigrationHistoryGuard.EnsureKnownHistoryAsync(db.Database));

        Assert.Contains("20261122022614_Foundation", refused.Message, StringComparison.Ordinal);
        Assert.Contains("squashed", refused.Message, StringComparison.Ordinal);
        Assert.Contains("0.1.0", refused.Message, StringComparison.Ordinal);
        Assert.Contains("recreate it", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["20261122022614_Foundation"], await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task RowsWrittenBeforeTheUnconfirmedCounters_AreCountedWithTheirCarriedForwardRows_OnceMigrated()
    {
        await using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(db.Database.GetMigrations().First());
        var region = new Region { Name = "甲县", Code = "990101", Level = RegionLevel.County, Path = "/" };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        var organization = TestLedgerRows.Create(LedgerCatalog.Find("mediation-organizations")!, region.Id, 2026);
        db.Add(organization);
        await db.SaveChangesAsync();
        var carried = 0;
        foreach (var ledger in LedgerCatalog.All)
        {
            foreach (var (year, i) in YearsOfRows.Select((y, i) => (y, i)))
            {
                var row = TestLedgerRows.Create(ledger, region.Id, year, organization.Id);
                row.Status = i > 0 ? LedgerRowStatus.NeedsReview : LedgerRowStatus.Active;
                carried += i > 0 ? 1 : 0;
                db.Add(row);
            }
        }

        await db.SaveChangesAsync();
        await migrator.MigrateAsync();

        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);
        Assert.Equal(carried, await db.LedgerRowCounts.SumAsync(c => c.Unconfirmed));
        Assert.Equal(2, await db.LedgerRowCounts.Where(c => c.Ledger == "towns" && c.Year == 2026)
            .Select(c => c.Unconfirmed).SingleAsync());
    }

    [Fact]
    public async Task DatabaseMigratedByThisBuild_PassesTheHistoryCheck_AndOneFromANewerBuildIsRefused()
    {
        await using var db = await database.CreateMigratedContextAsync();
        await MigrationHistoryGuard.EnsureKnownHistoryAsync(db.Database);

        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(
            new HistoryRow("29991231000000_FromTheFuture", "10.0.15")));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => MigrationHistoryGuard.EnsureKnownHistoryAsync(db.Database));

        Assert.Contains("newer version", refused.Message, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromTheFuture", refused.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresMigrationTests() : MigrationTests(DatabaseProvider.Postgres);
