using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Materials;

namespace HarmonyPortal.Web.Features.Indicators;

/// <summary>指标审核: per indicator task, one row per region directly below the reviewer's region.</summary>
public sealed record IndicatorReviewPage(int Year, IReadOnlyList<int> Years, int RegionId, string RegionName, bool CanAct, IReadOnlyList<ReviewTask> Tasks)
{
    public DateOnly Today { get; init; }

    /// <summary>The member-unit contacts of the regions with an overdue figure, shown next to it.</summary>
    public Offices.UnitContacts.UnitContactBook Contacts { get; init; } = Offices.UnitContacts.UnitContactBook.Empty;

    public bool Overdue(RegionFigure row) => MaterialStatus.IsOverdue(row.Due, row.Status, Today);
}

public sealed record ReviewTask(int JurisdictionRegionId, string JurisdictionName, string TaskId, string TaskName, string Label, IReadOnlyList<RegionFigure> Rows);

/// <summary>
/// A region's figure for one indicator task of the year: the latest report (null when none), its verdict against the
/// target, where it stands, its timeliness, the due date in force, and the evidence of the latest report.
/// </summary>
public sealed record RegionFigure(
    int Year,
    int RegionId,
    string RegionName,
    string? GroupName,
    int JurisdictionRegionId,
    string TaskId,
    string TaskName,
    string JurisdictionName,
    string Label,
    IndicatorReport? Latest,
    IndicatorVerdict Verdict,
    RegionTaskStatus Status,
    string DueText,
    DateOnly? Due,
    IReadOnlyList<IndicatorEvidence> Evidence)
{
    /// <summary>达到 / 未达到 against the target; 未报送 without a report; 备查 when the plan sets no figure.</summary>
    public string VerdictText => Latest is null ? "未报送" : Verdict.Met is null ? "备查" : Verdict.Status;

    public string Amount => Latest is { } l ? IndicatorQuotas.Amount(l.Value, l.Unit) : "—";

    public string FormId => $"review-{RegionId}-{JurisdictionRegionId}-{TaskId}";
}

/// <summary>指标汇总: every indicator figure owed in the user's subtree in the year, grouped by city, with the counts.</summary>
public sealed record IndicatorRollupPage(int Year, IReadOnlyList<int> Years, string RegionName, IReadOnlyList<(string Group, IReadOnlyList<RegionFigure> Rows)> Groups)
{
    private IEnumerable<RegionFigure> All => Groups.SelectMany(g => g.Rows);

    public int Expected => All.Count();

    public int Reported => All.Count(r => r.Latest is not null);

    public int Accepted => All.Count(r => r.Status.Status == ReviewStatus.Accepted);

    public int Returned => All.Count(r => r.Status.Status == ReviewStatus.Returned);

    public int Pending => All.Count(r => r.Status.Status == ReviewStatus.Submitted);

    public int Late => All.Count(r => r.Status.IsLate);

    public int OnTime => All.Count(r => r.Latest is not null && !r.Status.IsLate);

    public int Met => All.Count(r => r.Verdict.Met == true);

    public int NotMet => All.Count(r => r.Verdict.Met == false);
}
