using HarmonyPortal.Core.Coverage;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Coverage;

/// <summary>A region's coverage of the year per dashboard row, the targets applied, and its own uncovered units.</summary>
public sealed record CoveragePage(
    IReadOnlyList<AppliedTarget> Targets,
    string? RuleSetName,
    IReadOnlyDictionary<(int Row, CoverageUnits Units), CoverageFigure> Figures,
    IReadOnlyList<UncoveredUnit> Uncovered)
{
    public CoverageFigure Figure(int row, CoverageUnits units) => Figures.GetValueOrDefault((row, units)) ?? new CoverageFigure(0, 0);
}

/// <summary>
/// Coverage targets (Jiyuan: every large and medium enterprise, every town, street and park with ≥ 1 coordinator):
/// the registers of the year in a region's subtree matched against the coordinators serving in that year. Rows carried
/// forward and still 待复核 count neither as units nor as coordinators, as in quotas and the year-end workbook.
/// The caller has checked the region is in the user's scope.
/// </summary>
public sealed class CoverageService(HarmonyDbContext db, RuleSetCatalog catalog, LedgerRollup rollups)
{
    public async Task<CoveragePage> PageAsync(Region region, int year, IReadOnlyDictionary<int, int> rowOf, CancellationToken ct)
    {
        var (targets, ruleSetName) = await TargetsAsync(region, year, ct);
        var path = region.Path;
        // The ledgers' row counters (ADR 0010, 0042) tell a subtree without registered units of the year: no read then.
        var registered = await rollups.ForSubtreeAsync(path, year, ct);
        var enterprises = await ListUnlessEmpty(
            registered.OfSubtree(LargeEnterpriseLedger.LedgerKey, path),
            db.LargeEnterprises.AsNoTracking().InSubtreeOf(db.Regions, path)
                .Where(e => e.Year == year && e.Status == LedgerRowStatus.Active).OrderBy(e => e.Id)
                .Select(e => new
                {
                    Unit = new CoverageUnit(e.Id, e.RegionId, e.Name, e.CreditCode), e.Size, e.TownName,
                }),
            ct);
        var towns = await ListUnlessEmpty(
            registered.OfSubtree(TownLedger.LedgerKey, path),
            db.TownsAndParks.AsNoTracking().InSubtreeOf(db.Regions, path)
                .Where(t => t.Year == year && t.Status == LedgerRowStatus.Active).OrderBy(t => t.Id)
                .Select(t => new { Unit = new CoverageUnit(t.Id, t.RegionId, t.Name, null), t.Kind }),
            ct);

        // Coordinators that can match: those of a region with registered units (names and towns match within a region),
        // and those entered anywhere whose work unit's credit code is one of the subtree's enterprises. A province
        // dashboard would otherwise load every serving coordinator of the province to match against a few registers.
        var unitRegions = enterprises.Select(e => e.Unit.RegionId).Concat(towns.Select(t => t.Unit.RegionId)).Distinct().ToList();
        var coordinators = unitRegions.Count == 0 ? [] : await db.Coordinators.AsNoTracking()
            .Where(c => c.Year == year && c.CurrentlyServing && c.Status == LedgerRowStatus.Active && (unitRegions.Contains(c.RegionId)
                || (c.WorkUnitCreditCode != null && db.LargeEnterprises.InSubtreeOf(path).Any(e => e.Year == year && e.Status == LedgerRowStatus.Active && e.CreditCode == c.WorkUnitCreditCode))))
            .Select(c => new CoverageCoordinator(c.RegionId, c.WorkUnit, c.WorkUnitCreditCode, c.TownName)).ToListAsync(ct);

        var enterpriseCounts = CoverageMatcher.Enterprises(enterprises.Select(e => e.Unit), coordinators);
        var townCounts = CoverageMatcher.Towns(towns.Select(t => t.Unit), coordinators);
        var enterpriseTarget = targets.Single(t => t.Units == CoverageUnits.LargeMediumEnterprises);
        var townTarget = targets.Single(t => t.Units == CoverageUnits.TownsAndParks);

        var figures = new Dictionary<(int, CoverageUnits), CoverageFigure>();
        void Count(CoverageUnits units, CoverageUnit unit, bool covered)
        {
            var key = (rowOf[unit.RegionId], units);
            var figure = figures.GetValueOrDefault(key) ?? new CoverageFigure(0, 0);
            figures[key] = new CoverageFigure(figure.Total + 1, figure.Covered + (covered ? 1 : 0));
        }

        var uncovered = new List<UncoveredUnit>();
        foreach (var e in enterprises)
        {
            var count = enterpriseCounts[e.Unit.Id];
            Count(CoverageUnits.LargeMediumEnterprises, e.Unit, count >= enterpriseTarget.MinCoordinators);
            if (count < enterpriseTarget.MinCoordinators && rowOf[e.Unit.RegionId] == region.Id)
            {
                var detail = $"{e.Size.Label()}企业，{e.Unit.CreditCode}{(string.IsNullOrEmpty(e.TownName) ? "" : "，" + e.TownName)}";
                uncovered.Add(new UncoveredUnit(CoverageUnits.LargeMediumEnterprises, e.Unit.Name, detail, count));
            }
        }

        foreach (var t in towns)
        {
            var count = townCounts[t.Unit.Id];
            Count(CoverageUnits.TownsAndParks, t.Unit, count >= townTarget.MinCoordinators);
            if (count < townTarget.MinCoordinators && rowOf[t.Unit.RegionId] == region.Id)
            {
                uncovered.Add(new UncoveredUnit(CoverageUnits.TownsAndParks, t.Unit.Name, t.Kind.Label(), count));
            }
        }

        if (targets.FirstOrDefault(t => t.Units == CoverageUnits.MemberUnits) is { } unitTarget)
        {
            await CountMemberUnitsAsync(region, year, rowOf, unitTarget, figures, uncovered, ct);
        }

        return new CoveragePage(targets, ruleSetName, figures, uncovered);
    }

