using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Nominations;

namespace HarmonyPortal.Web.Infrastructure.Demo;

/// <summary>
/// What the demo fills in each seed jurisdiction: its counties (keys of <see cref="Core.Regions.RegionSeed"/>, whose
/// clerks are the demo logins "{key}.clerk"), the counties that nominate (唐山's rules are 唐山高新区's own), the gold
/// categories its rules know, and the towns each county's rows name.
/// </summary>
public sealed record DemoJurisdiction(
    string City, string Province, string AreaCode, string IdPrefix, IReadOnlyList<GoldCategory> Categories,
    IReadOnlyList<DemoCounty> Counties)
{
    public IReadOnlyList<DemoCounty> Nominating => Counties.Where(c => c.Nominates).ToList();
}

/// <param name="Registers">Whether the demo adds its coverage registers (虎岭高新区 has DemoCoverage's).</param>
public sealed record DemoCounty(string Key, string Place, string IdPrefix, IReadOnlyList<string> Towns, bool Nominates = true, bool Registers = true);

public static class DemoJurisdictions
{
    private static readonly GoldCategory[] AllCategories = [GoldCategory.Coordinator, GoldCategory.MediationOrganization, GoldCategory.SocialOrganization];

    public static IReadOnlyList<DemoJurisdiction> All { get; } =
    [
        new("xz", "sx", "0350", "140900", AllCategories,
        [
            new("xzxf", "忻州", "140902", ["秀容街道", "长征街街道", "新建路街道", "播明镇"]),
            new("xzdx", "定襄", "140921", ["晋昌镇", "河边镇", "宏道镇"]),
            new("xzyp", "原平", "140981", ["北城街道", "南城街道", "崞阳镇"]),
        ]),
        new("jy", "ha", "0391", "419001", [GoldCategory.Coordinator, GoldCategory.SocialOrganization],
        [
            // Not the towns of 虎岭高新区's sample registers: its coverage figures stay those DemoCoverage sets up.
            new("jyhl", "济源", "419001", ["轵城镇", "思礼镇"], Registers: false),
            new("jyyc", "济源", "419001", ["克井镇", "五龙口镇", "沁园街道"]),
        ]),
        new("ts", "he", "0315", "130200", AllCategories,
        [
            new("tsgx", "唐山", "130200", ["庆南道街道", "老庄子镇", "高新技术产业园"]),
            new("tsln", "唐山", "130202", ["学院南路街道", "友谊街道", "女织寨乡"], Nominates: false),
            new("tslb", "唐山", "130203", ["乔屯街道", "文化路街道", "钓鱼台街道"], Nominates: false),
        ]),
        new("gz", "jx", "0797", "360700", AllCategories,
        [
            new("gzzg", "赣州", "360702", ["解放街道", "赣江街道", "水南镇"]),
            new("gznk", "南康", "360703", ["蓉江街道", "东山街道", "唐江镇"]),
            new("gzgx", "赣县", "360704", ["梅林镇", "王母渡镇", "赣州高新区"]),
            new("gzrj", "瑞金", "360781", ["象湖镇", "沙洲坝镇"], Nominates: false),
        ]),
        new("yy", "hn", "0730", "430600", AllCategories,
        [
            new("yylq", "岳阳", "430602", ["洞庭街道", "三眼桥街道", "岳阳楼街道"]),
            new("yyjs", "岳阳", "430611", ["柳林洲街道", "许市镇", "钱粮湖镇"]),
            new("yyyx", "岳阳", "430603", ["云溪镇", "路口镇", "长岭街道"]),
            new("yyhr", "华容", "430623", ["章华镇", "治河渡镇"], Nominates: false),
            new("yyxy", "湘阴", "430624", ["文星镇", "东塘镇"], Nominates: false),
            new("yyyyx", "岳阳", "430621", ["荣家湾镇", "新墙镇"], Nominates: false),
            new("yypj", "平江", "430626", ["汉昌街道", "三市镇"], Nominates: false),
            new("yyml", "汨罗", "430681", ["归义镇", "新市镇"], Nominates: false),
            new("yylx", "临湘", "430682", ["长安街道", "桃林镇"], Nominates: false),
            new("yyjk", "岳阳", "430600", ["通海路街道", "木里港街道"], Nominates: false),
            new("yynh", "岳阳", "430600", ["南湖街道", "湖滨街道"], Nominates: false),
            new("yyqy", "岳阳", "430600", ["营田镇", "河市镇"], Nominates: false),
        ]),
    ];
}
