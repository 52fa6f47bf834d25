namespace HarmonyPortal.Core.Materials;

/// <summary>
/// Where a material or an indicator figure stands with the level above: 未提交 (a draft, or nothing yet), 已提交,
/// 已退回 (with a reason), 已接收.
/// </summary>
public enum ReviewStatus
{
    Draft,
    Submitted,
    Returned,
    Accepted,

    /// <summary>
    /// A draft its clerk deleted: in the recycle bin, hidden from every query (the DbContext filters it out), restorable
    /// by the region's clerk for the recycle days (<c>Ledgers:RecycleDays</c>), then purged for good.
    /// </summary>
    Deleted,
}

public static class ReviewStatusTexts
{
    public static string Name(ReviewStatus? status) => status switch
    {
        ReviewStatus.Submitted => "已提交",
        ReviewStatus.Returned => "已退回",
        ReviewStatus.Accepted => "已接收",
        _ => "未提交",
    };

    /// <summary>"按时" or "逾期 N 天" for a submission; empty when nothing was submitted.</summary>
    public static string Timeliness(DateTime? submittedAtUtc, int daysLate) =>
        submittedAtUtc is null ? "" : daysLate > 0 ? $"逾期 {daysLate} 天" : "按时";
}
