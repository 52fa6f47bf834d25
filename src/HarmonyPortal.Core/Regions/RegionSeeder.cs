using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Regions;

/// <summary>Loads the seed jurisdictions and their tripartite offices into an empty region table.</summary>
public static class RegionSeeder
{
    public static async Task<bool> SeedIfEmptyAsync(HarmonyDbContext db, CancellationToken ct = default)
    {
        if (await db.Regions.AnyAsync(ct))
        {
            return false;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = 0;
        foreach (var province in RegionSeed.FiveJurisdictions)
        {
            await AddAsync(db, province, null, ++order, ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Adds the member units the seed notices name to seed regions of a database seeded before units existed (by short
    /// name; existing units are left as they are). Returns how many it added.
    /// </summary>
    public static async Task<int> EnsureSeedUnitsAsync(HarmonyDbContext db, CancellationToken ct = default)
    {
        var added = 0;
        foreach (var seed in RegionSeed.FiveJurisdictions.SelectMany(p => p.SelfAndDescendants()).Where(s => s.Units.Count > 0))
        {
            if (await db.Regions.SingleOrDefaultAsync(r => r.Code == seed.Code, ct) is not { } region)
            {
                continue;
            }

            var units = await MemberUnits.EnsureAsync(db, region.Id, ct);
            var next = units.Count == 0 ? 0 : units.Max(u => u.SortOrder);
            foreach (var unit in seed.Units.Where(u => MemberUnits.Named(units, u.ShortName) is null))
            {
                var added1 = unit.ToUnit(region, 0);
                (added1.SortOrder, added1.HostsOffice) = (next += 10, false);
                db.MemberUnits.Add(added1);
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    private static async Task AddAsync(HarmonyDbContext db, RegionSeed seed, Region? parent, int order, CancellationToken ct)
    {
        var region = await RegionWriter.AddAsync(db, new Region
        {
            Name = seed.Name,
            Code = seed.Code,
            IsLocalCode = seed.IsLocalCode,
            Level = seed.Level,
            SortOrder = order,
        }, parent, ct, seed.Units);

        var childOrder = 0;
        foreach (var child in seed.Children)
        {
            await AddAsync(db, child, region, ++childOrder, ct);
        }
    }
}
