namespace HarmonyPortal.Core.Materials;

/// <summary>Where a region stands on one task of a year, as the level above and the roll-up see it.</summary>
public sealed record RegionTaskStatus(ReviewStatus? Status, DateTime? LastSubmittedAtUtc, int DaysLate, int Count)
{
    public static RegionTaskStatus Nothing { get; } = new(null, null, 0, 0);

    public string StatusName => ReviewStatusTexts.Name(Status);

    public string Timeliness => ReviewStatusTexts.Timeliness(LastSubmittedAtUtc, DaysLate);

    public bool IsLate => LastSubmittedAtUtc is not null && DaysLate > 0;
}

/// <summary>
/// A region's status on a material task from its materials (a task may take several, 经验做法 in batches): drafts count
/// as nothing; of the rest, the one that needs someone's action shows — 已退回 (the office must correct it) before
/// 已提交 (the reviewer must act) before 已接收. Lateness is the worst of them: a material accepted after a late
/// resubmission stays late. An indicator's status is its latest report's (each correction is a new report).
/// </summary>
public static class MaterialStatus
{
    public static RegionTaskStatus OfMaterials(IEnumerable<(ReviewStatus Status, DateTime? SubmittedAtUtc, int DaysLate)> materials)
    {
        var sent = materials.Where(m => m.Status != ReviewStatus.Draft && m.SubmittedAtUtc is not null).ToList();
        if (sent.Count == 0)
        {
            return RegionTaskStatus.Nothing;
        }

        var status = sent.Any(m => m.Status == ReviewStatus.Returned) ? ReviewStatus.Returned
            : sent.Any(m => m.Status == ReviewStatus.Submitted) ? ReviewStatus.Submitted
            : ReviewStatus.Accepted;
        return new RegionTaskStatus(status, sent.Max(m => m.SubmittedAtUtc), sent.Max(m => m.DaysLate), sent.Count);
    }

    /// <summary>Past its date in force with nothing sent, or returned and not yet sent again: the level above chases it.</summary>
    public static bool IsOverdue(DateOnly? due, RegionTaskStatus status, DateOnly today) =>
        due is { } date && today > date && status.Status is null or ReviewStatus.Returned;

    public static RegionTaskStatus OfIndicator((ReviewStatus Status, DateTime ReportedAtUtc, int DaysLate)? latest, int reports) =>
        latest is { } l ? new RegionTaskStatus(l.Status, l.ReportedAtUtc, l.DaysLate, reports) : RegionTaskStatus.Nothing;
}
