using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Rules;

/// <summary>Stores the seed jurisdictions' rule sets as version 1 where a jurisdiction has none yet.</summary>
public static class RuleSetSeeder
{
    public static async Task<int> SeedMissingAsync(HarmonyDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        var added = 0;
        foreach (var name in SeedRuleSets.Names)
        {
            var json = SeedRuleSets.Json(name);
            var ruleSet = SeedRuleSets.Load(name);
            var region = await db.Regions.SingleOrDefaultAsync(r => r.Code == ruleSet.Jurisdiction, ct);
            if (region is null || await db.RuleSetVersions.AnyAsync(v => v.RegionId == region.Id, ct))
            {
                continue;
            }

            db.RuleSetVersions.Add(new RuleSetVersion
            {
                RegionId = region.Id, Version = 1, Json = json, Name = ruleSet.Name, CreatedAtUtc = nowUtc, CreatedBy = "（种子文件）", Comment = ruleSet.Source,
            });
            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }
}
