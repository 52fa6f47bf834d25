using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
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
        var units = await db.MemberUnits.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Region.Code, u.ShortName }).ToListAsync(ct);
        var stored = units.GroupBy(u => u.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(u => u.ShortName).ToList(), StringComparer.Ordinal);

        // A region gets its default list the first time a page needs it (Core.Offices.MemberUnits.EnsureAsync): until then, the defaults.
        return new RuleCheckContext(
            regions,
            regions.Where(r => r.Level != RegionLevel.Town).ToDictionary(r => r.Code, r => stored.GetValueOrDefault(r.Code) ?? RuleCheckContext.DefaultUnits(r.Level), StringComparer.Ordinal),
            plans.Where(p => p.RuleSet is not null).Select(p => new StoredPlan(p.Jurisdiction, p.RuleSet!.FromYear, p.RuleSet.ToYear, p.Label, p.RuleSet)).ToList());
    }

    /// <summary>
    /// The latest version of every stored plan (a jurisdiction and the first year of its period). Versions stored before
    /// plans had periods (FromYear 0 until the portal's start-up fills it) are told apart by the period their JSON states;
    /// a version that no longer reads is returned with its errors.
    /// </summary>
    public static async Task<List<Plan>> LatestAsync(HarmonyDbContext db, CancellationToken ct, string? jurisdiction = null)
    {
        var versions = await db.RuleSetVersions.AsNoTracking()
            .Where(v => jurisdiction == null || v.Region.Code == jurisdiction)
            .Select(v => new { v.Version, v.PlanVersion, v.FromYear, v.ToYear, v.Json, RegionName = v.Region.Name, v.Region.Code, v.Region.Path })
            .ToListAsync(ct);
        return versions
            .Select(v => (v, Read: RuleSetReader.Read(v.Json)))
            .GroupBy(x => (x.v.Code, From: x.v.FromYear != 0 ? x.v.FromYear : x.Read.RuleSet?.FromYear))
            .Select(g => g.MaxBy(x => x.v.Version))
            .OrderBy(x => x.v.Path, StringComparer.Ordinal).ThenBy(x => x.v.FromYear)
            .Select(x => new Plan(Label(x.v.RegionName, x.v.Code, x.v.FromYear != 0 ? (x.v.FromYear, x.v.ToYear) : x.Read.RuleSet is { } set ? (set.FromYear, set.ToYear) : null, x.v.PlanVersion, x.v.Version),
                x.v.Code, x.Read.RuleSet, x.Read.Errors))
            .ToList();
    }

    /// <summary>"唐山市（130200）2021–2023 年规划 第 1 版", or the stored version's number where the plan's is not known yet.</summary>
    private static string Label(string regionName, string code, (int From, int To)? period, int planVersion, int version) =>
        $"{regionName}（{code}）" + (period is var (from, to) ? (from == to ? $"{from} 年规划" : $"{from}–{to} 年规划") : "") +
        (planVersion > 0 ? $" 第 {planVersion} 版" : $" 第 {version} 号版本");
}
