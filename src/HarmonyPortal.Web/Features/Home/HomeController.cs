using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Home;

public sealed class HomeController(HarmonyDbContext db, UserScope scope, Rules.TaskProgressService progress, Rules.PlanlessJurisdictions planless) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var tree = await db.LoadSubtreeAsync(scope, ct);
        var units = await db.MemberUnits.AsNoTracking()
            .Where(u => u.RegionId == scope.RegionId && u.IsActive)
            .Ordered()
            .Select(u => new MemberUnitRow(u.Id, u.Name, u.ShortName, u.HostsOffice) { ContactName = u.ContactName, ContactPhone = u.ContactPhone, ContactEmail = u.ContactEmail })
            .ToListAsync(ct);
        var userCounts = await db.Users.AsNoTracking().InScope(scope)
            .GroupBy(u => u.RegionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        return View(new HomeViewModel(scope, tree, units, userCounts, await progress.ThisYearAsync(ct)) { PlanBasis = await planless.OwnBasisAsync(ct) });
    }
}

public sealed record MemberUnitRow(int Id, string Name, string ShortName, bool HostsOffice)
{
    /// <summary>The unit's contact for the office's business: the region's own users see it here.</summary>
    public string? ContactName { get; init; }

    public string? ContactPhone { get; init; }

    public string? ContactEmail { get; init; }
}

public sealed record HomeViewModel(
    UserScope Scope,
    RegionNode Root,
    IReadOnlyList<MemberUnitRow> Units,
    IReadOnlyDictionary<int, int> UserCounts,
    IReadOnlyList<Rules.TaskProgress> Progress)
{
    /// <summary>Set when the user's region has no plan of its own: the plans that apply instead.</summary>
    public Rules.PlanBasis? PlanBasis { get; init; }

    public int RegionCount(RegionLevel level) => Root.SelfAndDescendants().Count(n => n.Level == level);
}
