using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules;

/// <summary>
/// A plan being written in the editor: one per jurisdiction and plan period, kept between sittings, applying to
/// nothing until it is published as a new <see cref="RuleSetVersion"/>. Its <see cref="Json"/> always reads without
/// errors (each form saves only what reads); the checker's findings are shown before publishing.
/// </summary>
public class RuleSetDraft : IRegionOwned
{
    public int Id { get; set; }

    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    public int FromYear { get; set; }

    public int ToYear { get; set; }

    public string Json { get; set; } = "";

    /// <summary>The version the draft started from (<see cref="RuleSetVersion.Version"/> of any plan of the jurisdiction or the level above), or null for a blank plan.</summary>
    public int? BasedOnVersionId { get; set; }

    /// <summary>How the draft started, as users read it: "空白规划", "复制自 2021–2023 年规划 第 3 版" ….</summary>
    public string Origin { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }

    public string PeriodText => FromYear == ToYear ? $"{FromYear} 年规划" : $"{FromYear}–{ToYear} 年规划";
}
