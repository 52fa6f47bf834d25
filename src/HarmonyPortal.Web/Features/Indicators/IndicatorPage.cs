using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Web.Features.Indicators;

/// <summary>The 指标报送 page of one region and year: the indicator tasks holding it, their quotas and reports.</summary>
public sealed record IndicatorPage(
    int Year,
    IReadOnlyList<int> Years,
    int RegionId,
    string RegionName,
    bool CanReport,
    IReadOnlyList<IndicatorRow> Rows,
    IReadOnlyList<(int Id, string Name)> Below,
    (int Id, string Name)? Parent);

/// <summary>One indicator task of a plan in the chain: what it asks, the verdict of each quota, every report (newest first).</summary>
public sealed record IndicatorRow(
    int JurisdictionRegionId,
    string JurisdictionName,
    string PlanText,
    RuleTask Task,
    Indicator Indicator,
    IReadOnlyList<QuotaLine> Quotas,
    IReadOnlyList<ReportLine> History)
{
    public ReportLine? Latest => History.Count > 0 ? History[0] : null;

    public string FormId => $"report-{JurisdictionRegionId}-{Task.Id}";
}

public sealed record QuotaLine(string Scope, string Period, string Requirement, IndicatorVerdict Verdict);

public sealed record ReportLine(long Id, string Amount, string? Note, string ReportedBy, string ReportedAt, IReadOnlyList<IndicatorEvidence> Files);
