using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using Microsoft.EntityFrameworkCore;
using HarmonyPortal.Core.Rules;

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
            .Where(r => planned.Contains(r.Id) || (plansRules && r.Level != RegionLevel.Town && db.Regions.InScope(scope).Any(s => s.Id == r.Id)))
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

        AncestorPlan? applies = null;
        if ((await catalog.ChainAsync(region, clock.GetLocalNow().Year, ct)).FirstOrDefault(c => c.Version.RegionId != region.Id).Version is { RegionId: var id } version)
        {
            var name = await db.Regions.AsNoTracking().Where(r => r.Id == id).Select(r => r.Name).SingleAsync(ct);
            applies = new AncestorPlan(id, name, version.Name, version.FromYear, version.PlanText);
        }

        return new NoPlanPage(region.Id, region.Name, scope.CanAdministerRulesOf(region.Path) && region.Level != RegionLevel.Town, applies)
        {
            Below = await BelowAsync(region, clock.GetLocalNow().Year, ct),
        };
    }

    /// <summary>
    /// For a jurisdiction without a plan of its own, what the plans below it that govern the year make of it: the honours
    /// each names this level to select and publish ("本级未制定规划：…依照下级规划…"), or that its quotas are counted by them.
    /// </summary>
    public async Task<IReadOnlyList<string>> BelowAsync(Region region, int year, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var (name, set, _) in await catalog.BelowAsync(region, year, ct))
        {
            var honours = set.Tasks.Where(t => t.Kind == Core.Rules.TaskKind.Honour && t.Honour?.SelectingLevel == region.Level).Select(t => t.Honour!.Title).ToList();
            lines.Add(honours.Count > 0
                ? $"依照下级规划《{set.Name}》（{name}，{set.PeriodText}），由本级择优选树并发布名单：{string.Join("、", honours)}；本级按该规划对{name}规定的称号、配额和期限择优、发布。"
                : $"下级规划《{set.Name}》（{name}，{set.PeriodText}）的配额按{name}统计，本级查看其进度。");
        }

        return lines;
    }

    /// <summary>The home page's note when the user's own region has no plan: which plans apply to it instead; null when it has one.</summary>
    public async Task<PlanBasis?> OwnBasisAsync(CancellationToken ct)
    {
        if (scope.RegionLevel == RegionLevel.Town || await db.RuleSetVersions.AnyAsync(v => v.RegionId == scope.RegionId, ct))
        {
            return null;
        }

        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == scope.RegionId, ct);
        var year = clock.GetLocalNow().Year;
        string? aboveText = null;
        if ((await catalog.ChainAsync(region, year, ct)).FirstOrDefault(c => c.Version.RegionId != region.Id).Version is { RegionId: var id } version)
        {
            var name = await db.Regions.AsNoTracking().Where(r => r.Id == id).Select(r => r.Name).SingleAsync(ct);
            aboveText = $"依照上级规划：本地区执行{name}的规划《{version.Name}》（{version.PlanText}）。";
        }

        return new PlanBasis(aboveText, await BelowAsync(region, year, ct));
    }
}

/// <summary>What governs a jurisdiction without a plan of its own: the plan above in force, and what the plans below make of it.</summary>
public sealed record PlanBasis(string? Above, IReadOnlyList<string> Below)
{
    public const string Heading = "本级未制定规划：";

    /// <summary>Said when neither a plan above nor one below applies.</summary>
    public const string Nothing = "上级和下级也没有适用于今年的规划，本地区没有选树任务和配额。";
}

/// <summary>The rules list: plans and, for an admin, the jurisdictions still without one.</summary>
public sealed record RulesIndex(IReadOnlyList<IndexRow> Rows, bool CanCreate);

/// <summary>A jurisdiction and one of its plans (latest version), or no plan.</summary>
public sealed record IndexRow(int RegionId, string RegionName, RuleSetAdminService.Row? Plan);

public sealed record NoPlanPage(int RegionId, string RegionName, bool CanCreate, AncestorPlan? Applies)
{
    /// <summary>What the plans below make of the region (<see cref="PlanlessJurisdictions.BelowAsync"/>).</summary>
    public IReadOnlyList<string> Below { get; init; } = [];
}

/// <summary>The plan of a level above that governs the region this year.</summary>
public sealed record AncestorPlan(int RegionId, string RegionName, string Name, int FromYear, string PlanText);
