namespace HarmonyPortal.Core.Regions;

/// <summary>
/// The five jurisdictions of the seed notices (shared/seeds), with GB/T 2260 codes where they exist
/// and local codes "{parent code}-{abbreviation}" for functional zones and towns.
/// <see cref="Key"/> is a short ASCII handle used for demo logins and tests only.
/// </summary>
public sealed record RegionSeed(string Name, string Code, RegionLevel Level, string Key, bool IsLocalCode = false)
{
    public IReadOnlyList<RegionSeed> Children { get; init; } = [];

    /// <summary>The member units the region's notices name, when they differ from the default four; empty for the defaults.</summary>
    public IReadOnlyList<Offices.SeedUnit> Units { get; init; } = [];

    public static RegionSeed Province(string name, string code, string key, params RegionSeed[] children) =>
        new(name, code, RegionLevel.Province, key) { Children = children };

    public static RegionSeed City(string name, string code, string key, params RegionSeed[] children) =>
        new(name, code, RegionLevel.City, key, IsLocal(code)) { Children = children };

    public static RegionSeed County(string name, string code, string key, params RegionSeed[] children) =>
        new(name, code, RegionLevel.County, key, IsLocal(code)) { Children = children };

    public static RegionSeed Town(string name, string code, string key) => new(name, code, RegionLevel.Town, key, true);

    private static bool IsLocal(string code) => code.Contains('-', StringComparison.Ordinal);

    public IEnumerable<RegionSeed> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);

    /// <summary>The seed tree: 山西/忻州, 河南/济源示范区, 河北/唐山/唐山高新区, 江西/赣州, 湖南/岳阳 (附件1 of 004).</summary>
    public static IReadOnlyList<RegionSeed> FiveJurisdictions { get; } =
    [
        Province("山西省", "140000", "sx",
            City("忻州市", "140900", "xz",
                County("忻府区", "140902", "xzxf"),
                County("定襄县", "140921", "xzdx"),
                County("原平市", "140981", "xzyp"))),
        Province("河南省", "410000", "ha",
            City("济源示范区", "410000-JY", "jy",
                County("虎岭高新区", "410000-JY-HL", "jyhl"),
                County("玉川产业集聚区", "410000-JY-YC", "jyyc"),
                Town("沁园街道", "410000-JY-001", "jyqy"),
                Town("克井镇", "410000-JY-002", "jykj"))),
        Province("河北省", "130000", "he",
            City("唐山市", "130200", "ts",
                County("唐山高新区", "130200-GX", "tsgx") with { Units = Offices.SeedUnit.TangshanHighTechZone },
                County("路南区", "130202", "tsln"),
                County("路北区", "130203", "tslb"))),
        Province("江西省", "360000", "jx",
            City("赣州市", "360700", "gz",
                County("章贡区", "360702", "gzzg"),
                County("南康区", "360703", "gznk"),
                County("赣县区", "360704", "gzgx"),
                County("瑞金市", "360781", "gzrj"))),
        Province("湖南省", "430000", "hn",
            (City("岳阳市", "430600", "yy",
                County("岳阳楼区", "430602", "yylq",
                    Town("洞庭街道", "430602-001", "yylqdt"),
                    Town("三眼桥街道", "430602-002", "yylqsyq")),
                County("君山区", "430611", "yyjs",
                    Town("柳林洲街道", "430611-001", "yyjsllz"),
                    Town("许市镇", "430611-002", "yyjsxs")),
                County("云溪区", "430603", "yyyx"),
                County("华容县", "430623", "yyhr",
                    Town("章华镇", "430623-001", "yyhrzh"),
                    Town("治河渡镇", "430623-002", "yyhrzhd")),
                County("湘阴县", "430624", "yyxy"),
                County("岳阳县", "430621", "yyyyx"),
                County("平江县", "430626", "yypj"),
                County("汨罗市", "430681", "yyml"),
                County("临湘市", "430682", "yylx"),
                County("经开区", "430600-JK", "yyjk"),
                County("南湖新区", "430600-NH", "yynh"),
                County("屈原区", "430600-QY", "yyqy")) with { Units = Offices.SeedUnit.Yueyang })),
    ];
}
