using System.Text.Json;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Reporting;

/// <summary>Rows per ledger of a year in each region's subtree: what a report snapshots and the page shows.</summary>
public static class LedgerRowCounts
{
    /// <summary>Counts for each of <paramref name="regions"/>, all of which lie under <paramref name="commonPath"/>: one query per ledger.</summary>
    public static async Task<Dictionary<int, Dictionary<string, int>>> ForSubtreesAsync(
        HarmonyDbContext db, string commonPath, IReadOnlyCollection<Region> regions, int year, CancellationToken ct)
    {
        var result = regions.ToDictionary(r => r.Id, _ => new Dictionary<string, int>());
        foreach (var ledger in LedgerCatalog.All)
        {
            var byPath = await ledger.Rows(db).AsNoTracking()
                .Where(r => r.Year == year && r.Region.Path.StartsWith(commonPath))
                .GroupBy(r => r.Region.Path)
                .Select(g => new { Path = g.Key, Count = g.Count() })
                .ToListAsync(ct);
            foreach (var region in regions)
            {
                result[region.Id][ledger.Key] = byPath.Where(p => p.Path.StartsWith(region.Path, StringComparison.Ordinal)).Sum(p => p.Count);
            }
        }

        return result;
    }

    public static string ToJson(Dictionary<string, int> counts) => JsonSerializer.Serialize(counts);

    public static Dictionary<string, int> FromJson(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];

    /// <summary>The counts as the page lists them: each ledger's title in catalog order, unknown keys dropped.</summary>
    public static IReadOnlyList<LedgerCount> Describe(Dictionary<string, int> counts) =>
        LedgerCatalog.All.Select(l => new LedgerCount(l.Key, l.Title, counts.GetValueOrDefault(l.Key))).ToList();
}

public sealed record LedgerCount(string Key, string Title, int Count);
