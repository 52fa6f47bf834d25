using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Core.Tests.Scope;

/// <summary>The one scope filter over region-owned rows (ADR 0030), on each provider: what a 岳阳 reviewer or a county sees.</summary>
public abstract class RegionOwnedScopeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private HarmonyDbContext db = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        db = await database.CreateMigratedContextAsync();
        await RegionSeeder.SeedIfEmptyAsync(db);
        await RegionSeeder.EnsureSeedUnitsAsync(db);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<Region> RegionAsync(string code) => await db.Regions.AsNoTracking().SingleAsync(r => r.Code == code);

    private static UserScope ScopeOf(Region region) =>
        new("u1", "someone", region.Id, region.Path, region.Level, region.Name, null, "人社局", UserRole.Reviewer);

    [Fact]
    public async Task MemberUnits_InScope_AreThoseOfTheCityAndItsCounties_WithAPrefixLike()
    {
        var yueyang = await RegionAsync("430600");
        var query = db.MemberUnits.AsNoTracking().InScope(ScopeOf(yueyang));

        var regions = await query.Select(u => u.Region.Code).Distinct().ToListAsync();
        var expected = await db.MemberUnits.AsNoTracking().Where(u => u.Region.Code == "430600" || u.Region.Parent!.Code == "430600" || u.Region.Parent!.Parent!.Code == "430600")
            .Select(u => u.Region.Code).Distinct().ToListAsync();

        Assert.Contains("430600", regions);
        Assert.DoesNotContain("430000", regions);
        Assert.Equal(expected.Order(StringComparer.Ordinal), regions.Order(StringComparer.Ordinal));
        Assert.Contains("LIKE", query.ToQueryString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InSubtreeOf_AnotherRegion_ListsThatCountyAndItsTownsOnly()
    {
        var county = await RegionAsync("430602");

        var names = await db.Regions.AsNoTracking().InSubtreeOf(county.Path).Select(r => r.Name).ToListAsync();

        Assert.Equal(["三眼桥街道", "岳阳楼区", "洞庭街道"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task InSubtreeOrAbove_AddsTheCityAndTheProvince_NotTheSiblings()
    {
        var county = await RegionAsync("430602");

        var names = await db.Regions.AsNoTracking().InSubtreeOrAbove(county.Path).Select(r => r.Name).ToListAsync();

        Assert.Equal(["三眼桥街道", "岳阳市", "岳阳楼区", "洞庭街道", "湖南省"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARegionOwnsItself_AndRowsOfOtherTypesFilterTheSameWay()
    {
        var yueyang = await RegionAsync("430600");
        var scope = ScopeOf(yueyang);

        var regionIds = await db.Regions.AsNoTracking().InScope(scope).Select(r => r.Id).ToListAsync();
        var unitRegionIds = await db.MemberUnits.AsNoTracking().InScope(scope).Select(u => u.RegionId).Distinct().ToListAsync();

        Assert.Equal(19, regionIds.Count);
        Assert.Subset(regionIds.ToHashSet(), unitRegionIds.ToHashSet());
    }
}

public sealed class SqliteRegionOwnedScopeTests() : RegionOwnedScopeTests(DatabaseProvider.Sqlite);

public sealed class PostgresRegionOwnedScopeTests() : RegionOwnedScopeTests(DatabaseProvider.Postgres);
