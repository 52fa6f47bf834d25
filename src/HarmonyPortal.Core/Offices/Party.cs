using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Offices;

/// <summary>
/// The four default parties of a tripartite office (三方四家): the kind of a region's default member units.
/// Regions add other units (商务局, 工业和信息化局 …) without a kind; see <see cref="MemberUnit"/>.
/// </summary>
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

    /// <summary>The default short name of the party's unit (人社厅 at a province, 人社局 below).</summary>
    public static string ShortNameAt(this Party party, RegionLevel level) => party switch
    {
        Party.HumanResources => level == RegionLevel.Province ? "人社厅" : "人社局",
        Party.TradeUnion => "总工会",
        Party.EnterpriseConfederation => "企联/企协",
        Party.IndustryCommerce => "工商联",
        _ => party.ToString(),
    };

    /// <summary>The full name of the party's body in a region, e.g. 岳阳市人力资源和社会保障局, 山西省人力资源和社会保障厅.</summary>
    public static string FullNameIn(this Party party, string regionName, RegionLevel level) => party switch
    {
        Party.HumanResources => regionName + (level == RegionLevel.Province ? "人力资源和社会保障厅" : "人力资源和社会保障局"),
        Party.TradeUnion => regionName + "总工会",
        Party.EnterpriseConfederation => regionName + "企业联合会（企业家协会）",
        Party.IndustryCommerce => regionName + "工商业联合会",
        _ => regionName + party,
    };
}
