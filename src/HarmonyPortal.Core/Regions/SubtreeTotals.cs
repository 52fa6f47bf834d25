namespace HarmonyPortal.Core.Regions;

/// <summary>
/// Figures kept per region (rows, nominations), added up per subtree in one pass: each region's own figure counts
/// for that region and for every region above it among <c>paths</c> (docs/adr/0039), so that asking for any
/// region's subtree afterwards is a lookup, not a pass over the regions below it.
/// </summary>
public static class SubtreeTotals
{
    /// <param name="paths">The regions to add up for, by id, with their materialized paths (a subtree's).</param>
    /// <param name="own">Each region's own figure, under a key of the caller's (a ledger, a measure).</param>
    public static Dictionary<(TKey Key, int RegionId), int> Of<TKey>(
        IReadOnlyDictionary<int, string> paths, IEnumerable<KeyValuePair<(TKey Key, int RegionId), int>> own)
        where TKey : notnull
    {
        var totals = new Dictionary<(TKey Key, int RegionId), int>();
        foreach (var ((key, regionId), figure) in own)
        {
            if (!paths.TryGetValue(regionId, out var path))
            {
                continue;
            }

            foreach (var id in Region.IdsOnPath(path))
            {
                if (paths.TryGetValue(id, out var above) && path.StartsWith(above, StringComparison.Ordinal))
                {
                    totals[(key, id)] = totals.GetValueOrDefault((key, id)) + figure;
                }
            }
        }

        return totals;
    }
}
