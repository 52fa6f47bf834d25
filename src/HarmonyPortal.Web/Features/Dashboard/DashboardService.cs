using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Coverage;
using HarmonyPortal.Web.Features.Reporting;
using HarmonyPortal.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Dashboard;

/// <summary>One region's year at a glance, for itself and each region directly below it (drill-down goes one level per click).</summary>
public sealed record DashboardPage(
    Region Region,
    int Year,
    IReadOnlyList<Region> Trail,
    IReadOnlyList<Region> Children,
    IReadOnlyList<TaskProgress> Progress,
    IReadOnlyList<ILedgerDefinition> Ledgers,
    IReadOnlyDictionary<(int Child, string Ledger), int> LedgerCounts,
    IReadOnlyDictionary<(int Child, SheetStatus Status), int> SheetCounts,
    ReportingPage? Reporting,
    CoveragePage Coverage)
{
    public int LedgerCount(int child, string ledger) => LedgerCounts.GetValueOrDefault((child, ledger));

    public int SheetCount(int child, SheetStatus status) => SheetCounts.GetValueOrDefault((child, status));

    /// <summary>材料与指标: what the subtree owes upward this year and where it stands (issue 18).</summary>
    public MaterialsCard Materials { get; init; } = MaterialsCard.Empty;
}

/// <summary>
/// Builds the dashboard from one read of the region's subtree (every level) and the regions above it, handed to each
/// card's service: the trail, the roll-up's and the quotas' paths, the children, the regions owing materials and
/// their plans' jurisdictions, and one read of the plans along all their chains
/// (<see cref="RuleSetCatalog.RememberAsync"/>), instead of each card reading them again (docs/adr/0045).
/// </summary>
public sealed class DashboardService(
    HarmonyDbContext db, UserScope scope, TaskProgressService progress, ReportingPageService reporting,
    CoverageService coverage, Core.Ledgers.LedgerRollup rollups, Materials.ExpectedSubmissions expected,
    RuleSetCatalog catalog, TimeProvider clock)
{
    public async Task<DashboardPage> PageAsync(int? regionId, int? year, CancellationToken ct)
    {
        var y = Core.Input.PortalYears.Checked(year, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var region = await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == (regionId ?? scope.RegionId), ct) ?? throw new OutOfScopeException();
        // The subtree (every level) and the regions above it, as stored, in one read; the trail (above it, within the
        // user's scope) as copies to rename.
        var known = await db.Regions.AsNoTracking().InSubtreeOrAbove(region.Path).ToListAsync(ct);
        var subtree = known.Where(r => r.IsInSubtreeOf(region.Path)).ToList();
        var trailIds = Region.IdsOnPath(region.Path);
        var trail = known.Where(r => trailIds.Contains(r.Id) && r.IsInSubtreeOf(scope.RegionPath))
            .OrderBy(r => r.Path.Length).Select(r => r.Copy()).ToList();
        rollups.UseRegions(region.Path, subtree);
        await catalog.RememberAsync(subtree.Where(r => r.Level != RegionLevel.Town), y, ct);

        // The regions directly below (towns skipped) as copies renamed for the year (the subtree's own stay as stored,
        // as the materials card shows them); the quotas list closed ones too, the other cards those open in the year.
        var below = subtree.Where(r => r.ParentId == region.Id && r.Level != RegionLevel.Town)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id).Select(r => r.Copy()).ToList();
        var children = below.Where(r => r.IsOpenIn(y)).ToList();
        await RegionNames.ApplyYearAsync(db, [region, .. trail, .. below], y, ct);

        // Every region of the subtree mapped to the child it lies under (or to the region itself), so that the
        // request's one roll-up per ledger gives the counts per child.
        var rollup = await rollups.ForSubtreeAsync(region.Path, y, ct);
        var childOf = rollup.Paths.Where(r => r.Value.StartsWith(region.Path, StringComparison.Ordinal))
            .ToDictionary(r => r.Key, r => children.FirstOrDefault(c => r.Value.StartsWith(c.Path, StringComparison.Ordinal))?.Id ?? region.Id);

        var ledgerCounts = new Dictionary<(int, string), int>();
        foreach (var ledger in LedgerCatalog.All)
        {
            foreach (var (id, child) in childOf)
            {
                var key = (child, ledger.Key);
                ledgerCounts[key] = ledgerCounts.GetValueOrDefault(key) + rollup.OfRegion(ledger.Key, id);
            }
        }

        var sheets = await db.NominationSheets.AsNoTracking().InSubtreeOf(region.Path).Where(s => s.Year == y)
            .GroupBy(s => new { s.RegionId, s.Status }).Select(g => new { g.Key.RegionId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var sheetCounts = new Dictionary<(int, SheetStatus), int>();
        foreach (var sheet in sheets)
        {
            var key = (childOf[sheet.RegionId], sheet.Status);
            sheetCounts[key] = sheetCounts.GetValueOrDefault(key) + sheet.Count;
        }

        var report = region.Level is RegionLevel.Province or RegionLevel.City
            ? await reporting.PageAsync(region, children, y, ct) : null;
        var progressLines = await progress.ForAsync(region, below, y, ct);
        var coveragePage = await coverage.PageAsync(region, y, childOf, ct);
        var owed = await MaterialsRollup.LoadAsync(db, expected, scope, region, y, ct, known);
        return new DashboardPage(
            region, y, trail, children, progressLines, LedgerCatalog.All, ledgerCounts, sheetCounts, report,
            coveragePage)
        {
            Materials = MaterialsCard.From(owed, region, children),
        };
    }
}
