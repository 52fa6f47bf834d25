using HarmonyPortal.Core.Input;
using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Materials;
using Xunit;

namespace HarmonyPortal.Core.Tests.Indicators;

/// <summary>When a region may report an indicator figure, and which review step the latest report allows.</summary>
public sealed class IndicatorReviewTests
{
    private static readonly DateOnly Due = new(2023, 12, 31);

    [Fact]
    public void OnTheDueDay_AReportIsAllowed_TheDayAfter_ItIsRefused_NamingTheDate()
    {
        Assert.Null(IndicatorReview.ReportRefusal(null, Due, extended: false, Due));
        Assert.Null(IndicatorReview.ReportRefusal(ReviewStatus.Submitted, Due, extended: false, Due));
        Assert.Equal("报送期限：已过截止日期 2023-12-31，不能再报送。如确需报送，请联系上级审核员办理延期",
            IndicatorReview.ReportRefusal(null, Due, extended: false, Due.AddDays(1)));
        Assert.StartsWith("报送期限：已过延期后的截止日期 2023-12-31", IndicatorReview.ReportRefusal(ReviewStatus.Accepted, Due, extended: true, Due.AddDays(3)));
    }

    [Fact]
    public void AReturnedFigure_MayBeCorrectedLate_AndATaskWithoutDate_Always()
    {
        Assert.Null(IndicatorReview.ReportRefusal(ReviewStatus.Returned, Due, extended: false, Due.AddDays(40)));
        Assert.Null(IndicatorReview.ReportRefusal(ReviewStatus.Accepted, null, extended: false, new DateOnly(2030, 1, 1)));
        Assert.Equal(5, MaterialTasks.DaysLate(Due, new DateOnly(2024, 1, 5)));
    }

    [Theory]
    [InlineData(IndicatorReviewStep.Accept, ReviewStatus.Submitted, true)]
    [InlineData(IndicatorReviewStep.Return, ReviewStatus.Submitted, true)]
    [InlineData(IndicatorReviewStep.Accept, ReviewStatus.Returned, false)]
    [InlineData(IndicatorReviewStep.Return, ReviewStatus.Accepted, false)]
    [InlineData(IndicatorReviewStep.UndoAcceptance, ReviewStatus.Accepted, true)]
    [InlineData(IndicatorReviewStep.UndoAcceptance, ReviewStatus.Submitted, false)]
    public void ReviewSteps_FollowTheLatestReportsStatus(IndicatorReviewStep step, ReviewStatus latest, bool allowed) =>
        Assert.Equal(allowed, IndicatorReview.StepRefusal(step, latest) is null);

    [Fact]
    public void AReturnOrAnUndo_NeedsAReason_OfAtMost500Characters()
    {
        Assert.Equal("退回原因：必填", StepReasons.Refusal("退回原因", "  "));
        Assert.Equal("撤销原因：不能超过 500 字，现有 501 字", StepReasons.Refusal("撤销原因", new string('因', 501)));
        Assert.Null(StepReasons.Refusal("退回原因", "签到表缺第 2 期"));
        Assert.Null(StepReasons.Refusal("审核意见", "", required: false));
        Assert.Equal("审核意见：不能超过 500 字，现有 501 字", StepReasons.Refusal("审核意见", new string('见', 501), required: false));
        Assert.Equal(ReviewStatus.Submitted, IndicatorReview.After(IndicatorReviewStep.UndoAcceptance));
    }
}
