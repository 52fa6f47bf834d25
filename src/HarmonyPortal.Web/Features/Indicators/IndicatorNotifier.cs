using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Web.Features.Notifications;

namespace HarmonyPortal.Web.Features.Indicators;

/// <summary>
/// Tells the people concerned that an indicator figure moved: the reviewers of the level above when the region reports,
/// the region's clerks when it is accepted, returned, its acceptance undone, or its deadline extended. The
/// notifications join the caller's unit of work.
/// </summary>
public sealed class IndicatorNotifier(NotificationService notifications)
{
    public Task<int> ReportedAsync(Region region, IndicatorReport report, CancellationToken ct)
    {
        if (region.ParentId is not { } parent)
        {
            return Task.FromResult(0);
        }

        var late = report.DaysLate > 0 ? $"（逾期 {report.DaysLate} 天）" : "";
        return notifications.AddAsync(NotificationTarget.ReviewersOf(parent),
            $"{region.Name}报送了 {report.Year} 年度指标“{report.Label}”：{IndicatorQuotas.Amount(report.Value, report.Unit)}{late}，请审核", null,
            $"/indicators/review?regionId={parent}&year={report.Year}", null, ct);
    }

    public Task<int> ReviewedAsync(Region region, IndicatorReport report, IndicatorReviewStep step, CancellationToken ct)
    {
        var what = $"{report.Year} 年度指标“{report.Label}”（{IndicatorQuotas.Amount(report.Value, report.Unit)}）";
        var title = step switch
        {
            IndicatorReviewStep.Accept => $"{what}已被上级接收",
            IndicatorReviewStep.Return => $"{what}被上级退回：{Shorten(report.ReviewReason ?? "")}，请更正后重新报送",
            _ => $"{what}的接收已被上级撤销：{Shorten(report.ReviewReason ?? "")}",
        };
        return ToClerks(region, report.Year, title, ct);
    }

    public Task<int> ExtendedAsync(Region region, int year, string label, DateOnly date, CancellationToken ct) =>
        ToClerks(region, year, $"{year} 年度指标“{label}”的报送期限已延至 {date:yyyy-MM-dd}", ct);

    private Task<int> ToClerks(Region region, int year, string title, CancellationToken ct) =>
        notifications.AddAsync(NotificationTarget.ClerksOf(region.Id), title, null, $"/indicators?regionId={region.Id}&year={year}", null, ct);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";
}
