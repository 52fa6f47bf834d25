using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>
/// Jurisdictions without a plan of their own: an admin sees every province, city and county-level region of the
/// subtree in the rules list, planned or not, with a link to start a plan; a region without a plan shows which plan
/// of a level above applies to it instead of a missing page.
/// </summary>
public sealed class PlanlessJurisdictions(HarmonyDbContext db, UserScope scope, RuleSetCatalog catalog, TimeProvider clock)
{
    /// <summary>The plans the user may read and, for an admin, every jurisdiction of the subtree without one, in region order.</summary>
    public async Task<RulesIndex> IndexAsync(IReadOnlyList<RuleSetAdminService.Row> plans, CancellationToken ct)
    {
        var planned = plans.Select(p => p.RegionId).Distinct().ToList();
        var plansRules = scope.Holds(AdminDuty.System);
        var regions = await db.Regions.AsNoTracking()
            .Where(r => planned.Contains(r.Id) || (plansRules && r.Level != RegionLevel.Town && r.Path.StartsWith(scope.RegionPath)))
            .Select(r => new { r.Id, r.Name, r.Path })
            .ToListAsync(ct);
        var rows = regions.OrderBy(r => r.Path, StringComparer.Ordinal)
            .SelectMany(r => plans.Where(p => p.RegionId == r.Id).Select(p => new IndexRow(r.Id, r.Name, p)).DefaultIfEmpty(new IndexRow(r.Id, r.Name, null)))
            .ToList();
        return new RulesIndex(rows, plansRules);
    }

    /// <summary>
    /// The page of a region the user may read that has no plan of its own (null when it has one, or is out of reach: the
    /// plan page answers those): whether the user may start one, and the nearest plan above in force this year.
    /// </summary>
    public async Task<NoPlanPage?> NoPlanAsync(int regionId, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == regionId, ct);
        if (region is null || !scope.CanReadRulesOf(region.Path)
            || await db.RuleSetVersions.AnyAsync(v => v.RegionId == regionId, ct))
        {
            return null;
        }

        var above = Region.IdsLeafToRoot(region.Path).Where(id => id != region.Id).ToList();
        var inForce = await catalog.InForceAsync(above, clock.GetLocalNow().Year, ct);
        AncestorPlan? applies = null;
        if (above.FirstOrDefault(inForce.ContainsKey) is var id and > 0)
        {
            var version = inForce[id];
            var name = await db.Regions.AsNoTracking().Where(r => r.Id == id).Select(r => r.Name).SingleAsync(ct);
            applies = new AncestorPlan(id, name, version.Name, version.FromYear, version.PlanText);
        }

        return new NoPlanPage(region.Id, region.Name, scope.CanAdministerRulesOf(region.Path) && region.Level != RegionLevel.Town, applies);
    }
}

/// <summary>The rules list: plans and, for an admin, the jurisdictions still without one.</summary>
public sealed record RulesIndex(IReadOnlyList<IndexRow> Rows, bool CanCreate);

/// <summary>A jurisdiction and one of its plans (latest version), or no plan.</summary>
public sealed record IndexRow(int RegionId, string RegionName, RuleSetAdminService.Row? Plan);

public sealed record NoPlanPage(int RegionId, string RegionName, bool CanCreate, AncestorPlan? Applies);

/// <summary>The plan of a level above that governs the region this year.</summary>
public sealed record AncestorPlan(int RegionId, string RegionName, string Name, int FromYear, string PlanText);
