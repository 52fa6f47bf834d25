using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;

namespace HarmonyPortal.Core.Regions;

/// <summary>
/// Adds a region under its parent: stores it, derives its materialized path from the new id, and
/// opens its tripartite office (the default four member units) unless it is a town, which has none.
/// Callers own the transaction.
/// </summary>
public static class RegionWriter
{
    public static async Task<Region> AddAsync(HarmonyDbContext db, Region region, Region? parent, CancellationToken ct, IReadOnlyList<SeedUnit>? units = null)
    {
        region.ParentId = parent?.Id;
        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);

        region.Path = (parent?.Path ?? "/") + region.Id + "/";
        if (units is { Count: > 0 })
        {
            db.MemberUnits.AddRange(units.Select((u, i) => u.ToUnit(region, i)));
        }
        else if (region.Level != RegionLevel.Town)
        {
            db.MemberUnits.AddRange(MemberUnits.DefaultsFor(region));
        }

        await db.SaveChangesAsync(ct);
        return region;
    }
}
