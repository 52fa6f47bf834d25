using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// Finds a region's <see cref="GoldRules"/>. The honour is defined by the plan governing the nominating region, inherited
/// upward: the nearest plan up the region's own chain that defines it wins (a county's plan over its city's, a city's over
/// its province's). A region whose chain defines no such honour but which a plan below names as the level that selects
/// and publishes it (唐山市 for 唐山高新区's gold titles) acts on the honour as that plan defines it.
/// </summary>
public sealed class GoldRuleLookup(RuleSetCatalog catalog)
{
    /// <summary>The rules of the sheet's honour (a gold category or an office-defined honour) for its year.</summary>
    public Task<GoldRules> ForAsync(Region region, NominationSheet sheet, CancellationToken ct) => ForAsync(region, sheet.Category, sheet.Year, ct, sheet.HonourTaskId);

    /// <summary>The rules of the nomination's honour for its year, for the nominating region.</summary>
    public Task<GoldRules> ForAsync(Nomination nomination, CancellationToken ct) => ForAsync(nomination.Region, nomination.Category, nomination.Year, ct, nomination.HonourTaskId);

    /// <summary>The rules of a gold category or (<paramref name="honour"/> given) of the office-defined honour task with that id.</summary>
    public async Task<GoldRules> ForAsync(Region region, GoldCategory category, int year, CancellationToken ct, string? honour = null)
    {
        honour ??= "";
        category = OfficeHonour.CategoryOf(category, honour);
        (RuleSet Set, RuleTask Task)? task = null;
        var chain = await catalog.ChainAsync(region, year, ct);
        foreach (var (set, _) in chain)
        {
            if (task is null && set.HonourTask(category, honour) is { } found)
            {
                task = (set, found);
            }
        }

        string? from = null;
        if (task is null && await catalog.SelectedHereAsync(region, category, year, ct, honour) is { } below)
        {
            (task, from) = ((below.RuleSet, below.Task), below.RegionName);
        }

        var at = CriteriaIndex(chain, category, year);
        (RuleSet Set, RuleSetVersion Version)? criteria = at < 0 ? null : chain[at];
        return new GoldRules(criteria?.Set, criteria?.Version, task?.Task, task?.Set, year) { Chain = chain, CriteriaInherited = at > 0, Category = category, HonourId = honour, TaskFrom = from };
    }

    /// <summary>
    /// Where in the chain (leaf to root) the category's criteria for the year come from: the nearest plan stating them,
    /// reached only through plans that inherit criteria from above; -1 when none applies.
    /// </summary>
    public static int CriteriaIndex(IReadOnlyList<(RuleSet RuleSet, RuleSetVersion Version)> chain, GoldCategory category, int year)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            if (chain[i].RuleSet.CriteriaFor(category, year) is not null)
            {
                return i;
            }

            if (!chain[i].RuleSet.Inherits.Criteria)
            {
                return -1;
            }
        }

        return -1;
    }
}
