using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules;

/// <summary>One finding about a sheet: a quota met or missed, or a deadline ahead or passed, in Chinese.</summary>
public sealed record SheetFinding(bool Ok, string Explanation);

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
                findings.Add(new SheetFinding(false, $"{what} {count} {quota.Unit}，超过上限 {max} {quota.Unit}"));
            }
            else
            {
                findings.Add(new SheetFinding(true, $"{what} {count} {quota.Unit}，符合{Range(quota)}"));
            }
        }

        return findings;
    }

    /// <summary>The task's deadline for the year (or batch): days left, or how long ago it passed.</summary>
    public static SheetFinding? Deadline(RuleTask task, int year, int? batch, DateOnly today)
    {
        var deadline = task.Deadlines.FirstOrDefault(d => d.Year == year && (batch is null || d.Batch == batch));
        if (deadline is null)
        {
            return null;
        }

        var days = deadline.Date.DayNumber - today.DayNumber;
        return days >= 0
            ? new SheetFinding(true, $"{deadline.What}截止日期 {deadline.Date:yyyy-MM-dd}，还有 {days} 天")
            : new SheetFinding(false, $"{deadline.What}截止日期 {deadline.Date:yyyy-MM-dd} 已过 {-days} 天，不能再提交");
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
