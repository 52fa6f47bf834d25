using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules;

/// <summary>One finding about a sheet: a quota met or missed, or a deadline ahead or passed, in Chinese. <see cref="Blocks"/> findings stop a submission.</summary>
public sealed record SheetFinding(bool Ok, string Explanation, bool Blocks = false);

/// <summary>
/// Checks one region's nominations of a task for a year against the quotas that apply to it (by its
/// level or by name) and against the task's deadline for that year or batch.
/// </summary>
public static class SheetEvaluator
{
    /// <summary>
    /// The task's quotas binding the region's office, each judged on the nominees counted over the years it counts
    /// (<paramref name="countIn"/>): a maximum blocks (unless "左右"), a yearly minimum short warns, a plan or named-years
    /// minimum short is progress until its period ends.
    /// </summary>
    public static IReadOnlyList<SheetFinding> Quotas(RuleTask task, RuleSet plan, Region region, int year, Func<IReadOnlyList<int>, int> countIn) =>
        Quotas(task, plan, region, year, (years, _) => countIn(years));

    /// <summary>
    /// As above, with the count asked per tier: a quota of one tier of a tiered honour (铜牌 / 银牌 / 金牌) counts the
    /// nominees for that tier only (<paramref name="countIn"/> gets the tier's id), a quota without a tier counts all.
    /// </summary>
    public static IReadOnlyList<SheetFinding> Quotas(RuleTask task, RuleSet plan, Region region, int year, Func<IReadOnlyList<int>, string?, int> countIn)
    {
        var findings = new List<SheetFinding>();
        foreach (var quota in task.Quotas.Where(q => QuotaScopes.Binds(q, region) && q.Share is null))
        {
            var years = QuotaScopes.YearsCounted(quota, plan, year);
            if (years.Count == 0)
            {
                continue;
            }

            var scope = quota.Per == QuotaPeriod.Year ? $"{year} 年度" : quota.Per == QuotaPeriod.Period ? $"规划期（{plan.PeriodText}）内" : $"{string.Join("、", quota.Years)} 年";
            var judged = QuotaJudgement.Count(quota, countIn(years, quota.Tier), QuotaScopes.IsFinal(quota, plan, year));
            var what = quota.Tier is { } tier ? $"{task.Name}（{RuleTexts.TierName(task, tier)}）" : task.Name;
            findings.Add(new SheetFinding(judged.Status is QuotaStatus.Met or QuotaStatus.InProgress, $"{region.Name} {scope}{what}：{judged.Explanation}", judged.Blocks));
        }

        return findings;
    }

    /// <summary>What a page shows where a deadline would be when no plan up the chain sets one for the step.</summary>
    public const string NoDeadline = "本级规则未规定报送期限";

    /// <summary>
    /// The task's deadline of <paramref name="step"/> for the year (or batch), if the rule set gives one: a deadline of
    /// the step itself first; for submission and report, a legacy deadline without a step (<see cref="DeadlineStep.Any"/>) next.
    /// </summary>
    public static Deadline? DeadlineOf(RuleTask task, DeadlineStep step, int year, int? batch)
    {
        bool Matches(Deadline d) => d.Year == year && (batch is null or 0 || d.Batch == batch);
        return task.Deadlines.FirstOrDefault(d => d.Step == step && Matches(d))
            ?? task.DeadlinesOf(step).FirstOrDefault(d => d.Step == DeadlineStep.Any && Matches(d));
    }

    /// <summary>The step a region's sheet is due by: a county submits to the city, a city reports upward.</summary>
    public static DeadlineStep StepOf(RegionLevel level) => level == RegionLevel.City ? DeadlineStep.Report : DeadlineStep.Submit;

    /// <summary>The task's deadline of the step for the year (or batch), or the extension granted: days left, or how long ago it passed.</summary>
    public static SheetFinding? Deadline(RuleTask task, DeadlineStep step, int year, int? batch, DateOnly today, DateOnly? extendedTo = null) =>
        Deadline(DeadlineOf(task, step, year, batch), step, today, extendedTo);

    /// <summary>A deadline found (or none) and the extension granted: days left, or how long ago it passed; null when neither.</summary>
    public static SheetFinding? Deadline(Deadline? deadline, DeadlineStep step, DateOnly today, DateOnly? extendedTo = null)
    {
        if (deadline is null && extendedTo is null)
        {
            return null;
        }

        var what = deadline?.What ?? "";
        var date = extendedTo ?? deadline!.Date;
        var extended = extendedTo is null ? "" : "（已延期）";
        var days = date.DayNumber - today.DayNumber;
        if (days >= 0)
        {
            return new SheetFinding(true, $"{what}截止日期 {date:yyyy-MM-dd}{extended}，还有 {days} 天");
        }

        // A late publication is shown, not refused: nobody above the selecting level could extend it, and the list must still be published.
        return step == DeadlineStep.Publish
            ? new SheetFinding(false, $"{what}截止日期 {date:yyyy-MM-dd} 已过 {-days} 天")
            : new SheetFinding(false, $"{what}截止日期 {date:yyyy-MM-dd}{extended} 已过 {-days} 天，不能再{(step == DeadlineStep.Report ? "上报" : "提交")}", Blocks: true);
    }
}
