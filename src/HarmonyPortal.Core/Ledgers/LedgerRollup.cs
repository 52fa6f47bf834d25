using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// A year's ledger rows per region and ledger in a region's subtree, read once per request and shared by the
/// dashboard, the reporting roll-up and the quota progress. The rows are not counted here: the database keeps
/// <see cref="LedgerRowCount"/> up to date on every insert, delete and move of a ledger row (triggers, docs/adr/0010),
/// so this is one read of the subtree's counters for the year, whatever the number of rows. Carried-forward rows not yet
/// confirmed (待复核) are subtracted: they are few, read in one query through each ledger's partial index.
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
        var subtree = db.Regions.InSubtreeOf(path);
        var paths = await subtree.AsNoTracking().Select(r => new { r.Id, r.Path }).ToDictionaryAsync(r => r.Id, r => r.Path, ct);
        var ids = subtree.Select(r => r.Id);
        var counts = await db.LedgerRowCounts.AsNoTracking()
            .Where(c => c.Year == year && ids.Contains(c.RegionId) && c.Count != 0)
            .ToDictionaryAsync(c => (c.Ledger, c.RegionId), c => c.Count, ct);
        // Carried-forward rows not yet confirmed (待复核) do not count: one query for every ledger that has rows, a
        // UNION ALL of one GROUP BY per ledger (each found through the ledger's partial index IX_*_Unconfirmed).
        var withRows = LedgerCatalog.All.Where(l => counts.Keys.Any(k => k.Ledger == l.Key)).ToList();
        var parts = withRows.Select((ledger, index) => ledger.Rows(db).AsNoTracking()
            .Where(r => r.Year == year && r.Status == LedgerRowStatus.NeedsReview && ids.Contains(r.RegionId))
            .GroupBy(r => r.RegionId).Select(g => new { Ledger = index, RegionId = g.Key, Count = g.Count() }))
            .ToList();
        var pending = parts.Count == 0 ? []
            : await parts.Skip(1).Aggregate(parts[0], (all, part) => all.Concat(part)).ToListAsync(ct);
        var unconfirmed = pending.ToDictionary(p => (withRows[p.Ledger].Key, p.RegionId), p => p.Count);
        return new LedgerRollupCounts(paths, counts, unconfirmed);
    }
}

/// <summary>
/// Rows of one year per (ledger, region) of a subtree, with the subtree's region paths to add up any part of it. The
/// totals of every region's subtree are added up once, on first use, by walking each counter up its region's path
/// (a few thousand additions), so the dashboard's and the roll-up's many subtree questions are lookups, not a pass over
/// every region of the subtree each (docs/adr/0039).
/// </summary>
public sealed class LedgerRollupCounts(IReadOnlyDictionary<int, string> paths, IReadOnlyDictionary<(string Ledger, int RegionId), int> counts,
    IReadOnlyDictionary<(string Ledger, int RegionId), int>? unconfirmed = null)
{
    private Dictionary<(string Ledger, int RegionId), int>? subtreeCounts;
    private Dictionary<(string Ledger, int RegionId), int>? subtreeUnconfirmed;

    /// <summary>The path of every region of the subtree, by id.</summary>
    public IReadOnlyDictionary<int, string> Paths => paths;

    /// <summary>The region's own confirmed rows (not its children's): carried-forward rows still 待复核 are not counted.</summary>
    public int OfRegion(string ledger, int regionId) => counts.GetValueOrDefault((ledger, regionId)) - UnconfirmedOfRegion(ledger, regionId);

    /// <summary>Confirmed rows of the region at <paramref name="path"/> and of every region below it.</summary>
    public int OfSubtree(string ledger, string path) => RegionOf(path) is { } id
        ? (subtreeCounts ??= SubtreeTotals(counts)).GetValueOrDefault((ledger, id)) - UnconfirmedOfSubtree(ledger, path)
        : paths.Where(p => p.Value.StartsWith(path, StringComparison.Ordinal)).Sum(p => OfRegion(ledger, p.Key));

    /// <summary>The region's own carried-forward rows still to confirm (待复核).</summary>
    public int UnconfirmedOfRegion(string ledger, int regionId) => unconfirmed?.GetValueOrDefault((ledger, regionId)) ?? 0;

    /// <summary>Rows still to confirm (待复核) in the region at <paramref name="path"/> and below it.</summary>
    public int UnconfirmedOfSubtree(string ledger, string path) => unconfirmed is null ? 0
        : RegionOf(path) is { } id ? (subtreeUnconfirmed ??= SubtreeTotals(unconfirmed)).GetValueOrDefault((ledger, id))
        : paths.Where(p => p.Value.StartsWith(path, StringComparison.Ordinal))
            .Sum(p => UnconfirmedOfRegion(ledger, p.Key));

    /// <summary>
    /// The region of the subtree whose path is <paramref name="path"/>; null for any other text (added up the slow
    /// way).
    /// </summary>
    private int? RegionOf(string path)
    {
        var last = path.Length > 1 && path[^1] == '/' ? path.LastIndexOf('/', path.Length - 2) : -1;
        var digits = last >= 0 ? path.AsSpan(last + 1, path.Length - last - 2) : [];
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return int.TryParse(digits, System.Globalization.NumberStyles.None, invariant, out var id)
            && paths.TryGetValue(id, out var known) && string.Equals(known, path, StringComparison.Ordinal) ? id : null;
    }

    /// <summary>Each counter added to its region and to every region above it within the subtree.</summary>
    private Dictionary<(string, int), int> SubtreeTotals(IReadOnlyDictionary<(string Ledger, int RegionId), int> own)
    {
        var totals = new Dictionary<(string, int), int>();
        foreach (var ((ledger, regionId), count) in own)
        {
            if (!paths.TryGetValue(regionId, out var path))
            {
                continue;
            }

            foreach (var id in Core.Regions.Region.IdsOnPath(path))
            {
                if (paths.TryGetValue(id, out var above) && path.StartsWith(above, StringComparison.Ordinal))
                {
                    totals[(ledger, id)] = totals.GetValueOrDefault((ledger, id)) + count;
                }
            }
        }

        return totals;
    }
}
