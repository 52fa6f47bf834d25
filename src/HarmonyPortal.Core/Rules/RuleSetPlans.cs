using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Rules;

/// <summary>The plan period and the number within the plan of stored versions, filled from their files.</summary>
public static class RuleSetPlans
{
    /// <summary>Sets <see cref="RuleSetVersion.FromYear"/>, ToYear and PlanVersion on versions stored before plans had periods.</summary>
    public static async Task<int> BackfillAsync(HarmonyDbContext db, CancellationToken ct = default)
    {
        var missing = await db.RuleSetVersions.Where(v => v.FromYear == 0).Select(v => v.RegionId).Distinct().ToListAsync(ct);
        var filled = 0;
        foreach (var regionId in missing)
        {
            var versions = await db.RuleSetVersions.Where(v => v.RegionId == regionId).OrderBy(v => v.Version).ToListAsync(ct);
            foreach (var version in versions.Where(v => v.FromYear == 0))
            {
                var set = RuleSetReader.Read(version.Json).RuleSet;
                (version.FromYear, version.ToYear) = set is null ? (Input.PortalYears.Earliest, Input.PortalYears.Earliest) : (set.FromYear, set.ToYear);
                filled++;
            }

            foreach (var plan in versions.GroupBy(v => v.FromYear))
            {
                var n = 0;
                foreach (var version in plan.OrderBy(v => v.Version))
                {
                    version.PlanVersion = ++n;
                }
            }

            await db.SaveChangesAsync(ct);
        }

        return filled;
    }
}
