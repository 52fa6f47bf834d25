namespace HarmonyPortal.Core.Offices;

/// <summary>The four parties of a tripartite office (三方四家).</summary>
public enum Party
{
    HumanResources = 1,
    TradeUnion = 2,
    EnterpriseConfederation = 3,
    IndustryCommerce = 4,
}

public static class PartyNames
{
    public static IReadOnlyList<Party> All { get; } =
        [Party.HumanResources, Party.TradeUnion, Party.EnterpriseConfederation, Party.IndustryCommerce];

    /// <summary>The short name used on forms and in lists.</summary>
    public static string ToChinese(this Party party) => party switch
    {
        Party.HumanResources => "人社局",
        Party.TradeUnion => "总工会",
        Party.EnterpriseConfederation => "企联/企协",
        Party.IndustryCommerce => "工商联",
        _ => party.ToString(),
    };

    /// <summary>The full name of the party's body in a region, e.g. 岳阳市人力资源和社会保障局.</summary>
    public static string FullNameIn(this Party party, string regionName) => party switch
    {
        Party.HumanResources => regionName + "人力资源和社会保障局",
        Party.TradeUnion => regionName + "总工会",
        Party.EnterpriseConfederation => regionName + "企业联合会（企业家协会）",
        Party.IndustryCommerce => regionName + "工商业联合会",
        _ => regionName + party,
    };
}
