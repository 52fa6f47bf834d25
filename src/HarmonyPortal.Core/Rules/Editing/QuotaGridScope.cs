using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>A region directly below the jurisdiction: a row of the grid.</summary>
public sealed record QuotaGridRegion(string Code, string Name, RegionLevel Level);

/// <summary>
/// Where a plan's quota grid is drawn: the jurisdiction, the regions directly below it and the short names of its
/// office's member units (人社局, 总工会 …).
/// </summary>
public sealed record QuotaGridScope(string JurisdictionCode, RegionLevel JurisdictionLevel, IReadOnlyList<QuotaGridRegion> Children, IReadOnlyList<string> UnitShortNames)
{
    /// <summary>The row name of a member unit as 附件1 writes it: 市人社局, 省总工会.</summary>
    public string UnitRowName(string shortName) => JurisdictionLevel switch
    {
        RegionLevel.Province => "省" + shortName,
        RegionLevel.City => "市" + shortName,
        _ => shortName,
    };

    /// <summary>The row name of a level-wide quota: 各县市区（每个）.</summary>
    public static string LevelRowName(RegionLevel level) => level switch
    {
        RegionLevel.Province => "各省（每个）",
        RegionLevel.City => "各市（每个）",
        RegionLevel.County => "各县市区（每个）",
        _ => "各乡镇（街道）（每个）",
    };
}
