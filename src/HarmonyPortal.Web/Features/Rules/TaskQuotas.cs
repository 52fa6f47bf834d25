using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>One region's yearly quota of one task and what its subtree achieved in the year.</summary>
public sealed record QuotaAchievement(Region Region, RuleTask Task, Quota Quota, int Achieved, int? Nominated)
{
    public int Required => Quota.Min!.Value;

    public int Shortfall => Math.Max(0, Required - Achieved);
}

/// <summary>
/// The yearly quotas a ledger or the nominations measure (enterprise lists, coordinator coverage, gold categories)
/// for a region and the regions below it, with what each achieved: ledger rows of the year in the subtree, or for
/// gold tasks the nominees the city approved. Shared by the home page's progress and the year-end summary.
/// </summary>
public sealed class TaskQuotas(HarmonyDbContext db, RuleSetCatalog catalog, Ledgers.LedgerRollup rollups)
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
    private static readonly Dictionary<string, GoldCategory> GoldOfTask = Enum.GetValues<GoldCategory>().ToDictionary(c => c switch { GoldCategory.Coordinator => "gold-coordinator", GoldCategory.SocialOrganization => "gold-social-organization", _ => "gold-mediation-organization" });

    /// <summary>The rule set of the nearest jurisdiction up <paramref name="own"/>'s chain that has one, or null.</summary>
    public async Task<RuleSet?> RuleSetOfAsync(Region own, int year, CancellationToken ct) =>
        (await catalog.ChainAsync(Region.IdsLeafToRoot(own.Path), year, ct)).Select(p => p.RuleSet).FirstOrDefault();

    /// <summary>Each region's yearly quotas of <paramref name="ruleSet"/> (by code or level) and the achievement in <paramref name="year"/>.</summary>
    public async Task<IReadOnlyList<QuotaAchievement>> AchievedAsync(RuleSet ruleSet, IEnumerable<Region> regions, int year, CancellationToken ct)
    {
        var result = new List<QuotaAchievement>();
        foreach (var region in regions)
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
                    : ((await rollups.ForSubtreeAsync(region.Path, year, ct)).OfSubtree(LedgerOfTask[task.Id], region.Path), (int?)null);
                result.Add(new QuotaAchievement(region, task, quota, achieved, nominated));
            }
        }

        return result;
    }

    /// <summary>The nominees of the year in the region's subtree, and how many of them the city approved.</summary>
    private async Task<(int Approved, int? Nominated)> NominationsAsync(GoldCategory category, string path, int year, CancellationToken ct)
    {
        var counts = await db.Nominations.Where(n => n.Category == category && n.Year == year && n.Region.Path.StartsWith(path))
            .GroupBy(n => n.CityDecision).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return (counts.Where(c => c.Key == Core.Nominations.Decision.Yes).Sum(c => c.Count), counts.Sum(c => c.Count));
    }
}
