using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Shared;

public static class RegionTreeQuery
{
    /// <summary>The user's region and everything below it, as a tree.</summary>
    public static async Task<RegionNode> LoadSubtreeAsync(this HarmonyDbContext db, UserScope scope, CancellationToken ct = default)
    {
        var rows = await db.Regions.AsNoTracking().InScope(scope)
            .Select(r => new RegionNode.Row(r.Id, r.ParentId, r.Name, r.Code, r.IsLocalCode, r.Level, r.SortOrder))
            .ToListAsync(ct);
        return RegionNode.BuildTree(rows, scope.RegionId);
    }
}
