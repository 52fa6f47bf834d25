using System.Collections.Concurrent;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>
/// The rule sets in force: the latest stored version of each jurisdiction. Versions never change once
/// stored, so each is parsed once and kept by its text (not its id: ids repeat across databases).
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

    /// <summary>The latest version for each of the regions, by region id.</summary>
    public async Task<Dictionary<int, RuleSetVersion>> LatestAsync(IReadOnlyCollection<int> regionIds, CancellationToken ct)
    {
        var versions = await db.RuleSetVersions.AsNoTracking()
            .Where(v => regionIds.Contains(v.RegionId) && v.Version == db.RuleSetVersions.Where(o => o.RegionId == v.RegionId).Max(o => o.Version))
            .ToListAsync(ct);
        return versions.ToDictionary(v => v.RegionId);
    }

    /// <summary>The nearest jurisdiction up the region chain (leaf first) whose rule set has criteria for the category.</summary>
    public async Task<(RuleSet RuleSet, RuleSetVersion Version)?> ForAsync(IReadOnlyList<int> regionIdsLeafToRoot, GoldCategory category, CancellationToken ct)
    {
        var latest = await LatestAsync(regionIdsLeafToRoot, ct);
        foreach (var id in regionIdsLeafToRoot)
        {
            if (latest.TryGetValue(id, out var version) && Parse(version) is var set && set.Criteria.ContainsKey(category))
            {
                return (set, version);
            }
        }

        return null;
    }
}
