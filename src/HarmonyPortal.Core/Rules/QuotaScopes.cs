using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules;

/// <summary>Which regions (or member units) a quota binds, and which years it counts.</summary>
public static class QuotaScopes
{
    /// <summary>The quota binds the region's office: every region of its level, or the region by code (not a unit of it).</summary>
    public static bool Binds(Quota quota, Region region) =>
        quota.MemberUnit is null && (quota.Region == region.Code || quota.Level == region.Level.ToString());

    /// <summary>The quota binds one member unit of the region.</summary>
    public static bool BindsUnitOf(Quota quota, Region region) => quota.MemberUnit is not null && quota.Region == region.Code;

    /// <summary>
    /// The years whose results the quota counts when looked at in <paramref name="year"/>, or empty when it does not
    /// apply then: each year counts itself; a plan quota counts the plan's years up to this one (its progress so far);
    /// named years count together while the year is one of them or after them within the plan.
    /// </summary>
    public static IReadOnlyList<int> YearsCounted(Quota quota, RuleSet plan, int year) => quota.Per switch
    {
        QuotaPeriod.Year => [year],
        QuotaPeriod.Period when plan.Governs(year) => Enumerable.Range(plan.FromYear, year - plan.FromYear + 1).ToList(),
        QuotaPeriod.Years when quota.Years.Count > 0 && year >= quota.Years.Min() && plan.Governs(year) => quota.Years.Where(y => y <= year).ToList(),
        _ => [],
    };

    /// <summary>Whether the period the quota counts is complete in <paramref name="year"/>: a shortfall is then final, not a forecast.</summary>
    public static bool IsFinal(Quota quota, RuleSet plan, int year) => quota.Per switch
    {
        QuotaPeriod.Year => true,
        QuotaPeriod.Period => year >= plan.ToYear,
        _ => quota.Years.Count == 0 || year >= quota.Years.Max(),
    };
}

/// <summary>How a quota stands.</summary>
public enum QuotaStatus
{
    /// <summary>Within the requirement.</summary>
    Met,

    /// <summary>Short of a minimum while its period runs: progress, not a failure.</summary>
    InProgress,

    /// <summary>Short of a minimum (or share) at the end of its period.</summary>
    Shortfall,

    /// <summary>Above a maximum: blocks a sheet unless the quota is approximate.</summary>
    Over,

    /// <summary>Nothing to compare yet (an indicator not reported) or the kind is not measured.</summary>
    Unknown,
}

/// <summary>A quota judged against what was achieved, with the explanation in Chinese.</summary>
public sealed record QuotaJudgement(QuotaStatus Status, string Explanation)
{
    public bool Blocks { get; init; }

    /// <summary>A count against min / max (approximate quotas warn instead of blocking).</summary>
    public static QuotaJudgement Count(Quota quota, int achieved, bool final)
    {
        var unit = quota.Unit;
        if (quota.Max is { } max && achieved > max)
        {
            return quota.Approximate
                ? new QuotaJudgement(QuotaStatus.Over, $"{achieved} {unit}，超过{Range(quota)}（约数，仅提示）")
                : new QuotaJudgement(QuotaStatus.Over, $"{achieved} {unit}，超过上限 {max} {unit}") { Blocks = true };
        }

        if (quota.Min is { } min && achieved < min)
        {
            return final
                ? new QuotaJudgement(QuotaStatus.Shortfall, $"{achieved} {unit}，低于{(quota.Approximate ? Range(quota) : $"下限 {min} {unit}")}")
                : new QuotaJudgement(QuotaStatus.InProgress, $"累计 {achieved} {unit}，{Range(quota)}，还差 {min - achieved} {unit}");
        }

        return new QuotaJudgement(QuotaStatus.Met, $"{achieved} {unit}，符合{Range(quota)}");
    }

    /// <summary>The requirement as the sheet checks word it: 要求 2 名, 要求 3–5 名, 下限 10 名, 上限 1 家, 目标 10 名左右.</summary>
    public static string Range(Quota quota) => (quota.Min, quota.Max, quota.Approximate) switch
    {
        ({ } min, var max, true) when max is null || max == min => $"目标 {min} {quota.Unit}左右",
        ({ } min, { } max, true) => $"目标 {min}–{max} {quota.Unit}",
        ({ } min, { } max, _) when min == max => $"要求 {min} {quota.Unit}",
        ({ } min, { } max, _) => $"要求 {min}–{max} {quota.Unit}",
        ({ } min, null, _) => $"下限 {min} {quota.Unit}",
        (null, { } max, _) => $"上限 {max} {quota.Unit}",
        _ => "要求",
    };

    /// <summary>A share: <paramref name="matching"/> of <paramref name="total"/> against the quota's share.</summary>
    public static QuotaJudgement Share(Quota quota, int matching, int total, bool final)
    {
        if (total == 0)
        {
            return new QuotaJudgement(QuotaStatus.Unknown, "尚无台账记录，无法计算比例");
        }

        var actual = (decimal)matching / total;
        var text = $"{matching} / {total}（{actual * 100:0.#}%），要求 {RuleTexts.Requirement(quota)}";
        return actual >= quota.Share!.Value ? new QuotaJudgement(QuotaStatus.Met, text)
            : new QuotaJudgement(final ? QuotaStatus.Shortfall : QuotaStatus.InProgress, text);
    }
}
