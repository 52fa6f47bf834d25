using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Bench.Data;

/// <summary>
/// The 31 provincial-level units with their GB/T 2260 codes and their number of prefecture-level and county-level units,
/// read from the national region list the portal ships (Core, Regions/Data/gbt2260.tsv; about 330 and 2,850 in all).
/// Cities and counties below them are generated: plausible two-character names, codes in the province's GB/T 2260
/// range that the seed regions do not use.
/// </summary>
internal static class NationalRegions
{
    public sealed record Province(string Name, string Code, int Cities, int Counties);

    public static IReadOnlyList<Province> All { get; } = FromShippedList();

    private static List<Province> FromShippedList()
    {
        var list = NationalRegionList.Shipped;
        return list.Provinces.Select(p =>
        {
            var below = list.DescendantsOf(p.Code).ToList();
            var cities = below.Count(e => e.Level == RegionLevel.City);
            return new Province(p.Name, p.Code, Math.Max(1, cities), below.Count(e => e.Level == RegionLevel.County));
        }).ToList();
    }

    /// <summary>Characters that recur in Chinese place names; two of them make a city or county name.</summary>
    private const string PlaceCharacters =
        "安平阳山江河宁德兴华临清永新丰泰长南北东西城林溪源石宝金桂武昌盛和顺庆云海湖嘉通龙凤白青黄丹沙泉阜康乐定远广隆吉柳梅松岳汉湘邵汾沂淮潭樟榆延宜川浦陵州桃栖";

    private static readonly string Characters = new(PlaceCharacters.Distinct().ToArray());

    /// <summary>A two-character place name not yet in <paramref name="used"/>, drawn from <paramref name="random"/>.</summary>
    public static string PlaceName(Random random, ISet<string> used)
    {
        while (true)
        {
            var a = Characters[random.Next(Characters.Length)];
            var b = Characters[random.Next(Characters.Length)];
            var name = $"{a}{b}";
            if (a != b && used.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>County-level units are districts (区), counties (县) or county-level cities (市), roughly as often as in reality.</summary>
    public static string CountySuffix(Random random) => random.Next(100) switch
    {
        < 35 => "区",
        < 85 => "县",
        _ => "市",
    };
}
