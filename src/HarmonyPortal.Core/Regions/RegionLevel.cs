namespace HarmonyPortal.Core.Regions;

/// <summary>Administrative level of a region; the numbers order the hierarchy from the top.</summary>
public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Town = 4,
}

public static class RegionLevelNames
{
    public static string ToChinese(this RegionLevel level) => level switch
    {
        RegionLevel.Province => "省级",
        RegionLevel.City => "市级",
        RegionLevel.County => "县级",
        RegionLevel.Town => "乡镇（街道）",
        _ => level.ToString(),
    };
}
