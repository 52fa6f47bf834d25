using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// The list page's region filter and its row counts in one round trip (issue 21): the user's subtree, each region with
/// the ledger's row count of the year from <c>LedgerRowCounts</c> (kept by the database, ADR 0010). An unfiltered list
/// ("共 N 条" of the subtree or of one region) is then counted without reading the ledger's rows.
/// </summary>
public sealed class LedgerListRegions
{
    private readonly Dictionary<int, int> counts;

    private LedgerListRegions(RegionNode tree, Dictionary<int, int> counts)
    {
        Tree = tree;
        this.counts = counts;
    }

    /// <summary>The regions open on the year's last day, as the filter offers them.</summary>
    public RegionNode Tree { get; }

    /// <summary>The ledger's rows of the year in the whole subtree (closed regions' rows included, as the list shows them).</summary>
    public int SubtreeCount => counts.Values.Sum();

    /// <summary>The ledger's rows of the year registered in one region (not its subtree), as the region filter selects them.</summary>
    public int CountOf(int regionId) => counts.GetValueOrDefault(regionId);

    public static async Task<LedgerListRegions> LoadAsync(HarmonyDbContext db, UserScope scope, ILedgerDefinition definition, int year, CancellationToken ct)
    {
        var lastDay = RegionTreeQuery.LastDayOf(year);
        var ledger = definition.Key;
        var rows = await db.Regions.AsNoTracking().InScope(scope)
            .Select(r => new
            {
                r.Id, r.ParentId, r.Name, r.Code, r.IsLocalCode, r.Level, r.SortOrder, r.ClosedOn,
                Count = db.LedgerRowCounts.Where(c => c.Year == year && c.RegionId == r.Id && c.Ledger == ledger).Select(c => c.Count).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var tree = RegionNode.BuildTree(
            rows.Where(r => r.ClosedOn is not { } closed || closed > lastDay) // Region.OpenOn(lastDay), in memory
                .Select(r => new RegionNode.Row(r.Id, r.ParentId, r.Name, r.Code, r.IsLocalCode, r.Level, r.SortOrder) { ClosedOn = r.ClosedOn })
                .ToList(),
            scope.RegionId);
        return new LedgerListRegions(tree, rows.Where(r => r.Count != 0).ToDictionary(r => r.Id, r => r.Count));
    }

    /// <summary>
    /// "共 N 条" without a COUNT over the ledger when the counters answer it: no filter but the year and region. Null
    /// when the list is filtered by status, kind or a search (those are counted over the rows).
    /// </summary>
    public int? TotalFor(LedgerListQuery query, bool searched)
    {
        if (searched || query.Status is not null || query.Kind is not null || !string.IsNullOrWhiteSpace(query.Q))
        {
            return null;
        }

        return query.RegionId is { } regionId ? CountOf(regionId) : SubtreeCount;
    }
}
