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
    public static Verdict Evaluate(CriterionNode node, LedgerRow candidate, IReadOnlyDictionary<string, AttestationReview> attestations, DateOnly on) => node switch
    {
        CriterionGroup group => Group(group, group.Members.Select(m => Evaluate(m, candidate, attestations, on)).ToList()),
        Criterion { Test: null } c => Attested(c, attestations.GetValueOrDefault(c.Id)),
        Criterion c => Test(c, c.Test, candidate, on),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>Evaluates without any attestation: what the ledger data alone decides (the ledger's eligibility card).</summary>
    public static Verdict Evaluate(CriterionNode node, LedgerRow candidate, DateOnly on) =>
        Evaluate(node, candidate, new Dictionary<string, AttestationReview>(), on);

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
