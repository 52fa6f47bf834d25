using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// The names a row's 所属乡镇街道（园区） picks from: the towns, streets and parks its county registered in the
/// 乡镇（街道）、园区名录 (<see cref="TownOrPark"/>) for the row's year, or for the latest year registered when that year
/// has none yet. The coverage targets match coordinators to the register by this name, so picking it avoids misspellings.
/// </summary>
public static class TownRegister
{
    /// <summary>The field that names a town in the ledgers that have one (coordinators, enterprises, organisations).</summary>
    public const string FieldKey = nameof(Coordinator.TownName);

    /// <summary>Towns first, then streets, then parks, each by name; empty when the region registered none.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(HarmonyDbContext db, int regionId, int year, CancellationToken ct)
    {
        var registered = db.TownsAndParks.AsNoTracking().Where(t => t.RegionId == regionId);
        var years = await registered.Select(t => t.Year).Distinct().ToListAsync(ct);
        if (years.Count == 0)
        {
            return [];
        }

        var shown = years.Contains(year) ? year : years.Max();
        return await registered.Where(t => t.Year == shown).OrderBy(t => t.Kind).ThenBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
    }
}
