using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules;

/// <summary>
/// One version of one plan of a jurisdiction, as the JSON file an office edits. A jurisdiction has a plan per
/// plan period (2021–2023, 2024–2026 …), told apart by its first year; a year is governed by the plan whose
/// period holds it. Versions are only added, never changed, so a verdict that names its version can always be
/// reproduced.
/// </summary>
public class RuleSetVersion : IRegionOwned
{
    public int Id { get; set; }

    /// <summary>The province or city whose rules these are.</summary>
    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    /// <summary>1, 2, 3 … within the jurisdiction (all plans): the number in download addresses.</summary>
    public int Version { get; set; }

    /// <summary>The plan period's first year: what tells one plan of the jurisdiction from another.</summary>
    public int FromYear { get; set; }

    public int ToYear { get; set; }

    /// <summary>1, 2, 3 … within the plan: the "第 N 版" users see.</summary>
    public int PlanVersion { get; set; }

    public bool Governs(int year) => year >= FromYear && year <= ToYear;

    public string PlanText => FromYear == ToYear ? $"{FromYear} 年规划" : $"{FromYear}–{ToYear} 年规划";

    public string Json { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public string? Comment { get; set; }
}
