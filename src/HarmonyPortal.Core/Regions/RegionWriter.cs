using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;

namespace HarmonyPortal.Core.Regions;

/// <summary>
/// Adds a region under its parent: stores it, derives its materialized path from the new id, and
/// opens its tripartite office (the four parties) unless it is a town, which has none.
/// Callers own the transaction.
/// </summary>
public static class RegionWriter
{
    public static async Task<Region> AddAsync(HarmonyDbContext db, Region region, Region? parent, CancellationToken ct)
    {
        region.ParentId = parent?.Id;
        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);

        region.Path = (parent?.Path ?? "/") + region.Id + "/";
        if (region.Level != RegionLevel.Town)
        {
            foreach (var party in PartyNames.All)
            {
                db.OfficeParties.Add(new OfficeParty
                {
                    RegionId = region.Id,
                    Party = party,
                    Name = party.FullNameIn(region.Name),
                    ShortName = ShortPrefix(region.Level) + party.ToChinese(),
                    HostsOffice = party == Party.HumanResources,
                });
            }
        }

        await db.SaveChangesAsync(ct);
        return region;
    }

    private static string ShortPrefix(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省",
        RegionLevel.City => "市",
        _ => "县",
    };
}