    /// <summary>
    /// 济源 "人社、工会、工商联分别配备至少 1 名": each active member unit of the subtree's offices, covered when at least the
    /// target's number of serving coordinators of the year are attributed to it.
    /// </summary>
    private async Task CountMemberUnitsAsync(Region region, int year, IReadOnlyDictionary<int, int> rowOf, AppliedTarget target,
        Dictionary<(int, CoverageUnits), CoverageFigure> figures, List<UncoveredUnit> uncovered, CancellationToken ct)
    {
        var path = region.Path;
        var units = await db.MemberUnits.AsNoTracking().InSubtreeOf(path).Where(u => u.IsActive && u.Region.Level != RegionLevel.Town)
            .OrderBy(u => u.RegionId).ThenBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.RegionId, u.ShortName }).ToListAsync(ct);
        var serving = await db.Coordinators.AsNoTracking()
            .Where(c => c.Year == year && c.CurrentlyServing && c.Status == LedgerRowStatus.Active && c.UnitId != null)
            .InSubtreeOf(db.Regions, path)
            .GroupBy(c => c.UnitId!.Value).Select(g => new { Unit = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Unit, g => g.Count, ct);
        foreach (var unit in units.Where(u => rowOf.ContainsKey(u.RegionId)))
        {
            var count = serving.GetValueOrDefault(unit.Id);
            var key = (rowOf[unit.RegionId], CoverageUnits.MemberUnits);
            var figure = figures.GetValueOrDefault(key) ?? new CoverageFigure(0, 0);
            figures[key] = new CoverageFigure(figure.Total + 1, figure.Covered + (count >= target.MinCoordinators ? 1 : 0));
            if (count < target.MinCoordinators && unit.RegionId == region.Id)
            {
                uncovered.Add(new UncoveredUnit(CoverageUnits.MemberUnits, unit.ShortName, "本级协调劳动关系三方成员单位", count));
            }
        }
    }

    private static Task<List<T>> ListUnlessEmpty<T>(int rows, IQueryable<T> query, CancellationToken ct) =>
        rows == 0 ? Task.FromResult(new List<T>()) : query.ToListAsync(ct);

    /// <summary>The coverage targets of the nearest jurisdiction up the region chain whose plan for the year states any.</summary>
    private async Task<(IReadOnlyList<AppliedTarget>, string?)> TargetsAsync(Region region, int year, CancellationToken ct)
    {
        foreach (var (ruleSet, version) in await catalog.ChainAsync(region, year, ct))
        {
            if (ruleSet.CoverageTargets.Count > 0)
            {
                return (AppliedTarget.From(ruleSet), $"{ruleSet.Name}（{version.PlanText} 第 {version.PlanVersion} 版）");
            }
        }

        return (AppliedTarget.Defaults, null);
    }
}
