using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// The list page's region filter and its row count in one round trip (issue 21): the user's subtree, kept
/// between requests by <see cref="RegionSubtreeCache"/>, and the ledger's row count of the year from
/// <c>LedgerRowCounts</c> (kept by the database, ADR 0010). When the subtree is not cached yet, one query reads it
/// with every region's count; afterwards only the count the page shows is read. An unfiltered list ("共 N 条" of the
/// subtree or of one region) is then counted without reading the ledger's rows.
/// </summary>
public sealed class LedgerListRegions
{
    // One region's counter, compiled: the list asks it on every page with a region selected (issue 21).
    private static readonly CompiledPerModel<Func<HarmonyDbContext, string, int, int, CancellationToken, Task<int>>>
        RegionCount = new(() => EF.CompileAsyncQuery(
            (HarmonyDbContext db, string ledger, int year, int regionId, CancellationToken ct) =>
                db.LedgerRowCounts.Where(c => c.Year == year && c.Ledger == ledger && c.RegionId == regionId)
                    .Select(c => c.Count).FirstOrDefault()));

    private readonly RegionSubtreeCache.Entry subtree;
    private readonly Dictionary<int, int>? counts;
    private int? total;

    private LedgerListRegions(RegionSubtreeCache.Entry subtree, Dictionary<int, int>? counts)
    {
        this.subtree = subtree;
        this.counts = counts;
    }

    /// <summary>The regions open on the year's last day, as the filter offers them.</summary>
    public RegionNode Tree => subtree.Tree;

    public static async Task<LedgerListRegions> LoadAsync(
        HarmonyDbContext db,
        RegionSubtreeCache cache,
        UserScope scope,
        ILedgerDefinition definition,
        int year,
        CancellationToken ct)
    {
        if (cache.Find(scope.RegionId, scope.RegionPath, year) is { } cached)
        {
            return new LedgerListRegions(cached, null);
        }

        var readAt = cache.Generation;
        var lastDay = RegionTreeQuery.LastDayOf(year);
        var ledger = definition.Key;
        var rows = await db.Regions.AsNoTracking().InScope(scope)
            .Select(r => new
            {
                r.Id, r.ParentId, r.Name, r.Code, r.IsLocalCode, r.Level, r.SortOrder, r.ClosedOn,
                Count = db.LedgerRowCounts.Where(c => c.Year == year && c.RegionId == r.Id && c.Ledger == ledger)
                    .Select(c => c.Count).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var tree = RegionNode.BuildTree(
            rows.Where(r => r.ClosedOn is not { } closed || closed > lastDay) // Region.OpenOn(lastDay), in memory
                .Select(r => new RegionNode.Row(r.Id, r.ParentId, r.Name, r.Code, r.IsLocalCode, r.Level, r.SortOrder)
                {
                    ClosedOn = r.ClosedOn,
                })
                .ToList(),
            scope.RegionId);
        var entry = cache.Keep(scope.RegionId, scope.RegionPath, year, tree, [.. rows.Select(r => r.Id)], readAt);
        return new LedgerListRegions(entry, rows.Where(r => r.Count != 0).ToDictionary(r => r.Id, r => r.Count));
    }

    /// <summary>
    /// Reads the count "共 N 条" shows for an unfiltered list (<see cref="TotalFor"/>) when the subtree came from
    /// the cache: one indexed lookup for one region, the subtree's counters otherwise (closed regions' rows
    /// included, as the list shows them). Nothing is read for a filtered list. Call after the region filter was
    /// checked against the scope.
    /// </summary>
    public async Task CountAsync(
        HarmonyDbContext db, ILedgerDefinition definition, LedgerListQuery query, CancellationToken ct)
    {
        if (!Unfiltered(query))
        {
            return;
        }

        if (counts is not null)
        {
            total = query.RegionId is { } id ? counts.GetValueOrDefault(id) : counts.Values.Sum();
            return;
        }

        var year = query.Year!.Value;
        var ledger = definition.Key;
        if (query.RegionId is { } regionId)
        {
            total = await RegionCount.For(db)(db, ledger, year, regionId, ct);
        }
        else
        {
            var ids = subtree.AllIds;
            total = await db.LedgerRowCounts.Where(c => c.Year == year && c.Ledger == ledger)
                .Where(c => EF.Parameter(ids).Contains(c.RegionId)).SumAsync(c => c.Count, ct);
        }
    }

    /// <summary>
    /// "共 N 条" without a COUNT over the ledger when the counters answer it: no filter but the year and region. Null
    /// when the list is filtered by status, kind or a search (those are counted over the rows).
    /// </summary>
    public int? TotalFor(LedgerListQuery query, bool searched) => searched || !Unfiltered(query) ? null : total;

    private static bool Unfiltered(LedgerListQuery query) =>
        query.Status is null && query.Kind is null && string.IsNullOrWhiteSpace(query.Q);
}
