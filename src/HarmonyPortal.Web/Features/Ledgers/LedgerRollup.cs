using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// A year's ledger rows per region and ledger in a region's subtree, counted once per request and shared by the
/// dashboard, the reporting roll-up and the quota progress (which used to count again per region and per task).
/// One GROUP BY per ledger with the subtree's region ids as a subquery, so each count is a seek per region on the
/// (RegionId, Year, …) index instead of a scan of the year joined to the region paths.
/// </summary>
public sealed class LedgerRollup(HarmonyDbContext db)
{
    private readonly List<(string Path, int Year, LedgerRollupCounts Counts)> loaded = [];

    /// <summary>The counts of <paramref name="path"/>'s subtree; a subtree already counted in this request answers for any region inside it.</summary>
    public async Task<LedgerRollupCounts> ForSubtreeAsync(string path, int year, CancellationToken ct)
    {
        foreach (var (p, y, counts) in loaded)
        {
            if (y == year && path.StartsWith(p, StringComparison.Ordinal))
            {
                return counts;
            }
        }

        var fresh = await LoadAsync(db, path, year, ct);
        loaded.Add((path, year, fresh));
        return fresh;
    }

    public static async Task<LedgerRollupCounts> LoadAsync(HarmonyDbContext db, string path, int year, CancellationToken ct)
    {
        var subtree = db.Regions.Where(r => r.Path.StartsWith(path));
        var paths = await subtree.AsNoTracking().Select(r => new { r.Id, r.Path }).ToDictionaryAsync(r => r.Id, r => r.Path, ct);
        var ids = subtree.Select(r => r.Id);
        var counts = new Dictionary<(string, int), int>();
        foreach (var ledger in LedgerCatalog.All)
        {
            var rows = await ledger.Rows(db).AsNoTracking()
                .Where(r => r.Year == year && ids.Contains(r.RegionId))
                .GroupBy(r => r.RegionId)
                .Select(g => new { RegionId = g.Key, Count = g.Count() })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                counts[(ledger.Key, row.RegionId)] = row.Count;
            }
        }

        return new LedgerRollupCounts(paths, counts);
    }
}

/// <summary>Rows of one year per (ledger, region) of a subtree, with the subtree's region paths to add up any part of it.</summary>
public sealed class LedgerRollupCounts(IReadOnlyDictionary<int, string> paths, IReadOnlyDictionary<(string Ledger, int RegionId), int> counts)
{
    /// <summary>The region's own rows (not its children's).</summary>
    public int OfRegion(string ledger, int regionId) => counts.GetValueOrDefault((ledger, regionId));

    /// <summary>Rows of the region at <paramref name="path"/> and of every region below it.</summary>
    public int OfSubtree(string ledger, string path) =>
        paths.Where(p => p.Value.StartsWith(path, StringComparison.Ordinal)).Sum(p => OfRegion(ledger, p.Key));
}
