using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules.Editing;

/// <summary>Criteria built in the editor are what the evaluator applies to a nominee.</summary>
public sealed class CriteriaEvaluationTests
{
    private static readonly DateOnly Today = new(2022, 11, 1);

    private static CriterionNode Built()
    {
        var set = new RuleSet("410000", "测试规划", "测试通知", 2021, 2023, [], new Dictionary<GoldCategory, CriterionNode>(), []);
        var group = new CriteriaInput
        {
            Kind = CriteriaInputKind.AnyOf,
            Text = "具备下列条件之一",
            First = new CriteriaInput { Kind = CriteriaInputKind.Automatic, Text = "具有大专及以上学历", Clause = "第二条", Fact = "Education", Operator = "atLeast", Value = "大专" },
        };
        set = CriteriaEdits.Add(set, GoldCategory.Coordinator, null, group).RuleSet!;
        set = CriteriaEdits.Add(set, GoldCategory.Coordinator, "0", new CriteriaInput { Kind = CriteriaInputKind.Attested, Text = "持有劳动关系协调员证书", Clause = "第二条" }).RuleSet!;
        return set.CriteriaFor(GoldCategory.Coordinator, 2022)!;
    }

    private static Coordinator Nominee(Education education) => new() { Name = "样本", Education = education };

    private static Dictionary<string, AttestationReview> Reviewed(CriterionNode node, AttestationState state) =>
        CriteriaPaths.Criteria(node).Where(c => c.Test is null).ToDictionary(c => c.Id, _ => new AttestationReview("证书复印件", state, "市审核员", Today, state == AttestationState.Rejected ? "证书已过期" : null));

    [Fact]
    public void JuniorCollege_Passes_WithoutAnyConfirmation()
    {
        var verdict = RuleEvaluator.Evaluate(Built(), Nominee(Education.JuniorCollege), Today);

        Assert.Equal(Outcome.Met, verdict.Outcome);
        Assert.Contains("学历 大专 ≥ 要求 大专", verdict.Members[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondaryVocational_Fails_UnlessAReviewerConfirmsTheCertificate()
    {
        var criteria = Built();

        var alone = RuleEvaluator.Evaluate(criteria, Nominee(Education.SecondaryVocational), Today);
        Assert.NotEqual(Outcome.Met, alone.Outcome);
        Assert.False(alone.Possible);
        Assert.Equal("学历 中专 < 要求 大专", alone.Members[0].Explanation);

        Assert.Equal(Outcome.NotMet, RuleEvaluator.Evaluate(criteria, Nominee(Education.SecondaryVocational), Reviewed(criteria, AttestationState.Rejected), Today).Outcome);
        Assert.Equal(Outcome.Met, RuleEvaluator.Evaluate(criteria, Nominee(Education.SecondaryVocational), Reviewed(criteria, AttestationState.Confirmed), Today).Outcome);
    }
}
