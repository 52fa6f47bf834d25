using System.Globalization;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

public sealed partial class PlanImpactService
{
    /// <summary>
    /// Each quota line of a region of the subtree (towns aside) whose requirement, standing or count differs between the stored
    /// and the proposed rules, year by year: "2023 年 · 忻州市 · 千户企业培育共同行动计划（每年）：要求 ≥ 4 户 → ≥ 5 户，现有 4 户（达标 → 未达标）".
    /// </summary>
    private async Task<IReadOnlyList<string>> ProgressAsync(Region jurisdiction, IReadOnlyList<int> years, PlanOverride change, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().InSubtreeOf(jurisdiction.Path).Where(r => r.Level != RegionLevel.Town)
            .OrderBy(r => r.Level).ThenBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync(ct);
        var current = await CurrentAsync(jurisdiction.Id, change.Plan.FromYear, ct);
        var only = current is null ? null : Changed(current, change.Plan);
        var lines = new List<string>();
        foreach (var year in years)
        {
            var before = Keyed(await quotas.AchievedAsync(regions, year, ct, only: only));
            var after = Keyed(await quotas.AchievedAsync(regions, year, ct, change, only));
            foreach (var (key, now) in after)
            {
                var line = before.Remove(key, out var was) ? Changed(year, was, now) : $"{Label(year, now)}：新增要求 {RuleTexts.Requirement(now.Quota)}，现有 {Achieved(now)}（{StatusName(now.Judgement.Status)}）";
                if (line is not null)
                {
                    lines.Add(line);
                }
            }

            lines.AddRange(before.Values.Select(was => $"{Label(year, was)}：不再要求 {RuleTexts.Requirement(was.Quota)}（原为{StatusName(was.Judgement.Status)}）"));
        }

        return lines;
    }

    /// <summary>
    /// Which quotas can read differently: where the period or the inheritance of quotas stays, a quota of another plan, or one of
    /// the jurisdiction's plan stated alike in both versions over a task measured alike, measures the same under both; the others
    /// are measured. Null (measure all) when the period or the inheritance changes.
    /// </summary>
    private static Func<RuleSet, RuleTask, Quota, bool>? Changed(RuleSet current, RuleSet proposed)
    {
        if (current.FromYear != proposed.FromYear || current.ToYear != proposed.ToYear || current.Inherits.Quotas != proposed.Inherits.Quotas)
        {
            return null;
        }

        var before = Fingerprints(current);
        var after = Fingerprints(proposed);
        return (plan, task, quota) => plan.Jurisdiction == proposed.Jurisdiction && (ReferenceEquals(plan, proposed) ? !before.Contains(Fingerprint(task, quota)) : !after.Contains(Fingerprint(task, quota)));
    }

    private static HashSet<string> Fingerprints(RuleSet set) =>
        set.Tasks.SelectMany(t => t.Quotas.Select(q => Fingerprint(t, q))).ToHashSet(StringComparer.Ordinal);

    /// <summary>Everything measuring a quota reads: the task's kind and measure, what the quota binds and counts, and its numbers.</summary>
    private static string Fingerprint(RuleTask task, Quota q) =>
        $"{task.Id}|{task.Kind}|{task.Measure}|{task.Honour?.Category}|{task.Honour?.Ledger}|{task.Indicator}|{RuleSetDiff.QuotaKey(q)}|{q.Min}|{q.Max}|{q.Share}|{q.Approximate}|{q.Unit}";

    private static string? Changed(int year, QuotaAchievement was, QuotaAchievement now)
    {
        var (r0, r1) = (RuleTexts.Requirement(was.Quota), RuleTexts.Requirement(now.Quota));
        var (a0, a1) = (Achieved(was), Achieved(now));
        var (s0, s1) = (was.Judgement.Status, now.Judgement.Status);
        if (r0 == r1 && a0 == a1 && s0 == s1)
        {
            return null;
        }

        var requirement = r0 == r1 ? $"要求 {r1}" : $"要求 {r0} → {r1}";
        var achieved = a0 == a1 ? $"现有 {a1}" : $"现有 {a0} → {a1}";
        var status = s0 == s1 ? StatusName(s1) : $"{StatusName(s0)} → {StatusName(s1)}";
        return s0 == s1 && a0 == a1 && a1 == StatusName(s1)
            ? $"{Label(year, now)}：{requirement}，{achieved}"
            : $"{Label(year, now)}：{requirement}，{achieved}（{status}）";
    }

    /// <summary>"2023 年 · 忻州市 · 千户企业培育共同行动计划（每年）".</summary>
    private static string Label(int year, QuotaAchievement a) => $"{year} 年 · {a.Holder} · {a.Task.Name}（{RuleTexts.Period(a.Quota)}）";

    private static string Achieved(QuotaAchievement a) => a switch
    {
        { Quota.Share: not null, Total: { } total } => total > 0
            ? $"{(a.Achieved * 100m / total).ToString("0.#", CultureInfo.InvariantCulture)}%（{a.Achieved} / {total}）"
            : "0 / 0",
        { Judgement.Status: QuotaStatus.Unknown } => "无法计量",
        _ => $"{a.Achieved} {(a.Quota.Share is null ? a.Quota.Unit : "")}".TrimEnd(),
    };

    public static string StatusName(QuotaStatus status) => status switch
    {
        QuotaStatus.Met => "达标",
        QuotaStatus.InProgress => "进行中",
        QuotaStatus.Shortfall => "未达标",
        QuotaStatus.Over => "超过上限",
        _ => "无法计量",
    };

    /// <summary>Achievements by holder, plan, task and quota (two quotas alike in all of these are matched in their order).</summary>
    private static Dictionary<string, QuotaAchievement> Keyed(IReadOnlyList<QuotaAchievement> achievements)
    {
        var keyed = new Dictionary<string, QuotaAchievement>(StringComparer.Ordinal);
        foreach (var group in achievements.GroupBy(a => $"{a.Region.Id}|{a.MemberUnit}|{a.Plan.Jurisdiction}|{a.Task.Id}|{RuleSetDiff.QuotaKey(a.Quota)}", StringComparer.Ordinal))
        {
            foreach (var (a, index) in group.Select((a, i) => (a, i)))
            {
                keyed[$"{group.Key}#{index}"] = a;
            }
        }

        return keyed;
    }
}
