namespace HarmonyPortal.Bench.Data;

/// <summary>
/// The 31 provincial-level units with their GB/T 2260 codes and roughly their real number of prefecture-level
/// cities and county-level units (about 340 and 2,900 in all). Cities and counties below them are generated:
/// plausible two-character names, codes in the province's GB/T 2260 range that the seed regions do not use.
/// </summary>
internal static class NationalRegions
{
    public sealed record Province(string Name, string Code, int Cities, int Counties);

    public static IReadOnlyList<Province> All { get; } =
    [
        new("北京市", "110000", 1, 16), new("天津市", "120000", 1, 16), new("河北省", "130000", 11, 167),
        new("山西省", "140000", 11, 117), new("内蒙古自治区", "150000", 12, 103), new("辽宁省", "210000", 14, 100),
        new("吉林省", "220000", 9, 60), new("黑龙江省", "230000", 13, 121), new("上海市", "310000", 1, 16),
        new("江苏省", "320000", 13, 95), new("浙江省", "330000", 11, 90), new("安徽省", "340000", 16, 104),
        new("福建省", "350000", 9, 84), new("江西省", "360000", 11, 100), new("山东省", "370000", 16, 136),
        new("河南省", "410000", 17, 157), new("湖北省", "420000", 17, 103), new("湖南省", "430000", 14, 122),
        new("广东省", "440000", 21, 122), new("广西壮族自治区", "450000", 14, 111), new("海南省", "460000", 4, 25),
        new("重庆市", "500000", 1, 38), new("四川省", "510000", 21, 183), new("贵州省", "520000", 9, 88),
        new("云南省", "530000", 16, 129), new("西藏自治区", "540000", 7, 74), new("陕西省", "610000", 10, 107),
        new("甘肃省", "620000", 14, 86), new("青海省", "630000", 8, 44), new("宁夏回族自治区", "640000", 5, 22),
        new("新疆维吾尔自治区", "650000", 14, 107),
    ];

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
