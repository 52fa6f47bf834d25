using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

public sealed partial class PlanImpactService
{
    private static readonly SheetStatus[] Submitted = [SheetStatus.Submitted, SheetStatus.Approved, SheetStatus.Forwarded, SheetStatus.Published];

    /// <summary>
    /// The nominees of the subtree on sheets submitted or further along, of the period's years, whose verdict under the proposed
    /// criteria differs from the one recorded at submission — where the proposed rules, not later evidence or ledger edits, make
    /// the difference: the same nominee (ledger row, reviewers' confirmations, day of the recorded verdict) evaluated under the
    /// criteria in force gives another verdict than under the proposed ones. Named as the nomination lists name them.
    /// </summary>
    private async Task<IReadOnlyList<string>> VerdictsAsync(Region jurisdiction, int fromYear, int toYear, PlanOverride change, CancellationToken ct)
    {
        var nominees = await db.Nominations.AsNoTracking().Include(n => n.Region).Include(n => n.Attestations)
            .InSubtreeOf(jurisdiction.Path).Where(n => n.Year >= fromYear && n.Year <= toYear && Submitted.Contains(n.Sheet.Status) && n.HonourTaskId == "")
            .OrderBy(n => n.Year).ThenBy(n => n.Category).ThenBy(n => n.Region.Path).ThenBy(n => n.Id).ToListAsync(ct);
        if (nominees.Count == 0)
        {
            return [];
        }

        var ids = nominees.Select(n => n.Id).ToList();
        var recorded = (await db.NominationEvaluations.AsNoTracking().Where(e => ids.Contains(e.NominationId)).ToListAsync(ct))
            .GroupBy(e => e.NominationId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!);
        var rows = new Dictionary<(GoldCategory, long), LedgerRow>();
        foreach (var category in nominees.Select(n => n.Category).Distinct())
        {
            var rowIds = nominees.Where(n => n.Category == category).Select(n => n.LedgerRowId).ToList();
            foreach (var row in await GoldRules.Ledger(category).Rows(db).AsNoTracking().Where(r => rowIds.Contains(r.Id)).ToListAsync(ct))
            {
                rows[(category, row.Id)] = row;
            }
        }

        var held = await history.ForAsync(nominees.Where(n => rows.ContainsKey((n.Category, n.LedgerRowId))).Select(n => (n.Category, rows[(n.Category, n.LedgerRowId)])), ct);
        var lines = new List<string>();
        var criteria = new Dictionary<(int, int, GoldCategory), (CriterionNode? Now, CriterionNode? Proposed, Honour? NowHonour, Honour? ProposedHonour)>();
        foreach (var nominee in nominees)
        {
            if (!rows.TryGetValue((nominee.Category, nominee.LedgerRowId), out var row))
            {
                continue;
            }

            var key = (nominee.RegionId, nominee.Year, nominee.Category);
            if (!criteria.TryGetValue(key, out var pair))
            {
                var regionIds = Region.IdsLeafToRoot(nominee.Region.Path);
                var chain = await catalog.ChainAsync(nominee.Region, nominee.Year, ct);
                var proposedChain = TaskQuotas.WithProposed(chain, regionIds, change, nominee.Year);
                criteria[key] = pair = (CriteriaOf(chain, nominee.Category, nominee.Year), CriteriaOf(proposedChain, nominee.Category, nominee.Year),
                    HonourOf(chain, nominee.Category), HonourOf(proposedChain, nominee.Category));
            }

            var evaluation = recorded.GetValueOrDefault(nominee.Id);
            var on = evaluation?.EvaluatedOn ?? Today;
            var attested = NominationAttestation.Reviews(nominee.Attestations);
            // A nominee of a tier answers also to the tier below held earlier, as the tiers of each version say.
            var nowCriteria = TierProgression.With(pair.Now, pair.NowHonour is { } nh ? TierProgression.Requirement(nh, nominee.Category, nominee.Tier) : null);
            var proposedCriteria = TierProgression.With(pair.Proposed, pair.ProposedHonour is { } ph ? TierProgression.Requirement(ph, nominee.Category, nominee.Tier) : null);
            var now = nowCriteria is null ? null : RuleEvaluator.Evaluate(nowCriteria, row, attested, on, held);
            var proposed = proposedCriteria is null ? null : RuleEvaluator.Evaluate(proposedCriteria, row, attested, on, held);
            if (proposed?.Outcome == now?.Outcome || proposed?.Outcome == evaluation?.Outcome)
            {
                continue;
            }

            var reason = proposed is null ? "" : Reason(proposed, now);
            lines.Add($"{nominee.Name}（{nominee.Region.Name}）· {nominee.Year} 年 · {TaskKinds.TitleOf(nominee.Category)}：" +
                $"记录的结论 {OutcomeText(evaluation?.Outcome)} → 按新规则 {OutcomeText(proposed?.Outcome)}{(reason.Length > 0 ? $"（{reason}）" : "")}");
        }

        return lines;
    }

    /// <summary>The criteria that apply to the category in the year along the chain (<see cref="GoldRuleLookup.CriteriaIndex"/>).</summary>
    private static CriterionNode? CriteriaOf(IReadOnlyList<(RuleSet RuleSet, RuleSetVersion Version)> chain, GoldCategory category, int year) =>
        GoldRuleLookup.CriteriaIndex(chain, category, year) is var at and >= 0 ? chain[at].RuleSet.CriteriaFor(category, year) : null;

    /// <summary>The honour conferring the category: of the nearest plan up the chain that has one.</summary>
    private static Honour? HonourOf(IReadOnlyList<(RuleSet RuleSet, RuleSetVersion Version)> chain, GoldCategory category) =>
        chain.Select(c => c.RuleSet.HonourTask(category)?.Honour).FirstOrDefault(h => h is not null);

    /// <summary>The proposed verdict's unmet conditions that the criteria in force do not fail: "学历 本科 < 要求 硕士研究生".</summary>
    private static string Reason(Verdict proposed, Verdict? now)
    {
        var failedNow = now?.Leaves().Where(l => l.Outcome == Outcome.NotMet && l.Node is Criterion).Select(l => ((Criterion)l.Node).Id).ToHashSet(StringComparer.Ordinal) ?? [];
        return string.Join("；", proposed.Leaves().Where(l => l.Outcome == Outcome.NotMet && l.Node is Criterion c && !failedNow.Contains(c.Id)).Select(l => l.Explanation));
    }

    private static string OutcomeText(Outcome? outcome) => outcome is { } o ? EligibilityCard.OutcomeName(o) : "未经条件检查";
}
