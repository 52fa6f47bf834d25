using System.Collections.Concurrent;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules;

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
        return regionIdsLeafToRoot.Where(inForce.ContainsKey).Select(id => (Parse(inForce[id]), inForce[id])).ToList();
    }

    /// <summary>
    /// The nearest plan up the region chain (leaf first) governing the year with criteria for the category, following
    /// inheritance: a plan that does not inherit criteria stops the walk.
    /// </summary>
    public async Task<(RuleSet RuleSet, RuleSetVersion Version)?> ForAsync(IReadOnlyList<int> regionIdsLeafToRoot, GoldCategory category, int year, CancellationToken ct)
    {
        foreach (var (set, version) in await ChainAsync(regionIdsLeafToRoot, year, ct))
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
