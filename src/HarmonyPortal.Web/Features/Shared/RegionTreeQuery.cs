using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Shared;

public static class RegionTreeQuery
{
    /// <summary>
    /// The user's region and everything below it, as a tree; with <paramref name="openOn"/>, without the regions closed
    /// on or before that day (what a form or a year's list offers; see <see cref="Region.OpenOn"/>).
    /// </summary>
    public static Task<RegionNode> LoadSubtreeAsync(this HarmonyDbContext db, UserScope scope, CancellationToken ct = default) =>
        LoadSubtreeAsync(db, scope, null, ct);

    public static async Task<RegionNode> LoadSubtreeAsync(this HarmonyDbContext db, UserScope scope, DateOnly? openOn, CancellationToken ct = default)
    {
        var regions = db.Regions.AsNoTracking().InScope(scope);
        if (openOn is { } day)
        {
            regions = regions.Where(Region.OpenOn(day));
        }

        var rows = await regions
            .Select(r => new RegionNode.Row(r.Id, r.ParentId, r.Name, r.Code, r.IsLocalCode, r.Level, r.SortOrder) { ClosedOn = r.ClosedOn })
            .ToListAsync(ct);
        return RegionNode.BuildTree(rows, scope.RegionId);
    }

    /// <summary>The day whose open regions a year's lists offer: its last day (a region closed during the year no longer reports for it).</summary>
    public static DateOnly LastDayOf(int year) => new(year, 12, 31);
}
