using System.Text.Json;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Web.Features.Reporting;

/// <summary>Rows per ledger of a year in each region's subtree: what a report snapshots and the page shows.</summary>
public static class LedgerRowCounts
{
    /// <summary>Counts for each of <paramref name="regions"/>, all of which lie under <paramref name="rollup"/>'s subtree.</summary>
    public static Dictionary<int, Dictionary<string, int>> ForSubtrees(LedgerRollupCounts rollup, IReadOnlyCollection<Region> regions) =>
        regions.ToDictionary(r => r.Id, r => LedgerCatalog.All.ToDictionary(l => l.Key, l => rollup.OfSubtree(l.Key, r.Path)));

    public static string ToJson(Dictionary<string, int> counts) => JsonSerializer.Serialize(counts);

    public static Dictionary<string, int> FromJson(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];

    /// <summary>The counts as the page lists them: each ledger's title in catalog order, unknown keys dropped.</summary>
    public static IReadOnlyList<LedgerCount> Describe(Dictionary<string, int> counts) =>
        LedgerCatalog.All.Select(l => new LedgerCount(l.Key, l.Title, counts.GetValueOrDefault(l.Key))).ToList();
}

public sealed record LedgerCount(string Key, string Title, int Count);
