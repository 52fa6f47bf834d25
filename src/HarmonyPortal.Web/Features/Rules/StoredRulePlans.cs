using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Checking;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>
/// What the rule checker needs from the database: the regions, each office's member units, and the stored plans —
/// the latest version of each plan, a plan being a jurisdiction and the first year of its period.
/// </summary>
public static class StoredRulePlans
{
    /// <summary>A stored plan as read back: its label for messages, the parsed rules or the reader's errors.</summary>
    public sealed record Plan(string Label, string Jurisdiction, RuleSet? RuleSet, IReadOnlyList<RuleFileError> Errors);

    public static async Task<RuleCheckContext> ContextAsync(HarmonyDbContext db, IReadOnlyList<Plan> plans, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking()
            .Select(r => new KnownRegion(r.Code, r.Name, r.Level, r.Parent != null ? r.Parent.Code : null))
            .ToListAsync(ct);
        var units = await db.OfficeParties.AsNoTracking().Select(p => new { p.Region.Code, p.ShortName }).ToListAsync(ct);
        return new RuleCheckContext(
            regions,
            units.GroupBy(u => u.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(u => u.ShortName).ToList(), StringComparer.Ordinal),
            plans.Where(p => p.RuleSet is not null).Select(p => new StoredPlan(p.Jurisdiction, p.RuleSet!.FromYear, p.RuleSet.ToYear, p.Label)).ToList());
    }

    /// <summary>
    /// The latest version of every stored plan. Versions are told apart by the period their JSON states, so a
    /// jurisdiction's 2021–2023 and 2024–2026 plans are both checked; a version that no longer reads is returned with its errors.
    /// </summary>
    public static async Task<List<Plan>> LatestAsync(HarmonyDbContext db, CancellationToken ct, string? jurisdiction = null)
    {
        var versions = await db.RuleSetVersions.AsNoTracking()
            .Where(v => jurisdiction == null || v.Region.Code == jurisdiction)
            .Select(v => new { v.Version, v.Json, RegionName = v.Region.Name, v.Region.Code, v.Region.Path })
            .ToListAsync(ct);
        return versions
            .Select(v => (v, Read: RuleSetReader.Read(v.Json)))
            .GroupBy(x => (x.v.Code, From: x.Read.RuleSet?.FromYear))
            .Select(g => g.MaxBy(x => x.v.Version))
            .OrderBy(x => x.v.Path, StringComparer.Ordinal).ThenBy(x => x.Read.RuleSet?.FromYear)
            .Select(x => new Plan(
                $"{x.v.RegionName}（{x.v.Code}）{x.Read.RuleSet?.PeriodText ?? ""}第 {x.v.Version} 版",
                x.v.Code, x.Read.RuleSet, x.Read.Errors))
            .ToList();
    }
}
