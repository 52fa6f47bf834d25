namespace HarmonyPortal.Core.Regions;

/// <summary>What happened to a region: the region change log (区划变更记录), shown on its history page.</summary>
public enum RegionChangeKind
{
    Rename = 1,
    Close = 2,
    Reopen = 3,
    Move = 4,
    MergedInto = 5,
    Absorbed = 6,
    SplitFrom = 7,
    SplitOff = 8,
    MergeUndone = 9,
    AbsorptionUndone = 10,
}

/// <summary>One change of a region: who made it, when, why, and what it did (moved counts and the like).</summary>
public class RegionChange
{
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public int RegionId { get; set; }

    public RegionChangeKind Kind { get; set; }

    /// <summary>The other region of a merge, split or move (the target, the source, the new parent).</summary>
    public int? OtherRegionId { get; set; }

    /// <summary>The day the change takes effect.</summary>
    public DateOnly EffectiveOn { get; set; }

    public DateTime AtUtc { get; set; }

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Reason { get; set; } = "";

    /// <summary>What the change did, in Chinese, for the history page (e.g. "原名称：岳阳县；新名称：岳阳区").</summary>
    public string Details { get; set; } = "";

    public static string KindText(RegionChangeKind kind) => kind switch
    {
        RegionChangeKind.Rename => "更名",
        RegionChangeKind.Close => "撤销",
        RegionChangeKind.Reopen => "恢复",
        RegionChangeKind.Move => "调整上级",
        RegionChangeKind.MergedInto => "并入其他地区",
        RegionChangeKind.Absorbed => "接收并入",
        RegionChangeKind.SplitFrom => "由拆分设立",
        RegionChangeKind.SplitOff => "拆分出新地区",
        RegionChangeKind.MergeUndone => "撤回并入",
        RegionChangeKind.AbsorptionUndone => "撤回接收并入",
        _ => kind.ToString(),
    };
}
