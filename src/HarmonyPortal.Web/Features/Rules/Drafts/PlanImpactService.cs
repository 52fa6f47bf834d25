using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>
/// Measures what a proposed version of a jurisdiction's plan would change, reusing the engine: the quotas are measured by
/// <see cref="TaskQuotas"/> twice, with the stored plans and with the proposed one standing in for the jurisdiction's
/// (<see cref="PlanOverride"/>); nominees are re-evaluated by <see cref="RuleEvaluator"/> on their ledger rows. Reads only:
/// recorded verdicts and stored versions never change. The caller has checked the user may edit the jurisdiction's plan
/// (RuleDraftService.LoadAsync).
/// </summary>
public sealed partial class PlanImpactService(HarmonyDbContext db, TaskQuotas quotas, RuleSetCatalog catalog, Core.Nominations.HonourHistoryLookup history, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>What the publish page of a draft shows: its rules against the plan's latest published version, and the impact.</summary>
    /// <remarks>
    /// A new plan (no version of its period yet) started from another plan is compared with that plan as it was copied
    /// (dates moved into the new period, <see cref="PlanStart.Copy"/>), so the lines are the office's own changes.
    /// </remarks>
    public async Task<PublishReview> ReviewAsync(RuleDraftState state, CancellationToken ct)
    {
        var review = await ReviewAsync(state.Region, state.Draft.FromYear, state.Draft.ToYear, state.RuleSet, ct);
        if (!review.IsFirstVersion || state.Draft.BasedOnVersionId is not { } basedOn
            || await db.RuleSetVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == basedOn, ct) is not { } source)
        {
            return review;
        }

        var copied = PlanStart.Copy(RuleSetCatalog.Parse(source), state.Region.Code, state.RuleSet.Name, state.Draft.FromYear, state.Draft.ToYear);
        var region = source.RegionId == state.Region.Id ? "" : await db.Regions.Where(r => r.Id == source.RegionId).Select(r => r.Name).SingleAsync(ct);
        return review with
        {
            Diff = RuleSetDiff.Compare(copied, state.RuleSet, await NamesAsync(ct)),
            ComparedWith = $"{region}{source.PlanText} 第 {source.PlanVersion} 版（复制时日期已顺延至本规划期）",
        };
    }

    /// <summary>
    /// The difference between the plan's latest published version (the jurisdiction's version with the same first year) and
    /// the proposed rules, and the impact over the plan period.
    /// </summary>
    public async Task<PublishReview> ReviewAsync(Region jurisdiction, int fromYear, int toYear, RuleSet proposed, CancellationToken ct)
    {
        var current = await CurrentAsync(jurisdiction.Id, fromYear, ct);
        var diff = current is null ? [] : RuleSetDiff.Compare(current, proposed, await NamesAsync(ct));
        return new PublishReview(diff, await ImpactAsync(jurisdiction, fromYear, toYear, proposed, ct)) { IsFirstVersion = current is null };
    }

    /// <summary>The latest published version of the jurisdiction's plan starting in <paramref name="fromYear"/>, or null.</summary>
    public async Task<RuleSet?> CurrentAsync(int regionId, int fromYear, CancellationToken ct)
    {
        var version = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == regionId && v.FromYear == fromYear)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        return version is null ? null : RuleSetCatalog.Parse(version);
    }

    /// <summary>Region names by code and member units by their region's code and short name, for the difference's lines.</summary>
    public async Task<RuleNames> NamesAsync(CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var byCode = regions.GroupBy(r => r.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var units = await db.MemberUnits.AsNoTracking().Select(u => new { u.Region.Code, u.ShortName }).ToListAsync(ct);
        var known = units.Select(u => (u.Code, u.ShortName)).ToHashSet();
        return new RuleNames(code => byCode.GetValueOrDefault(code), (code, unit) => known.Contains((code, unit)) ? unit : null);
    }

    /// <summary>
    /// The impact of <paramref name="proposed"/> on the jurisdiction's subtree over the plan period: progress for every year
    /// of the period up to this year and the next year of the period, and the submitted nominees of the period's years.
    /// </summary>
    public async Task<PlanImpact> ImpactAsync(Region jurisdiction, int fromYear, int toYear, RuleSet proposed, CancellationToken ct)
    {
        var change = new PlanOverride(jurisdiction.Id, proposed);
        return new PlanImpact(await ProgressAsync(jurisdiction, YearsLookedAt(fromYear, toYear, Today.Year), change, ct),
            await VerdictsAsync(jurisdiction, fromYear, toYear, change, ct));
    }

    /// <summary>The years of the period up to <paramref name="thisYear"/>, and the first year of the period after it.</summary>
    public static IReadOnlyList<int> YearsLookedAt(int fromYear, int toYear, int thisYear)
    {
        var years = Enumerable.Range(fromYear, Math.Max(0, toYear - fromYear + 1)).ToList();
        return years.Where(y => y <= thisYear).Concat(years.Where(y => y > thisYear).Take(1)).ToList();
    }
}
