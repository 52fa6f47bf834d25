using System.Globalization;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Indicators;

/// <summary>Whether a reported figure meets a quota, and why, in Chinese.</summary>
public sealed record IndicatorVerdict(bool? Met, string Explanation)
{
    public string Status => Met switch { true => "达到", false => "未达到", null => "未报送" };
}

/// <summary>
/// Which indicator quotas hold a region in a year, and what a reported figure means against one: a minimum is "not
/// below", a maximum "not above", a share is a percentage the figure must reach (share 0.9 with unit "%" means the
/// figure is at least 90; with any other unit the figure is a fraction, at least 0.9).
/// </summary>
public static class IndicatorQuotas
{
    /// <summary>
    /// The quotas of the task that hold <paramref name="region"/> in <paramref name="year"/>: by its level or its code
    /// (a member unit's quota is the region's), counting years named by a "years" quota. A task without quotas holds
    /// the level it names (<see cref="RuleTask.SubmittedBy"/>), else only the plan's own jurisdiction: null when the task does not apply, an empty list when it applies unquantified.
    /// </summary>
    public static IReadOnlyList<Quota>? Holding(RuleTask task, Region region, int jurisdictionRegionId, int year)
    {
        if (task.Kind != TaskKind.Indicator || task.Indicator is null)
        {
            return null;
        }

        if (task.Quotas.Count == 0)
        {
            // A task naming the submitting level is reported by every office of that level in the plan's subtree.
            return (task.SubmittedBy is { } level ? region.Level == level : region.Id == jurisdictionRegionId) ? [] : null;
        }

        var holding = task.Quotas.Where(q => (q.Region == region.Code || (q.Region is null && q.Level == region.Level.ToString()))
            && (q.Per != QuotaPeriod.Years || q.Years.Contains(year))).ToList();
        return holding.Count == 0 ? null : holding;
    }

    /// <summary>The figure a share quota asks for in the indicator's unit: 90 for share 0.9 in "%", else the fraction itself.</summary>
    public static decimal ShareThreshold(Indicator indicator, decimal share) => IsPercent(indicator) ? share * 100 : share;

    public static bool IsPercent(Indicator indicator) => indicator.Unit.Trim() is "%" or "％";

    /// <summary>Met or not, with the explanation, e.g. "年培训人数 58 人，低于要求 60 人"; null met when nothing is reported.</summary>
    public static IndicatorVerdict Judge(Indicator indicator, Quota quota, decimal? value)
    {
        if (value is not { } v)
        {
            return new IndicatorVerdict(null, $"{indicator.Label} 尚未报送（要求 {RuleTexts.Requirement(quota)}）");
        }

        var figure = $"{indicator.Label} {Amount(v, indicator.Unit)}";
        var approximate = quota.Approximate ? "（约数，仅作提示）" : "";
        if (quota.Share is { } share)
        {
            var needed = ShareThreshold(indicator, share);
            return v >= needed
                ? new IndicatorVerdict(true, $"{figure}，达到要求 {Amount(needed, indicator.Unit)}")
                : new IndicatorVerdict(false, $"{figure}，低于要求 {Amount(needed, indicator.Unit)}{approximate}");
        }

        if (quota.Min is { } min && v < min)
        {
            return new IndicatorVerdict(false, $"{figure}，低于要求 {Amount(min, indicator.Unit)}{approximate}");
        }

        if (quota.Max is { } max && v > max)
        {
            return new IndicatorVerdict(false, $"{figure}，高于上限 {Amount(max, indicator.Unit)}{approximate}");
        }

        return new IndicatorVerdict(true, $"{figure}，达到要求 {RuleTexts.Requirement(quota)}");
    }

    /// <summary>A figure with its unit: "58 人", "95%".</summary>
    public static string Amount(decimal value, string unit)
    {
        var number = value.ToString("0.####", CultureInfo.InvariantCulture);
        return unit.Trim() is "%" or "％" ? number + "%" : unit.Length == 0 ? number : $"{number} {unit}";
    }

    /// <summary>
    /// The figure typed into the form, or the Chinese error naming the field: empty, not a number, negative, more
    /// than four decimals, a percentage above 100, or too large.
    /// </summary>
    public static (decimal? Value, string? Error) Parse(Indicator indicator, string? text)
    {
        var field = $"数值（{indicator.Label}）";
        var trimmed = (text ?? "").Trim().Replace('．', '.').Replace('－', '-');
        if (trimmed.Length == 0)
        {
            return (null, $"{field}：请填写");
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return (null, $"{field}：“{Shorten(trimmed)}”不是数字");
        }

        if (value < 0)
        {
            return (null, $"{field}：不能为负数，填写的是 {trimmed}");
        }

        if (value.Scale > 4 && value != Math.Round(value, 4))
        {
            return (null, $"{field}：最多保留 4 位小数");
        }

        if (IsPercent(indicator) && value > 100)
        {
            return (null, $"{field}：以 % 计，不能超过 100，填写的是 {trimmed}");
        }

        return value >= 1_000_000_000m ? (null, $"{field}：{trimmed} 超出可填写的范围（小于 10 亿）") : (value, null);
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
