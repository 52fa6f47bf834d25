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
    public static IReadOnlyList<SheetFinding> Quotas(RuleTask task, Region region, int year, int countThisYear, int countInPeriod)
    {
        var findings = new List<SheetFinding>();
        foreach (var quota in task.Quotas.Where(q => q.Region == region.Code || q.Level == region.Level.ToString()))
        {
            if (quota.Share is not null)
            {
                continue; // shares are progress targets over ledger rows, not counts of a sheet
            }

            var (count, scope) = quota.Per == QuotaPeriod.Year ? (countThisYear, $"{year} 年度") : (countInPeriod, "规划期内");
            var what = $"{region.Name} {scope}{task.Name}";
            if (quota.Min is { } min && count < min)
            {
                findings.Add(new SheetFinding(false, $"{what} {count} {quota.Unit}，低于下限 {min} {quota.Unit}"));
            }
            else if (quota.Max is { } max && count > max)
            {
                findings.Add(new SheetFinding(false, $"{what} {count} {quota.Unit}，超过上限 {max} {quota.Unit}", Blocks: true));
            }
            else
            {
                findings.Add(new SheetFinding(true, $"{what} {count} {quota.Unit}，符合{Range(quota)}"));
            }
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

    private static string Range(Quota quota) => (quota.Min, quota.Max) switch
    {
        ({ } min, { } max) when min == max => $"要求 {min} {quota.Unit}",
        ({ } min, { } max) => $"要求 {min}–{max} {quota.Unit}",
        ({ } min, null) => $"下限 {min} {quota.Unit}",
        (null, { } max) => $"上限 {max} {quota.Unit}",
        _ => "要求",
    };
}
