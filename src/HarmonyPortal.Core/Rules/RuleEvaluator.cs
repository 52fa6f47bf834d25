using System.Globalization;
using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Core.Rules;

public enum Outcome
{
    Met,
    NotMet,
    NeedsAttestation,
}

/// <summary>A criterion's (or group's) outcome with the reason in Chinese, e.g. "调解成功率 58% < 要求 65%".</summary>
public sealed record Verdict(CriterionNode Node, Outcome Outcome, string Explanation, IReadOnlyList<Verdict> Members)
{
    /// <summary>An attested condition for which the clerk has not supplied evidence yet (nothing for a reviewer to confirm).</summary>
    public bool EvidenceMissing { get; init; }

    /// <summary>The reviewer's decision on an attested condition, or null when none is recorded.</summary>
    public AttestationReview? Review { get; init; }

    public IEnumerable<Verdict> Leaves() => Members.Count == 0 ? [this] : Members.SelectMany(m => m.Leaves());

    /// <summary>
    /// Whether the verdict can still become "符合" by reviewers confirming the evidence already supplied: a sheet with such
    /// nominees may move up, and the reviewer of the level above decides.
    /// </summary>
    public bool Possible => Outcome switch
    {
        Outcome.Met => true,
        Outcome.NotMet => false,
        _ when Node is CriterionGroup { Kind: GroupKind.Any } => Members.Any(m => m.Possible),
        _ when Members.Count > 0 => Members.All(m => m.Possible),
        _ => !EvidenceMissing,
    };

    /// <summary>
    /// The attested conditions awaiting a reviewer that the verdict still needs: none under a met node (an "any one
    /// of" group with one member met needs nothing more); every pending member of an unmet group.
    /// </summary>
    public IEnumerable<Verdict> AwaitingReview() => Outcome == Outcome.Met
        ? []
        : Members.Count > 0 ? Members.SelectMany(m => m.AwaitingReview())
        : Outcome == Outcome.NeedsAttestation && !EvidenceMissing ? [this] : [];
}

