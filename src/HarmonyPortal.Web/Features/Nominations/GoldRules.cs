using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Web.Features.Rules;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// The rules a region's nominations of a category answer to: the criteria of the nearest jurisdiction that
/// defines them (with the version, so verdicts can name it), and the gold task with its quotas and deadlines.
/// </summary>
public sealed record GoldRules(RuleSet? CriteriaSet, RuleSetVersion? CriteriaVersion, RuleTask? Task, RuleSet? TaskSet)
{
    public CriterionNode? Criteria(GoldCategory category) => CriteriaSet?.Criteria.GetValueOrDefault(category);

    /// <summary>The batches of the year the rule set names, or none (batch 0) when it has no batches.</summary>
    public IReadOnlyList<int> Batches(int year) =>
        Task?.Deadlines.Where(d => d.Year == year && d.Batch is > 0).Select(d => d.Batch!.Value).Distinct().Order().ToList() is { Count: > 0 } batches ? batches : [0];

    public static string TaskId(GoldCategory category) => category switch
    {
        GoldCategory.Coordinator => "gold-coordinator",
        GoldCategory.SocialOrganization => "gold-social-organization",
        _ => "gold-mediation-organization",
    };

    /// <summary>The ledger whose rows can be nominated for the category.</summary>
    public static ILedgerDefinition Ledger(GoldCategory category) => LedgerCatalog.Find(category switch
    {
        GoldCategory.Coordinator => "coordinators",
        GoldCategory.SocialOrganization => "social-organizations",
        _ => "mediation-organizations",
    })!;

    public static string CategoryName(GoldCategory category) => EligibilityCard.CategoryName(category);

    public static string BatchName(int batch) => batch == 0 ? "" : $"第 {batch} 批";
}

public sealed class GoldRuleLookup(RuleSetCatalog catalog)
{
    public async Task<GoldRules> ForAsync(Region region, GoldCategory category, CancellationToken ct)
    {
        var chain = Region.IdsLeafToRoot(region.Path);
        var latest = await catalog.LatestAsync(chain, ct);
        (RuleSet Set, RuleSetVersion Version)? criteria = null;
        (RuleSet Set, RuleTask Task)? task = null;
        foreach (var id in chain.Where(latest.ContainsKey))
        {
            var set = RuleSetCatalog.Parse(latest[id]);
            if (criteria is null && set.Criteria.ContainsKey(category))
            {
                criteria = (set, latest[id]);
            }

            if (task is null && set.Tasks.FirstOrDefault(t => t.Id == GoldRules.TaskId(category)) is { } found)
            {
                task = (set, found);
            }
        }

        return new GoldRules(criteria?.Set, criteria?.Version, task?.Task, task?.Set);
    }
}
