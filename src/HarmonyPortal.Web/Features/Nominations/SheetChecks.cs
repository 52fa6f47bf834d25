using System.Text.Json;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// What the rules service says about a sheet before it moves up: each nominee's criteria (with the
/// attestations), the region's quotas this year and over the period, and the deadline or its extension.
/// </summary>
public sealed class SheetChecks(HarmonyDbContext db, GoldRuleLookup rules, HonourHistoryLookup history)
{
    public sealed record NomineeVerdict(Nomination Nomination, LedgerRow? Row, Verdict? Verdict);

    public sealed record Report(GoldRules Rules, IReadOnlyList<NomineeVerdict> Nominees, IReadOnlyList<SheetFinding> Quotas, SheetFinding? Deadline)
    {
        /// <summary>Every reason the sheet may not move up, each naming the nominee or the quota.</summary>
        public IReadOnlyList<string> Blocking()
        {
            var reasons = new List<string>();
            foreach (var (item, index) in Nominees.Select((n, i) => (n, i + 1)))
            {
                if (item.Row is null)
                {
                    reasons.Add($"第 {index} 位 {item.Nomination.Name}：台账记录已删除，请移出推荐表");
                    continue;
                }

                if (item.Verdict is { } verdict)
                {
                    reasons.AddRange(Unmet(verdict, anyOf: false).Select(text => $"第 {index} 位 {item.Nomination.Name}：{text}"));
                }
            }

            reasons.AddRange(Quotas.Where(q => q.Blocks).Select(q => q.Explanation));
            if (Deadline is { Blocks: true } deadline)
            {
                reasons.Add(deadline.Explanation);
            }

            return reasons;
        }

        /// <summary>
        /// The criteria under a verdict that keep it from being met: a node that can still be met by a reviewer confirming
        /// the evidence supplied (<see cref="Verdict.Possible"/>) blocks nothing; an "any one of" group with one met hides its members.
        /// </summary>
        private static IEnumerable<string> Unmet(Verdict verdict, bool anyOf)
        {
            if (verdict.Possible)
            {
                return [];
            }

            if (verdict.Node is CriterionGroup group)
            {
                return verdict.Members.SelectMany(m => Unmet(m, group.Kind == GroupKind.Any));
            }

            var criterion = (Criterion)verdict.Node;
            var text = criterion.Text + (anyOf ? "（其中一项即可）" : "");
            if (criterion.Id == TierProgression.CriterionId)
            {
                // "需此前年度已获“银牌”称号：未查到2025年及以前的记录"
                return [$"{text}：{verdict.Explanation}"];
            }

            return [verdict.Outcome == Outcome.NotMet ? $"不符合“{text}”——{verdict.Explanation}" : $"缺少证明材料——{text}"];
        }

        public static IReadOnlyList<string> UnmetReasons(Verdict verdict) => Unmet(verdict, anyOf: false).ToList();
    }

    /// <summary>The attested conditions the verdict still needs a reviewer to confirm, each named (an "any one of" group's marked so).</summary>
    public static IReadOnlyList<string> AwaitingReview(Verdict verdict) => Awaiting(verdict, anyOf: false).ToList();

    private static IEnumerable<string> Awaiting(Verdict verdict, bool anyOf) => verdict.Outcome == Outcome.Met
        ? []
        : verdict.Node is CriterionGroup group
            ? verdict.Members.SelectMany(m => Awaiting(m, group.Kind == GroupKind.Any))
            : verdict.AwaitingReview().Select(v => $"“{((Criterion)v.Node).Text}”" + (anyOf ? "（其中一项即可）" : ""));

