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

    private static async Task AddAsync(HarmonyDbContext db, RegionSeed seed, Region? parent, int order, CancellationToken ct)
    {
        var region = await RegionWriter.AddAsync(db, new Region
        {
            Name = seed.Name,
            Code = seed.Code,
            IsLocalCode = seed.IsLocalCode,
            Level = seed.Level,
            SortOrder = order,
        }, parent, ct);

        var childOrder = 0;
        foreach (var child in seed.Children)
        {
            await AddAsync(db, child, region, ++childOrder, ct);
        }
    }
}
