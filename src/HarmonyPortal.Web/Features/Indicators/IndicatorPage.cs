using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Web.Features.Indicators;

/// <summary>The 指标报送 page of one region and year: the indicator tasks it owes, their quotas, reports and review.</summary>
public sealed record IndicatorPage(
    int Year,
    IReadOnlyList<int> Years,
    int RegionId,
    string RegionName,
    bool CanReport,
    IReadOnlyList<IndicatorRow> Rows,
    IReadOnlyList<(int Id, string Name)> Below,
    (int Id, string Name)? Parent,
    bool IsReviewer);

/// <summary>
/// One indicator task of a plan in the chain: what it asks, the verdict of each quota, every report (newest first),
/// where the latest stands with the level above, the due date, and whether a report may be made now.
/// </summary>
public sealed record IndicatorRow(
    int JurisdictionRegionId,
    string JurisdictionName,
    string PlanText,
    RuleTask Task,
    Indicator Indicator,
    IReadOnlyList<QuotaLine> Quotas,
    IReadOnlyList<ReportLine> History,
    RegionTaskStatus Status,
    string DueText,
    string? ReviewReason,
    string? LateRefusal,
    string? ReplacementNotice)
{
    public ReportLine? Latest => History.Count > 0 ? History[0] : null;

    public string FormId => $"report-{JurisdictionRegionId}-{Task.Id}";
}

public sealed record QuotaLine(string Scope, string Period, string Requirement, IndicatorVerdict Verdict);

public sealed record ReportLine(long Id, string Amount, string? Note, string ReportedBy, string ReportedAt, IReadOnlyList<IndicatorEvidence> Files, string StatusName, string Timeliness);