    /// <summary>Checks the nominees (all of the sheet's, or those given) against the rules in force for the sheet's region.</summary>
    public async Task<Report> CheckAsync(NominationSheet sheet, Region region, IReadOnlyList<Nomination> nominees, DateOnly today, CancellationToken ct)
    {
        var goldRules = await rules.ForAsync(region, sheet, ct);
        var ids = nominees.Select(n => n.LedgerRowId).ToList();
        var rows = await goldRules.LedgerDefinition.Rows(db).AsNoTracking().Include(r => r.Region).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var held = await history.ForAsync(goldRules, rows.Values, ct);
        var verdicts = nominees.Select(n =>
        {
            var row = rows.GetValueOrDefault(n.LedgerRowId);
            var criteria = goldRules.Criteria(sheet.Category, n.Tier);
            var attested = NominationAttestation.Reviews(n.Attestations);
            return new NomineeVerdict(n, row, row is null || criteria is null ? null : RuleEvaluator.Evaluate(criteria, row, attested, today, held));
        }).ToList();

        var quotas = goldRules.Task is { } task ? await QuotasAsync(task, goldRules.TaskSet!, sheet, region, nominees, ct) : [];
        var deadline = await DeadlineAsync(goldRules, region, sheet.Category, sheet.Year, sheet.Batch, today, ct, sheet.HonourTaskId);
        return new Report(goldRules, verdicts, quotas, deadline);
    }

    /// <summary>
    /// The deadline of the step the region's sheet is due by (a county's submission, a city's report), or the extension
    /// of that step granted to the region; "本级规则未规定报送期限" when no plan up the chain sets one.
    /// </summary>
    public async Task<SheetFinding> DeadlineAsync(GoldRules goldRules, Region region, GoldCategory category, int year, int batch, DateOnly today, CancellationToken ct, string honour = "")
    {
        var step = SheetEvaluator.StepOf(region.Level);
        var extensions = await db.DeadlineExtensions.LatestByRegionAsync([region.Id], category, year, batch, step, ct, honour);
        DateOnly? extension = extensions.TryGetValue(region.Id, out var date) ? date : null;
        return SheetEvaluator.Deadline(goldRules.DeadlineOf(category, step, batch), step, today, extension) ?? new SheetFinding(true, SheetEvaluator.NoDeadline);
    }

    /// <summary>The verdict as JSON for the evaluation record: what a reviewer reads back years later.</summary>
    public static string VerdictJson(Verdict verdict) => JsonSerializer.Serialize(Node(verdict), JsonOptions);

    public static RecordedVerdict? ReadVerdict(string json) => JsonSerializer.Deserialize<RecordedVerdict>(json, JsonOptions);

    private static RecordedVerdict Node(Verdict verdict) => new(
        verdict.Node is Criterion c ? c.Id : null,
        verdict.Node switch { Criterion leaf => leaf.Text, CriterionGroup g => g.Text, _ => null },
        verdict.Outcome,
        verdict.Explanation,
        verdict.Members.Select(Node).ToList());

    private async Task<IReadOnlyList<SheetFinding>> QuotasAsync(RuleTask task, RuleSet set, NominationSheet sheet, Region region, IReadOnlyList<Nomination> onSheet, CancellationToken ct)
    {
        // Count the sheet's nominees plus the region's other sheets (other batches, other years of the plan); a tier's
        // quota counts the nominees for that tier only.
        var others = await db.Nominations.AsNoTracking().Where(n => n.Category == sheet.Category && n.HonourTaskId == sheet.HonourTaskId && n.SheetId != sheet.Id && (n.CitySheetId == null || n.CitySheetId != sheet.Id)
                && (n.RegionId == region.Id || n.CitySheetId != null && n.CitySheet!.RegionId == region.Id && n.CityDecision != Decision.No))
            .GroupBy(n => new { n.Year, n.Tier }).Select(g => new { g.Key.Year, g.Key.Tier, Count = g.Count() }).ToListAsync(ct);
        return SheetEvaluator.Quotas(task, set, region, sheet.Year, (years, tier) =>
            others.Where(o => years.Contains(o.Year) && (tier is null || o.Tier == tier)).Sum(o => o.Count)
            + (years.Contains(sheet.Year) ? onSheet.Count(n => tier is null || n.Tier == tier) : 0));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

/// <summary>A stored verdict: a criterion (or group), its outcome and its explanation.</summary>
public sealed record RecordedVerdict(string? Id, string? Text, Outcome Outcome, string Explanation, IReadOnlyList<RecordedVerdict> Members)
{
    public IEnumerable<RecordedVerdict> Leaves() => Members.Count == 0 ? [this] : Members.SelectMany(m => m.Leaves());
}
