using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

public sealed class RuleEvaluatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly RuleSet Shanxi = SeedRuleSets.Load("shanxi-2021.json");
    private static readonly RuleSet Jiyuan = SeedRuleSets.Load("jiyuan-2022.json");
    private static readonly string[] ShanxiAttested = ["sx-c3", "sx-c4", "sx-c5"];

    /// <summary>Evaluates with the given attested conditions confirmed by a reviewer.</summary>
    private static Verdict Evaluate(RuleSet set, GoldCategory category, LedgerRow row, params string[] confirmed) =>
        RuleEvaluator.Evaluate(set.Criteria[category], row,
            confirmed.ToDictionary(id => id, _ => new AttestationReview("县人社局表彰文件", AttestationState.Confirmed, "市审核员", Today, null)), Today);

    private static Verdict Leaf(Verdict verdict, string id) => verdict.Leaves().Single(v => ((Criterion)v.Node).Id == id);

    private static Coordinator Coordinator(Education education = Education.JuniorCollege, bool certified = true, bool serving = true) => new()
    {
        Name = "样本",
        Education = education,
        SkillLevel = certified ? SkillLevel.Level3 : null,
        CertificateNumber = certified ? "SX-2021-01" : null,
        CurrentlyServing = serving,
    };

    [Fact]
    public void EverySeedRuleSet_LoadsWithoutErrors()
    {
        Assert.Contains("shanxi-2021.json", SeedRuleSets.Names);
        Assert.All(SeedRuleSets.Names, name => Assert.Empty(RuleSetReader.Read(SeedRuleSets.Json(name)).Errors));
        Assert.Equal(16, Shanxi.Tasks.Count);
        Assert.Equal(10, Shanxi.Tasks[0].Quotas[0].Min);
        Assert.Equal((3, 5), (Jiyuan.Tasks[0].Quotas[0].Min, Jiyuan.Tasks[0].Quotas[0].Max));
    }

    [Fact]
    public void Shanxi_CitiesReportEachLedgerToTheProvinceByItsOwnDate_EachYearOfThePlan()
    {
        var task = Shanxi.Tasks.Single(t => t.Id == "ledger-report");
        IEnumerable<(int, DateOnly)> Of(string ledger) => task.DeadlinesOf(DeadlineStep.Ledger).Where(d => d.Ledger == ledger).Select(d => (d.Year ?? 0, d.Date));

        Assert.Equal([(2021, new DateOnly(2021, 12, 20)), (2022, new DateOnly(2022, 12, 20)), (2023, new DateOnly(2023, 12, 20))], Of("coordinators"));
        Assert.Equal([(2021, new DateOnly(2021, 12, 20)), (2022, new DateOnly(2022, 12, 20)), (2023, new DateOnly(2023, 12, 20))], Of("social-organizations"));
        Assert.Equal([(2021, new DateOnly(2021, 10, 20)), (2022, new DateOnly(2022, 8, 20)), (2023, new DateOnly(2023, 6, 20))], Of("mediation-organizations"));
        Assert.Equal(Of("mediation-organizations"), Of("mediators"));
        Assert.Equal([(2021, new DateOnly(2021, 12, 31)), (2022, new DateOnly(2022, 12, 31)), (2023, new DateOnly(2023, 12, 31))], Of("key-enterprises"));
        Assert.Equal(Of("key-enterprises"), Of("harmonious-enterprises"));
        Assert.Equal(Of("key-enterprises"), Of("new-enterprise-services"));
        Assert.Empty(Of("wage-guidance"));
    }

    [Theory]
    [InlineData(100, 65, Outcome.Met, "调解成功率 65% ≥ 要求 65%")]
    [InlineData(1000, 649, Outcome.NotMet, "调解成功率 64.9% < 要求 65%")]
    [InlineData(100, 58, Outcome.NotMet, "调解成功率 58% < 要求 65%")]
    [InlineData(0, 0, Outcome.NotMet, "调解成功率 无受理案件")]
    public void MediationSuccessRate_IsComparedAtTheBoundary(int received, int settled, Outcome outcome, string explanation)
    {
        var organization = new MediationOrganization { Name = "样本", CasesReceived = received, CasesSettled = settled };

        var verdict = Leaf(Evaluate(Shanxi, GoldCategory.MediationOrganization, organization), "sx-m4");

        Assert.Equal(outcome, verdict.Outcome);
        Assert.StartsWith(explanation, verdict.Explanation);
    }

    [Theory]
    [InlineData(Education.JuniorHigh, Outcome.NotMet, "学历 初中 < 要求 高中")]
    [InlineData(Education.SeniorHigh, Outcome.Met, "学历 高中 ≥ 要求 高中")]
    [InlineData(Education.SecondaryVocational, Outcome.Met, "学历 中专 ≥ 要求 高中")]
    [InlineData(Education.Bachelor, Outcome.Met, "学历 本科 ≥ 要求 高中")]
    public void Education_OneStepBelowHighSchool_FailsShanxisFirstCriterion(Education education, Outcome outcome, string explanation)
    {
        var verdict = Leaf(Evaluate(Shanxi, GoldCategory.Coordinator, Coordinator(education)), "sx-c1");

        Assert.Equal((outcome, explanation), (verdict.Outcome, verdict.Explanation));
    }

    [Fact]
    public void ShanxiCoordinator_NeedsItsThreeAttestations_ThenQualifies()
    {
        var candidate = Coordinator();

        var before = Evaluate(Shanxi, GoldCategory.Coordinator, candidate);
        var after = Evaluate(Shanxi, GoldCategory.Coordinator, candidate, "sx-c3", "sx-c4", "sx-c5");

        Assert.Equal(Outcome.NeedsAttestation, before.Outcome);
        Assert.Equal(3, before.Leaves().Count(v => v.Outcome == Outcome.NeedsAttestation));
        Assert.Equal(Outcome.Met, after.Outcome);
        Assert.Equal(Outcome.NotMet, Evaluate(Shanxi, GoldCategory.Coordinator, Coordinator(certified: false), "sx-c3", "sx-c4", "sx-c5").Outcome);
        Assert.Equal("现正在担任劳动关系协调员或专职集体协商指导员：否",
            Leaf(Evaluate(Shanxi, GoldCategory.Coordinator, Coordinator(serving: false)), "sx-c6").Explanation);
    }

    [Theory]
    [InlineData(3, Outcome.Met, "持证协调员人数 3 人 ≥ 要求 3 人")]
    [InlineData(2, Outcome.NotMet, "持证协调员人数 2 人 < 要求 3 人")]
    public void JiyuanSocialOrganisation_NeedsExactlyThreeCertifiedCoordinators(int certified, Outcome outcome, string explanation)
    {
        var organization = new SocialOrganization { Name = "样本", CreditCode = "91350100M000100Y43", CertifiedCoordinatorCount = certified, CoordinatorCount = 5 };

        var verdict = Leaf(Evaluate(Jiyuan, GoldCategory.SocialOrganization, organization), "ha-s1");

        Assert.Equal((outcome, explanation), (verdict.Outcome, verdict.Explanation));
    }

    [Theory]
    [InlineData("2023-11-22", Outcome.NotMet)]
    [InlineData("2023-11-23", Outcome.NotMet)]
    [InlineData("2023-11-21", Outcome.Met)]
    public void NoViolationWithinThreeYears_CountsBackFromTheEvaluationDate(string violation, Outcome outcome)
    {
        var organization = new SocialOrganization { Name = "样本", CreditCode = "X", LastViolationOn = DateOnly.Parse(violation, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(outcome, Leaf(Evaluate(Jiyuan, GoldCategory.SocialOrganization, organization), "ha-s2").Outcome);
    }

    [Fact]
    public void HenansAchievements_AnyOneOfSixSuffices()
    {
        var candidate = Coordinator();

        var none = Evaluate(Jiyuan, GoldCategory.Coordinator, candidate, "ha-c1");
        var one = Evaluate(Jiyuan, GoldCategory.Coordinator, candidate, "ha-c1", "ha-a6");

        Assert.Equal(Outcome.NeedsAttestation, none.Outcome);
        Assert.Equal(Outcome.Met, one.Outcome);
        Assert.Contains("满足其中一项即可（1/6 项已满足）", one.Members[2].Explanation);
    }
    [Fact]
    public void AMemberInForceOneYear_InsideANestedGroup_IsLeftOutInOtherYears()
    {
        var certificate = new Criterion("c0", "持证", "一", new CriterionTest("HoldsCertificate", TestOperator.IsTrue, null));
        var widened = new Criterion("c0b", "未持证从业人员或相关专业学生", "一", null) { FromYear = 2022, ToYear = 2022 };
        var root = new CriterionGroup(GroupKind.All, null, [new CriterionGroup(GroupKind.Any, null, [certificate, widened]), new Criterion("c1", "遵纪守法", "二", null)]);
        var set = Jiyuan with { Criteria = new Dictionary<GoldCategory, CriterionNode> { [GoldCategory.Coordinator] = root } };
        var confirmed = new Dictionary<string, AttestationReview>
        {
            ["c0b"] = new("在读证明", AttestationState.Confirmed, "市审核员", Today, null),
            ["c1"] = new("无违法记录证明", AttestationState.Confirmed, "市审核员", Today, null),
        };

        var in2022 = RuleEvaluator.Evaluate(set.CriteriaFor(GoldCategory.Coordinator, 2022)!, Coordinator(certified: false), confirmed, Today);
        var in2023 = RuleEvaluator.Evaluate(set.CriteriaFor(GoldCategory.Coordinator, 2023)!, Coordinator(certified: false), confirmed, Today);

        Assert.Equal(Outcome.Met, in2022.Outcome);
        Assert.Equal(Outcome.NotMet, in2023.Outcome);
        Assert.DoesNotContain(in2023.Leaves(), v => ((Criterion)v.Node).Id == "c0b");
    }

    [Fact]
    public void TheClerksEvidenceAlone_NeverMeetsAnAttestedCondition_ARejectionFailsItWithTheReason()
    {
        var candidate = Coordinator();
        var pending = RuleEvaluator.Evaluate(Shanxi.Criteria[GoldCategory.Coordinator], candidate,
            ShanxiAttested.ToDictionary(id => id, _ => new AttestationReview("县人社局表彰文件", AttestationState.Pending, null, null, null)), Today);
        var rejected = RuleEvaluator.Evaluate(Shanxi.Criteria[GoldCategory.Coordinator], candidate,
            new Dictionary<string, AttestationReview> { ["sx-c3"] = new("县人社局表彰文件", AttestationState.Rejected, "市审核员", Today, "文件未盖章") }, Today);

        Assert.Equal(Outcome.NeedsAttestation, pending.Outcome);
        Assert.True(pending.Possible);
        Assert.Equal(3, pending.AwaitingReview().Count());
        Assert.Equal(Outcome.NotMet, rejected.Outcome);
        Assert.Equal("审核人员未予确认（市审核员，2026-11-22）：文件未盖章", Leaf(rejected, "sx-c3").Explanation);
    }
}
