using HarmonyPortal.Core.Materials;

namespace HarmonyPortal.Core.Indicators;

/// <summary>
/// How an indicator figure goes up for review, like a material: each report is submitted for the level above, which
/// accepts it or returns it with a reason (and may undo an acceptance, with a reason). The latest report is the one
/// under review; a new report replaces it. A report after the due date is refused unless an extension is in force or
/// the latest report was returned (a correction after a return may come late and is marked late).
/// </summary>
public static class IndicatorReview
{
    public const int ReasonMaxLength = Input.StepReasons.MaxLength;

    /// <summary>Why the region may not report now, in Chinese, or null when it may.</summary>
    public static string? ReportRefusal(ReviewStatus? latest, DateOnly? due, bool extended, DateOnly today)
    {
        if (due is not { } date || today <= date || latest == ReviewStatus.Returned)
        {
            return null;
        }

        return extended
            ? $"报送期限：已过延期后的截止日期 {date:yyyy-MM-dd}，不能再报送。如确需报送，请联系上级审核员再次延期"
            : $"报送期限：已过截止日期 {date:yyyy-MM-dd}，不能再报送。如确需报送，请联系上级审核员办理延期";
    }

    /// <summary>What a new report does to the one before it, for the page: null when there is none or it was returned.</summary>
    public static string? ReplacementNotice(ReviewStatus? latest) => latest switch
    {
        ReviewStatus.Submitted => "重新报送将替换正在审核的报送，上级按最新一次审核",
        ReviewStatus.Accepted => "上级已接收本指标；重新报送将替换已接收的报送，须由上级重新审核",
        _ => null,
    };

    /// <summary>Why the reviewer may not take the step on the latest report, in Chinese, or null when allowed.</summary>
    public static string? StepRefusal(IndicatorReviewStep step, ReviewStatus latest) => (step, latest) switch
    {
        (IndicatorReviewStep.Accept or IndicatorReviewStep.Return, ReviewStatus.Submitted) => null,
        (IndicatorReviewStep.UndoAcceptance, ReviewStatus.Accepted) => null,
        (IndicatorReviewStep.UndoAcceptance, _) => $"该报送当前为“{ReviewStatusTexts.Name(latest)}”，只有已接收的报送可以撤销接收",
        _ => $"该报送当前为“{ReviewStatusTexts.Name(latest)}”，只有已提交待审核的报送可以接收或退回",
    };

    /// <summary>The status the step leaves the report in.</summary>
    public static ReviewStatus After(IndicatorReviewStep step) => step switch
    {
        IndicatorReviewStep.Accept => ReviewStatus.Accepted,
        IndicatorReviewStep.Return => ReviewStatus.Returned,
        _ => ReviewStatus.Submitted,
    };
}

public enum IndicatorReviewStep
{
    Accept,
    Return,
    UndoAcceptance,
}
