using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules;

/// <summary>
/// One version of a jurisdiction's rule set, as the JSON file an office edits. Versions are only added,
/// never changed, so a verdict that names its version can always be reproduced.
/// </summary>
public class RuleSetVersion
{
    public int Id { get; set; }

    /// <summary>The province or city whose rules these are.</summary>
    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    /// <summary>1, 2, 3 … within the jurisdiction.</summary>
    public int Version { get; set; }

    public string Json { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public string? Comment { get; set; }
}
