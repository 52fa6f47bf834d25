using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// A year's ledger rows per region and ledger in a region's subtree, read once per request and shared by the
/// dashboard, the reporting roll-up and the quota progress. The rows are not counted here: the database keeps
/// <see cref="LedgerRowCount"/> up to date on every insert, delete and move of a ledger row (triggers, docs/adr/0010),
/// so this is one read of the subtree's counters for the year, whatever the number of rows. Carried-forward rows not yet
/// confirmed (待复核) are subtracted: each counter keeps their number beside its count (<see
/// cref="LedgerRowCount.Unconfirmed"/>, the same triggers, docs/adr/0042), read in the same query.
/// </summary>
public sealed class LedgerRollup(HarmonyDbContext db)
{
    private readonly List<(string Path, int Year, LedgerRollupCounts Counts)> loaded = [];

    private (string Root, IReadOnlyDictionary<int, string> Paths)? known;

    /// <summary>
    /// The regions of the subtree at <paramref name="root"/> (every level), already read by the caller: the roll-ups
    /// of this request inside that subtree, and <see cref="PathsOf"/>, take their regions from here instead of reading
    /// them again.
    /// </summary>
    public void UseRegions(string root, IEnumerable<Region> subtree) =>
        known = (root, subtree.Where(r => r.IsInSubtreeOf(root)).ToDictionary(r => r.Id, r => r.Path));

    /// <summary>The id and path of every region of the subtree at <paramref name="path"/>, read once.</summary>
    public async Task<IReadOnlyDictionary<int, string>> PathsOf(string path, CancellationToken ct)
    {
        if (known is { } k && path.StartsWith(k.Root, StringComparison.Ordinal))
        {
            return path == k.Root ? k.Paths
                : k.Paths.Where(p => p.Value.StartsWith(path, StringComparison.Ordinal))
                    .ToDictionary(p => p.Key, p => p.Value);
        }

        var paths = await ReadPathsAsync(db, path, ct);
        known ??= (path, paths);
        return paths;
    }

    private static async Task<IReadOnlyDictionary<int, string>> ReadPathsAsync(
        HarmonyDbContext db, string path, CancellationToken ct) =>
        await db.Regions.InSubtreeOf(path).AsNoTracking().Select(r => new { r.Id, r.Path })
            .ToDictionaryAsync(r => r.Id, r => r.Path, ct);

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

        var fresh = await LoadAsync(db, path, year, await PathsOf(path, ct), ct);
        loaded.Add((path, year, fresh));
        return fresh;
    }

    public static async Task<LedgerRollupCounts> LoadAsync(HarmonyDbContext db, string path, int year, CancellationToken ct) =>
        await LoadAsync(db, path, year, await ReadPathsAsync(db, path, ct), ct);

    private static async Task<LedgerRollupCounts> LoadAsync(
        HarmonyDbContext db, string path, int year, IReadOnlyDictionary<int, string> paths, CancellationToken ct)
    {
        var ids = db.Regions.InSubtreeOf(path).Select(r => r.Id);
        // One read of the subtree's counters: each carries its rows and, of those, the carried-forward rows not yet
        // confirmed (待复核), which do not count (kept by the triggers, docs/adr/0042; no count of rows here).
        var counters = await db.LedgerRowCounts.AsNoTracking()
            .Where(c => c.Year == year && ids.Contains(c.RegionId) && c.Count != 0)
            .Select(c => new { c.Ledger, c.RegionId, c.Count, c.Unconfirmed })
            .ToListAsync(ct);
        var counts = counters.ToDictionary(c => (c.Ledger, c.RegionId), c => c.Count);
        var unconfirmed = counters.Where(c => c.Unconfirmed != 0)
            .ToDictionary(c => (c.Ledger, c.RegionId), c => c.Unconfirmed);
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
        ? (subtreeCounts ??= SubtreeTotals.Of(paths, counts)).GetValueOrDefault((ledger, id))
            - UnconfirmedOfSubtree(ledger, path)
        : paths.Where(p => p.Value.StartsWith(path, StringComparison.Ordinal)).Sum(p => OfRegion(ledger, p.Key));

    /// <summary>The region's own carried-forward rows still to confirm (待复核).</summary>
    public int UnconfirmedOfRegion(string ledger, int regionId) => unconfirmed?.GetValueOrDefault((ledger, regionId)) ?? 0;

    /// <summary>Rows still to confirm (待复核) in the region at <paramref name="path"/> and below it.</summary>
    public int UnconfirmedOfSubtree(string ledger, string path) => unconfirmed is null ? 0
        : RegionOf(path) is { } id
            ? (subtreeUnconfirmed ??= SubtreeTotals.Of(paths, unconfirmed)).GetValueOrDefault((ledger, id))
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
}
