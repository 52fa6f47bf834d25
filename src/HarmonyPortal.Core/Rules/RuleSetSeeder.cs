using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Rules;

/// <summary>
/// Stores the seed jurisdictions' plans as version 1 where the jurisdiction has no plan of that period yet, and
/// as a new version where the plan's latest is an older seed (a seed file gained e.g. coverage targets) that no
/// office replaced. Stored versions are never changed; versions stored before plans had periods get theirs first.
/// </summary>
public static class RuleSetSeeder
{
    public const string SeedAuthor = "（种子文件）";

    public static async Task<int> SeedMissingAsync(HarmonyDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        await RuleSetPlans.BackfillAsync(db, ct);
        var added = 0;
        foreach (var name in SeedRuleSets.Names)
        {
            var json = SeedRuleSets.Json(name);
            var ruleSet = SeedRuleSets.Load(name);
            var region = await db.Regions.SingleOrDefaultAsync(r => r.Code == ruleSet.Jurisdiction, ct);
            if (region is null)
            {
                continue;
            }

            var latest = await db.RuleSetVersions.Where(v => v.RegionId == region.Id && v.FromYear == ruleSet.FromYear).OrderByDescending(v => v.Version)
                .Select(v => new { v.PlanVersion, v.Json, v.CreatedBy }).FirstOrDefaultAsync(ct);
            if (latest is not null && (latest.CreatedBy != SeedAuthor || latest.Json == json))
            {
                continue;
            }

            var last = await db.RuleSetVersions.Where(v => v.RegionId == region.Id).MaxAsync(v => (int?)v.Version, ct) ?? 0;
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                RegionId = region.Id, Version = last + 1, FromYear = ruleSet.FromYear, ToYear = ruleSet.ToYear, PlanVersion = (latest?.PlanVersion ?? 0) + 1,
                Json = json, Name = ruleSet.Name, CreatedAtUtc = nowUtc, CreatedBy = SeedAuthor,
                Comment = latest is null ? ruleSet.Source : "种子文件更新：" + ruleSet.Source,
            });
            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }
}
