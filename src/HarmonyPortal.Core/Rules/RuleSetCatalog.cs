using System.Collections.Concurrent;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Rules;

/// <summary>
/// The plans in force: for a year, the latest stored version of each jurisdiction's plan whose period holds the
/// year. Versions never change once stored, so each is parsed once and kept by its text (not its id: ids repeat
/// across databases).
/// </summary>
public sealed class RuleSetCatalog(HarmonyDbContext db)
{
    private static readonly ConcurrentDictionary<string, RuleSet> Parsed = new(StringComparer.Ordinal);

    /// <summary>The gold category a ledger row can be nominated for, if any.</summary>
    public static GoldCategory? CategoryOf(LedgerRow row) => row switch
    {
        Coordinator => GoldCategory.Coordinator,
        MediationOrganization => GoldCategory.MediationOrganization,
        SocialOrganization => GoldCategory.SocialOrganization,
        _ => null,
    };

    private (int Year, HashSet<int> Ids, Dictionary<int, RuleSetVersion> InForce)? remembered;

    /// <summary>
    /// Reads the plans in force in <paramref name="year"/> along the chains of all <paramref name="regions"/> at once
    /// and answers this request's later questions about any of those chains from that read (a read-only page asking
    /// for the chains of its parts one by one: the dashboard's deadlines, quotas, coverage targets and owed
    /// materials). Only for a request that saves no plan.
    /// </summary>
    public async Task RememberAsync(IEnumerable<Core.Regions.Region> regions, int year, CancellationToken ct)
    {
        var ids = regions.SelectMany(r => Core.Regions.Region.IdsOnPath(r.Path)).ToHashSet();
        remembered = null; // forget the last read first, so that InForceAsync below reads the database
        remembered = (year, ids, await InForceAsync(ids, year, ct));
    }

    public static RuleSet Parse(RuleSetVersion version) => Parsed.GetOrAdd(version.Json, json =>
        RuleSetReader.Read(json).RuleSet ?? throw new InvalidOperationException($"Stored rule set version {version.Id} does not parse."));

    /// <summary>
    /// For each of the regions, the latest version of its plan governing <paramref name="year"/>: the plan whose period
    /// holds the year; after the last plan's period and until a new plan is saved, that last plan continues (its
    /// yearly requirements apply, its dated deadlines do not: <see cref="RuleSetVersion.Governs"/> tells the two apart).
    /// A year before every plan has none.
    /// </summary>
    public async Task<Dictionary<int, RuleSetVersion>> InForceAsync(IReadOnlyCollection<int> regionIds, int year, CancellationToken ct)
    {
        if (remembered is { } known && known.Year == year && regionIds.All(known.Ids.Contains))
        {
            return regionIds.Distinct().Where(known.InForce.ContainsKey)
                .ToDictionary(id => id, id => known.InForce[id]);
        }

        var versions = await db.RuleSetVersions.AsNoTracking()
            .Where(v => regionIds.Contains(v.RegionId) && v.FromYear <= year)
            .ToListAsync(ct);

        // Plans of one jurisdiction do not overlap (the checker refuses it); should old data overlap, the plan saved last governs.
        return versions.GroupBy(v => v.RegionId).ToDictionary(g => g.Key, g =>
            g.Where(v => v.ToYear >= year).MaxBy(v => v.Version) ?? g.Where(v => v.FromYear == g.Max(o => o.FromYear)).MaxBy(v => v.Version)!);
    }

    /// <summary>The plans governing <paramref name="year"/> up the region chain (leaf first), parsed, with their versions.</summary>
    public async Task<IReadOnlyList<(RuleSet RuleSet, RuleSetVersion Version)>> ChainAsync(IReadOnlyList<int> regionIdsLeafToRoot, int year, CancellationToken ct)
    {
        var inForce = await InForceAsync(regionIdsLeafToRoot, year, ct);
        return Along(regionIdsLeafToRoot, inForce);
    }