/// <summary>
/// Evaluates a candidate (a ledger row plus the evidence of its attested conditions and the reviewers' decisions on
/// it) against a category's criteria. Only a reviewer's confirmation meets an attested condition; the clerk's
/// evidence alone leaves it "待审核确认".
/// </summary>
public static class RuleEvaluator
{
    /// <summary>
    /// Evaluates with the candidate's earlier nominations (<paramref name="history"/>), which "held an honour in an earlier
    /// year" tests read; every page that shows a verdict looks the history up once (HonourHistoryLookup) and passes it.
    /// </summary>
    public static Verdict Evaluate(CriterionNode node, LedgerRow candidate, IReadOnlyDictionary<string, AttestationReview> attestations, DateOnly on, HonourHistory history) => node switch
    {
        CriterionGroup group => Group(group, group.Members.Select(m => Evaluate(m, candidate, attestations, on, history)).ToList()),
        Criterion { Test: null } c => Attested(c, attestations.GetValueOrDefault(c.Id)),
        Criterion { Test: { } t } c when HonourFacts.IsHonour(t.Fact) => HonourTest(c, t, candidate, history),
        Criterion c => Test(c, c.Test, candidate, on),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>Evaluates without earlier nominations: nobody held any honour before.</summary>
    public static Verdict Evaluate(CriterionNode node, LedgerRow candidate, IReadOnlyDictionary<string, AttestationReview> attestations, DateOnly on) =>
        Evaluate(node, candidate, attestations, on, HonourHistory.None);

    /// <summary>Evaluates without any attestation: what the ledger data alone decides (the ledger's eligibility card).</summary>
    public static Verdict Evaluate(CriterionNode node, LedgerRow candidate, DateOnly on, HonourHistory history) =>
        Evaluate(node, candidate, new Dictionary<string, AttestationReview>(), on, history);

    /// <summary>Evaluates without any attestation and without earlier nominations.</summary>
    public static Verdict Evaluate(CriterionNode node, LedgerRow candidate, DateOnly on) =>
        Evaluate(node, candidate, new Dictionary<string, AttestationReview>(), on, HonourHistory.None);

    /// <summary>
    /// Held (or not held) the honour in an earlier year: the same person or organisation on a published list of it. A
    /// nomination that was not published is named in the reason but holds nothing.
    /// </summary>
    private static Verdict HonourTest(Criterion criterion, CriterionTest test, LedgerRow candidate, HonourHistory history)
    {
        if (HonourFacts.Parse(test.Fact) is not { } honour)
        {
            return new Verdict(criterion, Outcome.NotMet, $"{criterion.Text}：称号“{test.Fact}”无法识别，规则配置有误", []);
        }

        int? within = test.Value is { } v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var records = history.Matching(candidate, honour, within).ToList();
        var held = records.Where(r => r.Published).Select(r => r.Year).Distinct().Order().ToList();
        var window = HonourFacts.Window(candidate.Year, within);
        var nominatedOnly = records.Where(r => !r.Published).Select(r => r.Year).Except(held).Distinct().Order().ToList();
        var heldText = $"{string.Join("、", held)}年已获该称号（已公布入选）";
        var noneText = $"未查到{window}的记录" + (nominatedOnly.Count > 0 ? $"（{string.Join("、", nominatedOnly)}年曾获推荐，未列入公布名单）" : "");
        return test.Operator == TestOperator.NotHeld
            ? new Verdict(criterion, held.Count == 0 ? Outcome.Met : Outcome.NotMet, held.Count == 0 ? noneText : heldText, [])
            : new Verdict(criterion, held.Count > 0 ? Outcome.Met : Outcome.NotMet, held.Count > 0 ? heldText : noneText, []);
    }

    private static Verdict Attested(Criterion c, AttestationReview? review) => review switch
    {
        null => new Verdict(c, Outcome.NeedsAttestation, $"需提供证明材料，由上级审核人员确认：{c.Text}", []) { EvidenceMissing = true },
        { State: AttestationState.Confirmed } => new Verdict(c, Outcome.Met, $"已由审核人员确认（{review.Reviewer}，{review.ReviewedOn:yyyy-MM-dd}）：{c.Text}", []) { Review = review },
        { State: AttestationState.Rejected } => new Verdict(c, Outcome.NotMet, $"审核人员未予确认（{review.Reviewer}，{review.ReviewedOn:yyyy-MM-dd}）：{review.Reason}", []) { Review = review },
        _ => new Verdict(c, Outcome.NeedsAttestation, $"待审核确认：{c.Text}（证明材料：{review.Evidence}）", []) { Review = review },
    };

    private static Verdict Group(CriterionGroup group, List<Verdict> members)
    {
        var outcome = group.Kind == GroupKind.All
            ? members.Any(m => m.Outcome == Outcome.NotMet) ? Outcome.NotMet : members.All(m => m.Outcome == Outcome.Met) ? Outcome.Met : Outcome.NeedsAttestation
            : members.Any(m => m.Outcome == Outcome.Met) ? Outcome.Met : members.All(m => m.Outcome == Outcome.NotMet) ? Outcome.NotMet : Outcome.NeedsAttestation;
        var met = members.Count(m => m.Outcome == Outcome.Met);
        var explanation = group.Kind == GroupKind.All
            ? $"须全部满足（{met}/{members.Count} 项已满足）"
            : $"满足其中一项即可（{met}/{members.Count} 项已满足）";
        return new Verdict(group, outcome, (group.Text is null ? "" : group.Text + "：") + explanation, members);
    }

    private static Verdict Test(Criterion criterion, CriterionTest test, LedgerRow candidate, DateOnly on)
    {
        var fact = LedgerFacts.Of(candidate, test.Fact);
        if (fact is null)
        {
            return new Verdict(criterion, Outcome.NotMet, $"{criterion.Text}：该台账没有“{test.Fact}”这一指标，规则配置有误", []);
        }

        switch (test.Operator)
        {
            case TestOperator.IsTrue:
                return new Verdict(criterion, fact.Flag == true ? Outcome.Met : Outcome.NotMet, $"{fact.Label}：{fact.Display}", []);
            case TestOperator.IsFalse:
                return new Verdict(criterion, fact.Flag == false ? Outcome.Met : Outcome.NotMet, $"{fact.Label}：{fact.Display}（要求为“否”）", []);
            case TestOperator.Held or TestOperator.NotHeld:
                return new Verdict(criterion, Outcome.NotMet, $"{criterion.Text}：“{fact.Label}”不是称号，规则配置有误", []);
            case TestOperator.NoneWithinYears:
            {
                var years = int.Parse(test.Value!, CultureInfo.InvariantCulture);
                // The window includes its first day: a record exactly N years ago still counts.
                var within = fact.Date is { } date && date >= on.AddYears(-years);
                return new Verdict(criterion, within ? Outcome.NotMet : Outcome.Met,
                    within ? $"{fact.Label}：{fact.Display} 有记录，在近 {years} 年内" : $"{fact.Label}：近 {years} 年内无记录（最近：{fact.Display}）", []);
            }

            default:
            {
                var required = LedgerFacts.Required(test.Fact, test.Value);
                var requiredText = test.Value + LedgerFacts.Unit(test.Fact);
                if (fact.Number is not { } actual || required is null)
                {
                    return new Verdict(criterion, Outcome.NotMet, $"{fact.Label} {fact.Display}，无法与要求 {requiredText} 比较", []);
                }

                var ok = test.Operator == TestOperator.AtLeast ? actual >= required : actual <= required;
                var sign = (test.Operator, ok) switch
                {
                    (TestOperator.AtLeast, true) => "≥",
                    (TestOperator.AtLeast, false) => "<",
                    (_, true) => "≤",
                    _ => ">",
                };
                return new Verdict(criterion, ok ? Outcome.Met : Outcome.NotMet, $"{fact.Label} {fact.Display} {sign} 要求 {requiredText}", []);
            }
        }
    }
}
