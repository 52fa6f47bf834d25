using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Regions;

/// <summary>The names regions carried in a given year: old years' pages show the name of that year.</summary>
public static class RegionNames
{
    /// <summary>Sets each (untracked) region's <see cref="Region.Name"/> to its name in <paramref name="year"/>.</summary>
    public static async Task ApplyYearAsync(HarmonyDbContext db, IEnumerable<Region> regions, int year, CancellationToken ct)
    {
        var list = regions.ToList();
        var names = await ForYearAsync(db, list.Select(r => r.Id), year, ct);
        foreach (var region in list)
        {
            // A tracked region is left alone: a later save would store the old name.
            if (names.TryGetValue(region.Id, out var name) && db.Entry(region).State == EntityState.Detached)
            {
                region.Name = name;
            }
        }
    }

    /// <summary>The regions among <paramref name="ids"/> that had another name in <paramref name="year"/>, with that name.</summary>
    public static async Task<Dictionary<int, string>> ForYearAsync(HarmonyDbContext db, IEnumerable<int> ids, int year, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.RegionNames.AsNoTracking()
            .Where(n => wanted.Contains(n.RegionId) && n.ToYear >= year && (n.FromYear == null || n.FromYear <= year))
            .ToListAsync(ct);
        return rows.GroupBy(n => n.RegionId).ToDictionary(g => g.Key, g => g.OrderBy(n => n.ToYear).First().Name);
    }
}