    /// <summary>
    /// The walk up the region chain to the nearest plans, written once (ADR 0030): for each region, the plans governing
    /// <paramref name="year"/> from the region itself up to the root (leaf first), parsed, with their versions; one query
    /// for all the regions. Every lookup of rules, deadlines, quotas, targets or owed submissions starts here.
    /// </summary>
    public async Task<Dictionary<int, IReadOnlyList<(RuleSet RuleSet, RuleSetVersion Version)>>> ChainsAsync(IEnumerable<Core.Regions.Region> regions, int year, CancellationToken ct)
    {
        var chains = regions.DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => Core.Regions.Region.IdsLeafToRoot(r.Path));
        var inForce = await InForceAsync(chains.Values.SelectMany(c => c).Distinct().ToList(), year, ct);
        return chains.ToDictionary<KeyValuePair<int, List<int>>, int, IReadOnlyList<(RuleSet RuleSet, RuleSetVersion Version)>>(c => c.Key, c => Along(c.Value, inForce));
    }

    /// <summary><see cref="ChainsAsync"/> of one region.</summary>
    public async Task<IReadOnlyList<(RuleSet RuleSet, RuleSetVersion Version)>> ChainAsync(Core.Regions.Region region, int year, CancellationToken ct) =>
        (await ChainsAsync([region], year, ct))[region.Id];

    private static List<(RuleSet RuleSet, RuleSetVersion Version)> Along(IReadOnlyList<int> regionIdsLeafToRoot, Dictionary<int, RuleSetVersion> inForce) =>
        regionIdsLeafToRoot.Where(inForce.ContainsKey).Select(id => (Parse(inForce[id]), inForce[id])).ToList();

    /// <summary>
    /// The plans of the regions below <paramref name="region"/> (county-level and cities, in region order) governing the
    /// year, with the region's name: where a level without a plan of its own finds the honours it is named to select.
    /// </summary>
    public async Task<IReadOnlyList<(string RegionName, RuleSet RuleSet, RuleSetVersion Version)>> BelowAsync(Core.Regions.Region region, int year, CancellationToken ct)
    {
        var below = await db.Regions.AsNoTracking()
            .InSubtreeOf(region.Path).Where(r => r.Id != region.Id && r.Level != Core.Regions.RegionLevel.Town && db.RuleSetVersions.Any(v => v.RegionId == r.Id))
            .Select(r => new { r.Id, r.Name, r.Path }).ToListAsync(ct);
        var inForce = await InForceAsync(below.Select(r => r.Id).ToList(), year, ct);
        return below.Where(r => inForce.ContainsKey(r.Id)).OrderBy(r => r.Path, StringComparer.Ordinal)
            .Select(r => (r.Name, Parse(inForce[r.Id]), inForce[r.Id])).ToList();
    }

    /// <summary>
    /// The honour of the category that a plan below names <paramref name="region"/>'s level to select and publish (the
    /// first in region order), with that plan and its region's name; null when none does. A province needs none: it selects
    /// whatever no plan gives to another level.
    /// </summary>
    public async Task<(string RegionName, RuleSet RuleSet, RuleTask Task)?> SelectedHereAsync(Core.Regions.Region region, GoldCategory category, int year, CancellationToken ct, string? honour = null)
    {
        if (region.Level is not (Core.Regions.RegionLevel.City or Core.Regions.RegionLevel.County))
        {
            return null;
        }

        foreach (var (name, set, _) in await BelowAsync(region, year, ct))
        {
            if (set.HonourTask(category, honour) is { Honour.SelectingLevel: var level } task && level == region.Level)
            {
                return (name, set, task);
            }
        }

        return null;
    }

    /// <summary>
    /// The nearest plan up the region chain (leaf first) governing the year with criteria for the category, following
    /// inheritance: a plan that does not inherit criteria stops the walk.
    /// </summary>
    public async Task<(RuleSet RuleSet, RuleSetVersion Version)?> ForAsync(Core.Regions.Region region, GoldCategory category, int year, CancellationToken ct)
    {
        foreach (var (set, version) in await ChainAsync(region, year, ct))
        {
            if (set.CriteriaFor(category, year) is not null)
            {
                return (set, version);
            }

            if (!set.Inherits.Criteria)
            {
                return null;
            }
        }

        return null;
    }
}
