using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Regions;

/// <summary>
/// Moves a region with everything below it to another parent: the materialized paths of the region and its
/// descendants change, so every path-based scope (users, rows, sheets, reports) follows at once. Callers own the
/// transaction and the scope check of both ends.
/// </summary>
public static class RegionSubtree
{
    /// <summary>The region and every region below it, tracked.</summary>
    public static Task<List<Region>> LoadAsync(HarmonyDbContext db, Region region, CancellationToken ct)
    {
        var path = region.Path;
        return db.Regions.InSubtreeOf(path).ToListAsync(ct);
    }

    /// <summary>Why <paramref name="region"/> cannot go under <paramref name="parent"/>, or null when it can.</summary>
    public static async Task<string?> RefuseMoveAsync(HarmonyDbContext db, Region region, Region parent, CancellationToken ct)
    {
        if (parent.Id == region.ParentId)
        {
            return "新的上级与现在的上级相同。";
        }

        if (parent.IsInSubtreeOf(region.Path))
        {
            return $"不能把“{region.Name}”移到它自己或它的下级之下。";
        }

        if (parent.Level != region.Level - 1)
        {
            return $"{region.Level.ToChinese()}地区只能放在{(region.Level - 1).ToChinese()}地区之下，“{parent.Name}”是{parent.Level.ToChinese()}。";
        }

        if (parent.ClosedOn is not null)
        {
            return $"“{parent.Name}”已撤销，不能作为上级。";
        }

        var name = region.Name;
        return await db.Regions.AnyAsync(r => r.ParentId == parent.Id && r.Name == name, ct)
            ? $"“{parent.Name}”之下已有同名地区“{name}”。"
            : null;
    }

    /// <summary>Re-parents <paramref name="region"/> and rewrites its subtree's paths; saves.</summary>
    public static async Task<int> MoveAsync(HarmonyDbContext db, Region region, Region parent, CancellationToken ct)
    {
        var oldPath = region.Path;
        var newPath = parent.Path + region.Id + "/";
        var subtree = await LoadAsync(db, region, ct);
        foreach (var r in subtree)
        {
            r.Path = newPath + r.Path[oldPath.Length..];
        }

        region.ParentId = parent.Id;
        region.Path = newPath;
        await db.SaveChangesAsync(ct);
        return subtree.Count;
    }
}
