using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>
/// One quota's progress this year for one region: required, achieved (ledger rows, or nominees the city
/// approved), remaining, deadline. <see cref="Nominated"/> is set for gold tasks: the nominees recorded so far.
/// </summary>
public sealed record TaskProgress(string RegionName, string TaskName, int Required, int Achieved, string Unit, SheetFinding? Deadline, string RuleSetName, bool PeriodEnded, int? Nominated = null, int RegionId = 0)
{
    public int Remaining => Math.Max(0, Required - Achieved);

    public int Percent => Required == 0 ? 100 : Math.Min(100, Achieved * 100 / Required);
}

/// <summary>
/// Progress of the tasks a ledger measures (enterprise lists, coordinator coverage) against this year's
/// quotas of the user's region and of the regions directly below it; gold tasks from the nominations
/// (nominated, approved by the city), as a forecast of what the year will reach.
/// </summary>
public sealed class TaskProgressService(HarmonyDbContext db, UserScope scope, TaskQuotas quotas, TimeProvider clock)
{
    public Task<IReadOnlyList<TaskProgress>> ThisYearAsync(CancellationToken ct) =>
        ForAsync(scope.RegionId, DateOnly.FromDateTime(clock.GetLocalNow().DateTime).Year, ct);

    /// <summary>The year's progress of a region in the user's subtree and of the regions directly below it.</summary>
    public async Task<IReadOnlyList<TaskProgress>> ForAsync(int regionId, int year, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var own = await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == regionId, ct) ?? throw new OutOfScopeException();
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentId == own.Id && r.Level != RegionLevel.Town).OrderBy(r => r.SortOrder).ToListAsync(ct);
        var ruleSet = await quotas.RuleSetOfAsync(own, year, ct);
        if (ruleSet is null || year < ruleSet.FromYear)
        {
            return [];
        }

        var achieved = await quotas.AchievedAsync(ruleSet, children.Prepend(own), year, ct);
        return achieved.Select(a => new TaskProgress(a.Region.Name, a.Task.Name, a.Required, a.Achieved, a.Quota.Unit,
            SheetEvaluator.Deadline(a.Task, SheetEvaluator.StepOf(scope.RegionLevel), year, null, today), $"{ruleSet.Name}（{ruleSet.FromYear}–{ruleSet.ToYear} 年）",
            year > ruleSet.ToYear, a.Nominated, a.Region.Id)).ToList();
    }
}
