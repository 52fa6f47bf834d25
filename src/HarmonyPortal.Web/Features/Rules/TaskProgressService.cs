using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>One quota's progress this year for one region: required, achieved from the ledger, remaining, deadline.</summary>
public sealed record TaskProgress(string RegionName, string TaskName, int Required, int Achieved, string Unit, SheetFinding? Deadline, string RuleSetName, bool PeriodEnded)
{
    public int Remaining => Math.Max(0, Required - Achieved);

    public int Percent => Required == 0 ? 100 : Math.Min(100, Achieved * 100 / Required);
}

/// <summary>
/// Progress of the tasks a ledger measures (enterprise lists, coordinator coverage) against this year's
/// quotas of the user's region and of the regions directly below it. Gold tasks are counted from
/// nominations once those exist.
/// </summary>
public sealed class TaskProgressService(HarmonyDbContext db, UserScope scope, RuleSetCatalog catalog, TimeProvider clock)
{
    /// <summary>Which ledger counts a task's achievement.</summary>
    private static readonly Dictionary<string, string> LedgerOfTask = new()
    {
        ["harmonious-enterprises"] = "harmonious-enterprises",
        ["new-enterprise-service"] = "new-enterprise-services",
        ["key-enterprises"] = "key-enterprises",
        ["wage-guidance"] = "wage-guidance",
        ["coordinator-coverage"] = "coordinators",
    };

    public async Task<IReadOnlyList<TaskProgress>> ThisYearAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var own = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == scope.RegionId, ct);
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentId == own.Id && r.Level != RegionLevel.Town).OrderBy(r => r.SortOrder).ToListAsync(ct);
        var chain = own.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Reverse().ToList();
        var versions = await catalog.LatestAsync(chain, ct);
        var ruleSet = chain.Where(versions.ContainsKey).Select(id => RuleSetCatalog.Parse(versions[id])).FirstOrDefault();
        if (ruleSet is null || today.Year < ruleSet.FromYear)
        {
            return [];
        }

        var progress = new List<TaskProgress>();
        foreach (var region in children.Prepend(own))
        {
            foreach (var task in ruleSet.Tasks.Where(t => LedgerOfTask.ContainsKey(t.Id)))
            {
                var quota = task.Quotas.FirstOrDefault(q => q.Per == QuotaPeriod.Year && q.Min is not null && (q.Region == region.Code || q.Level == region.Level.ToString()));
                if (quota is null)
                {
                    continue;
                }

                var ledger = LedgerCatalog.Find(LedgerOfTask[task.Id])!;
                var achieved = await ledger.Rows(db).CountAsync(r => r.Year == today.Year && r.Region.Path.StartsWith(region.Path), ct);
                progress.Add(new TaskProgress(region.Name, task.Name, quota.Min!.Value, achieved, quota.Unit, SheetEvaluator.Deadline(task, today.Year, null, today),
                    $"{ruleSet.Name}（{ruleSet.FromYear}–{ruleSet.ToYear} 年）", today.Year > ruleSet.ToYear));
            }
        }

        return progress;
    }
}
