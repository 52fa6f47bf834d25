using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Core.Tests.Data;

public abstract class MigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
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
}

public sealed class SqliteMigrationTests() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresMigrationTests() : MigrationTests(DatabaseProvider.Postgres);
