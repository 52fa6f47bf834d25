using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
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

    /// <summary>Which gold category a task's nominations count.</summary>
    private static readonly Dictionary<string, GoldCategory> GoldOfTask = Enum.GetValues<GoldCategory>().ToDictionary(Nominations.GoldRules.TaskId);

    /// <summary>The nominees of the year in the region's subtree, and how many of them the city approved.</summary>
    private async Task<(int Approved, int? Nominated)> NominationsAsync(GoldCategory category, string path, int year, CancellationToken ct)
    {
        var counts = await db.Nominations.Where(n => n.Category == category && n.Year == year && n.Region.Path.StartsWith(path))
            .GroupBy(n => n.CityDecision).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return (counts.Where(c => c.Key == Core.Nominations.Decision.Yes).Sum(c => c.Count), counts.Sum(c => c.Count));
    }

    public Task<IReadOnlyList<TaskProgress>> ThisYearAsync(CancellationToken ct) =>
        ForAsync(scope.RegionId, DateOnly.FromDateTime(clock.GetLocalNow().DateTime).Year, ct);

    /// <summary>The year's progress of a region in the user's subtree and of the regions directly below it.</summary>
    public async Task<IReadOnlyList<TaskProgress>> ForAsync(int regionId, int year, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var own = await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == regionId, ct) ?? throw new OutOfScopeException();
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentId == own.Id && r.Level != RegionLevel.Town).OrderBy(r => r.SortOrder).ToListAsync(ct);
        var chain = own.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Reverse().ToList();
        var versions = await catalog.LatestAsync(chain, ct);
        var ruleSet = chain.Where(versions.ContainsKey).Select(id => RuleSetCatalog.Parse(versions[id])).FirstOrDefault();
        if (ruleSet is null || year < ruleSet.FromYear)
        {
            return [];
        }

        var progress = new List<TaskProgress>();
        foreach (var region in children.Prepend(own))
        {
            foreach (var task in ruleSet.Tasks.Where(t => LedgerOfTask.ContainsKey(t.Id) || GoldOfTask.ContainsKey(t.Id)))
            {
                var quota = task.Quotas.FirstOrDefault(q => q.Per == QuotaPeriod.Year && q.Min is not null && (q.Region == region.Code || q.Level == region.Level.ToString()));
                if (quota is null)
                {
                    continue;
                }

                var (achieved, nominated) = GoldOfTask.TryGetValue(task.Id, out var category)
                    ? await NominationsAsync(category, region.Path, year, ct)
                    : (await LedgerCatalog.Find(LedgerOfTask[task.Id])!.Rows(db).CountAsync(r => r.Year == year && r.Region.Path.StartsWith(region.Path), ct), (int?)null);
                progress.Add(new TaskProgress(region.Name, task.Name, quota.Min!.Value, achieved, quota.Unit, SheetEvaluator.Deadline(task, year, null, today),
                    $"{ruleSet.Name}（{ruleSet.FromYear}–{ruleSet.ToYear} 年）", year > ruleSet.ToYear, nominated, region.Id));
            }
        }

        return progress;
    }
}
