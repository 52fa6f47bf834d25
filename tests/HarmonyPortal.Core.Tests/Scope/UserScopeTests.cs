using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Core.Tests.Scope;

/// <summary>The scoped query layer on a real SQLite file seeded with the five jurisdictions.</summary>
public sealed class UserScopeTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private HarmonyDbContext db = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        db = await database.CreateMigratedContextAsync();
        await RegionSeeder.SeedIfEmptyAsync(db);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<UserScope> ScopeOf(string regionCode, UserRole role)
    {
        var region = await db.Regions.SingleAsync(r => r.Code == regionCode);
        return new UserScope("u1", "someone", region.Id, region.Path, region.Level, region.Name, null, "人社局", role);
    }

    [Fact]
    public async Task CityUser_ReadsItsCityAndEveryCountyAndTownBelow_AndNothingElse()
    {
        var scope = await ScopeOf("430600", UserRole.Reviewer);

        var names = await db.Regions.InScope(scope).Select(r => r.Name).ToListAsync();

        Assert.Contains("岳阳市", names);
        Assert.Contains("屈原区", names);
        Assert.Contains("洞庭街道", names);
        Assert.DoesNotContain("湖南省", names);
        Assert.DoesNotContain("赣州市", names);
        Assert.Equal(1 + 12 + 6, names.Count);
    }

    [Fact]
    public async Task CountyUser_DoesNotReadItsSiblingCounty_OrItsCity()
    {
        var scope = await ScopeOf("430602", UserRole.Clerk);

        var names = await db.Regions.InScope(scope).Select(r => r.Name).ToListAsync();

        Assert.Equal(["三眼桥街道", "岳阳楼区", "洞庭街道"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ProvinceAdmin_ManagesRegionsOfItsProvinceOnly()
    {
        var hunan = await ScopeOf("430000", UserRole.Admin);
        var ganzhouCounty = await db.Regions.SingleAsync(r => r.Code == "360702");
        var yueyangCounty = await db.Regions.SingleAsync(r => r.Code == "430611");

        Assert.True(hunan.IsProvinceAdmin);
        Assert.True(hunan.CanManageRegionsUnder(yueyangCounty.Path));
        Assert.False(hunan.CanManageRegionsUnder(ganzhouCounty.Path));
        Assert.False((await ScopeOf("430600", UserRole.Admin)).IsProvinceAdmin);
    }

    [Fact]
    public async Task Clerk_WritesOnlyItsOwnRegion_ReviewerAndAdminWriteNoLedgers()
    {
        var clerk = await ScopeOf("430600", UserRole.Clerk);
        var county = await db.Regions.SingleAsync(r => r.Code == "430602");

        Assert.True(clerk.CanWriteRecordsOf(clerk.RegionId));
        Assert.False(clerk.CanWriteRecordsOf(county.Id));
        Assert.False((await ScopeOf("430602", UserRole.Reviewer)).CanWriteRecordsOf(county.Id));
        Assert.False((await ScopeOf("430602", UserRole.Admin)).CanWriteRecordsOf(county.Id));
    }

    [Fact]
    public async Task PathPrefix_DoesNotConfuseRegion1WithRegion12()
    {
        var all = await db.Regions.AsNoTracking().ToListAsync();
        var shortPaths = all.Where(r => all.Any(o => o.Id != r.Id && o.Path.StartsWith(r.Path.TrimEnd('/'), StringComparison.Ordinal) && !o.Path.StartsWith(r.Path, StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(shortPaths);

        foreach (var region in shortPaths)
        {
            var scope = new UserScope("u", "n", region.Id, region.Path, region.Level, region.Name, null, "人社局", UserRole.Admin);
            var visible = await db.Regions.InScope(scope).Select(r => r.Id).ToListAsync();
            var expected = all.Where(r => r.Path.StartsWith(region.Path, StringComparison.Ordinal)).Select(r => r.Id);
            Assert.Equal(expected.Order(), visible.Order());
        }
    }
}
