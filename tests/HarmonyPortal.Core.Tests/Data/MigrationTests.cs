using HarmonyPortal.Core.Data;
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
    private static readonly int[] YearsOfRowsBeforeTheCounters = [2025, 2026, 2026];

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
    public async Task RowsWrittenBeforeTheCountersExisted_AreCountedByTheMigrationThatAddsThem_AndAgainAfterADownAndUp()
    {
        await using var db = BeforeMemberUnitsContext.Create(database); // rows written before the UnitId columns existed
        await using var current = database.CreateContext(); // the migrations belong to the portal's context
        var migrator = current.GetService<IMigrator>();
        await migrator.MigrateAsync("AddCoverageRegisters");
        List<Region> regions = [new() { Name = "甲县", Code = "990101", Level = RegionLevel.County, Path = "/" }, new() { Name = "乙县", Code = "990102", Level = RegionLevel.County, Path = "/" }];
        db.Regions.AddRange(regions);
        await db.SaveChangesAsync();
        var organization = TestLedgerRows.Create(LedgerCatalog.Find("mediation-organizations")!, regions[0].Id, 2026);
        db.Add(organization);
        await db.SaveChangesAsync();
        foreach (var ledger in LedgerCatalog.All)
        {
            foreach (var region in regions)
            {
                db.AddRange(YearsOfRowsBeforeTheCounters.Select(year => TestLedgerRows.Create(ledger, region.Id, year, organization.Id)));
            }
        }

        await db.SaveChangesAsync();

        await current.Database.MigrateAsync();
        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);
        Assert.Equal(LedgerCatalog.All.Count, await db.LedgerRowCounts.Where(c => c.Year == 2025).Select(c => c.Ledger).Distinct().CountAsync());

        await migrator.MigrateAsync("AddCoverageRegisters");
        db.Add(TestLedgerRows.Create(LedgerCatalog.Find("towns")!, regions[1].Id, 2024));
        await db.SaveChangesAsync();
        await current.Database.MigrateAsync();
        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresMigrationTests() : MigrationTests(DatabaseProvider.Postgres);
