using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Offices;

/// <summary>A member unit of a seed region as its notice names it; the first listed with <see cref="Host"/> hosts the office.</summary>
public sealed record SeedUnit(string ShortName, string Name, Party? Kind, bool Host = false)
{
    /// <summary>唐山高新区 (002): 人社局, 工会联合会 and 商务局 sign its notice.</summary>
    public static IReadOnlyList<SeedUnit> TangshanHighTechZone { get; } =
    [
        new("人社局", "唐山高新区人力资源和社会保障局", Party.HumanResources, Host: true),
        new("工会联合会", "唐山高新区工会联合会", Party.TradeUnion),
        new("商务局", "唐山高新区商务局", null),
    ];

    /// <summary>岳阳市 (004): issued by 人社局, 总工会, 工业和信息化局 and 工商业联合会; 企联/企协 takes part in the plan.</summary>
    public static IReadOnlyList<SeedUnit> Yueyang { get; } =
    [
        new("人社局", "岳阳市人力资源和社会保障局", Party.HumanResources, Host: true),
        new("总工会", "岳阳市总工会", Party.TradeUnion),
        new("工业和信息化局", "岳阳市工业和信息化局", null),
        new("工商联", "岳阳市工商业联合会", Party.IndustryCommerce),
        new("企联/企协", "岳阳市企业联合会（企业家协会）", Party.EnterpriseConfederation),
    ];

    public MemberUnit ToUnit(Region region, int order) => new()
    {
        RegionId = region.Id,
        Kind = Kind,
        ShortName = ShortName,
        Name = Name,
        SortOrder = (order + 1) * 10,
        HostsOffice = Host,
        IsActive = true,
    };
}
