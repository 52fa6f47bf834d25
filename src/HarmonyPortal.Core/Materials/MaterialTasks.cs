using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Materials;

/// <summary>
/// Who submits a material task of a plan, in which years, and by when. A task with quotas is submitted by the regions
/// its quotas name (by level or code); without quotas, by the level the task names (<see cref="RuleTask.SubmittedBy"/>),
/// else by the level below the plan's jurisdiction (a county's plan: the county itself). A task with dated deadlines is
/// expected in the years they name; one without, in every year of the plan. The level above a submitter reviews it.
/// </summary>
public static class MaterialTasks
{
    /// <summary>Whether <paramref name="region"/> (inside the jurisdiction's subtree) submits the task in the year.</summary>
    public static bool Holds(RuleTask task, Region region, Region jurisdiction, int year)
    {
        if (task.Kind != TaskKind.Material || !InSubtree(region, jurisdiction) || !ExpectedIn(task, year))
        {
            return false;
        }

        if (task.Quotas.Count > 0)
        {
            return task.Quotas.Any(q => (q.Region == region.Code || (q.Region is null && q.Level == region.Level.ToString()))
                && (q.Per != QuotaPeriod.Years || q.Years.Contains(year)));
        }

        return region.Level == SubmitterLevel(task, jurisdiction.Level);
    }

    /// <summary>The level whose offices submit a task without quotas.</summary>
    public static RegionLevel SubmitterLevel(RuleTask task, RegionLevel jurisdictionLevel) =>
        task.SubmittedBy ?? (jurisdictionLevel >= RegionLevel.County ? jurisdictionLevel : jurisdictionLevel + 1);

    /// <summary>A task with dated deadlines is expected in their years; one without, every year.</summary>
    public static bool ExpectedIn(RuleTask task, int year)
    {
        var years = Due(task).Where(d => d.Year is not null).Select(d => d.Year!.Value).ToList();
        return years.Count == 0 || years.Contains(year);
    }

    /// <summary>
    /// The date a submitter of the level owes the task in the year: the deadlines of the year (or of no year) of the
    /// step a region of that level takes (a county submits, a city or province reports), else of any step but
    /// publication and ledgers; the earliest. Null when the plan sets none.
    /// </summary>
    public static (DateOnly Date, string What)? DueDate(RuleTask task, int year, RegionLevel submitterLevel)
    {
        var ofYear = Due(task).Where(d => d.Year is null || d.Year == year).ToList();
        var step = submitterLevel == RegionLevel.County ? DeadlineStep.Submit : DeadlineStep.Report;
        var matching = ofYear.Where(d => d.Step == step).ToList();
        var chosen = (matching.Count > 0 ? matching : ofYear).OrderBy(d => d.Date).FirstOrDefault();
        return chosen is null ? null : (chosen.Date, chosen.What);
    }

    /// <summary>Whole days after the due date; 0 on or before it, and when there is none.</summary>
    public static int DaysLate(DateOnly? due, DateOnly day) => due is { } d ? Math.Max(0, day.DayNumber - d.DayNumber) : 0;

    private static IEnumerable<Deadline> Due(RuleTask task) => task.Deadlines.Where(d => d.Step is not (DeadlineStep.Publish or DeadlineStep.Ledger));

    private static bool InSubtree(Region region, Region jurisdiction) => region.IsInSubtreeOf(jurisdiction.Path) && region.Level >= jurisdiction.Level;
}
