using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Core.Tests.Regions;

public abstract class RegionSeederTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private HarmonyDbContext db = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync(provider);
        db = await database.CreateMigratedContextAsync();
        Assert.True(await RegionSeeder.SeedIfEmptyAsync(db));
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Yueyang_HasTheTwelveCountyLevelUnitsOfAttachment1()
    {
        var yueyang = await db.Regions.SingleAsync(r => r.Code == "430600");

        var counties = await db.Regions.Where(r => r.ParentId == yueyang.Id && r.Level == RegionLevel.County)
            .Select(r => r.Name).ToListAsync();

        string[] attachment1 = ["岳阳楼区", "君山区", "云溪区", "华容县", "湘阴县", "岳阳县", "平江县", "汨罗市", "临湘市", "经开区", "南湖新区", "屈原区"];
        Assert.Equal(attachment1.Order(StringComparer.Ordinal), counties.Order(StringComparer.Ordinal));
        Assert.Equal("湖南省", (await db.Regions.SingleAsync(r => r.Id == yueyang.ParentId)).Name);
    }

    [Fact]
    public async Task Yueyang_CityBureausThatHoldQuotas_AreTheCityOfficesParties()
    {
        var units = await db.MemberUnits.Where(p => p.Region.Code == "430600").ToListAsync();

        // The quota table of 004 names them as 市人社局, 市总工会, 市工商联: the level prefix finds the unit.
        Assert.Equal("人社局", MemberUnits.Named(units, "市人社局")!.ShortName);
        Assert.Equal("总工会", MemberUnits.Named(units, "市总工会")!.ShortName);
        Assert.Equal("工商联", MemberUnits.Named(units, "市工商联")!.ShortName);
        Assert.Null(MemberUnits.Named(units, "市商务局"));
        Assert.Equal("岳阳市总工会", units.Single(u => u.ShortName == "总工会").Name);
        Assert.Equal("岳阳市工业和信息化局", units.Single(u => u.ShortName == "工业和信息化局").Name);
    }

    [Theory]
    [InlineData("山西省", "忻州市")]
    [InlineData("河南省", "济源示范区")]
    [InlineData("河北省", "唐山市")]
    [InlineData("江西省", "赣州市")]
    [InlineData("湖南省", "岳阳市")]
    public async Task EverySeedCity_SitsInItsProvince_WithAtLeastTwoCountyLevelUnits(string province, string city)
    {
        var row = await db.Regions.Include(r => r.Parent).SingleAsync(r => r.Name == city);

        Assert.Equal(province, row.Parent!.Name);
        Assert.True(await db.Regions.CountAsync(r => r.ParentId == row.Id && r.Level == RegionLevel.County) >= 2);
    }

    [Theory]
    [InlineData("经开区")]
    [InlineData("南湖新区")]
    [InlineData("屈原区")]
    [InlineData("唐山高新区")]
    [InlineData("济源示范区")]
    public async Task FunctionalZones_CarryLocalCodes(string name)
    {
        var zone = await db.Regions.SingleAsync(r => r.Name == name);

        Assert.True(zone.IsLocalCode);
        Assert.DoesNotMatch(@"^\d{6}$", zone.Code);
    }

    [Fact]
    public async Task RealRegions_CarryTheirGbT2260Codes()
    {
        var codes = await db.Regions.Where(r => !r.IsLocalCode).ToDictionaryAsync(r => r.Name, r => r.Code);

        Assert.Equal("430602", codes["岳阳楼区"]);
        Assert.Equal("360700", codes["赣州市"]);
        Assert.Equal("140900", codes["忻州市"]);
        Assert.Equal("130200", codes["唐山市"]);
        Assert.All(codes.Values, code => Assert.Matches(@"^\d{6}$", code));
    }

    [Fact]
    public async Task EveryRegionAboveTownLevel_HasItsMemberUnits_OneHost_AndPathsFollowTheTree()
    {
        var regions = await db.Regions.AsNoTracking().ToListAsync();
        var units = await db.MemberUnits.AsNoTracking().ToListAsync();
        var byId = regions.ToDictionary(r => r.Id);
        string[] Names(string code) => units.Where(u => u.RegionId == regions.Single(r => r.Code == code).Id).OrderBy(u => u.SortOrder).Select(u => u.ShortName).ToArray();

        // The notices' own offices: 唐山高新区 (002) and 岳阳市 (004); a province's bureau is a 厅.
        Assert.Equal(["人社局", "工会联合会", "商务局"], Names("130200-GX"));
        Assert.Equal(["人社局", "总工会", "工业和信息化局", "工商联", "企联/企协"], Names("430600"));
        Assert.Equal(["人社厅", "总工会", "企联/企协", "工商联"], Names("140000"));
        Assert.Equal("山西省人力资源和社会保障厅", units.Single(u => u.RegionId == regions.Single(r => r.Code == "140000").Id && u.HostsOffice).Name);
        foreach (var region in regions)
        {
            var own = units.Where(p => p.RegionId == region.Id).ToList();
            if (region.Level == RegionLevel.Town)
            {
                Assert.Empty(own);
            }
            else
            {
                Assert.Single(own, u => u.HostsOffice);
                Assert.Equal(own.Count, own.Select(u => u.ShortName).Distinct().Count());
                Assert.Equal(Party.HumanResources, own.Single(u => u.HostsOffice).Kind);
            }

            var expectedPath = (region.ParentId is { } parentId ? byId[parentId].Path : "/") + region.Id + "/";
            Assert.Equal(expectedPath, region.Path);
        }
    }

    [Fact]
    public async Task SeedingAgain_AddsNothing()
    {
        var before = await db.Regions.CountAsync();

        Assert.False(await RegionSeeder.SeedIfEmptyAsync(db));
        Assert.Equal(before, await db.Regions.CountAsync());
    }
}

public sealed class SqliteRegionSeederTests() : RegionSeederTests(DatabaseProvider.Sqlite);

public sealed class PostgresRegionSeederTests() : RegionSeederTests(DatabaseProvider.Postgres);
