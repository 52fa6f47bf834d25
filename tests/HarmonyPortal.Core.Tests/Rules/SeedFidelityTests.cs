using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

/// <summary>The seed rule sets say what the notices say (docs/rules/fidelity.md): who confers, when each step is due, what is counted.</summary>
public sealed class SeedFidelityTests
{
    private static RuleSet Load(string name) => SeedRuleSets.Load(name);

    [Theory]
    [InlineData("shanxi-2021.json", "晋人社厅发〔2021〕53号", 4, RegionLevel.Province)]
    [InlineData("jiyuan-2022.json", "济管人社办〔2022〕121号", 1, RegionLevel.Province)]
    [InlineData("tangshan-gx-2021.json", "唐高协劳字〔2021〕1号", 1, RegionLevel.City)]
    [InlineData("ganzhou-2021.json", "赣市人社发〔2020〕19号", 4, RegionLevel.City)]
    [InlineData("yueyang-2021.json", "岳人社发〔2021〕14号", 4, RegionLevel.City)]
    public void EachNotice_NamesItsDocumentAndIssuers_AndConfersGoldAtTheLevelItSays(string name, string number, int issuers, RegionLevel selecting)
    {
        var set = Load(name);

        Assert.Equal((number, issuers), (set.DocumentNumber, set.Issuers.Count));
        var honours = Enum.GetValues<GoldCategory>().Select(set.HonourTask).OfType<RuleTask>().ToList();
        Assert.NotEmpty(honours);
        Assert.All(honours, t => Assert.Equal(selecting, t.Honour!.SelectingLevel));
        Assert.All(set.Tasks.Where(t => t.Kind == TaskKind.DisplayOnly), t => Assert.False(string.IsNullOrWhiteSpace(t.DisplayReason)));
        Assert.All(set.Tasks.Where(t => t.Kind is TaskKind.LedgerCount or TaskKind.LedgerShare), t => Assert.NotNull(t.Measure));
    }

    [Fact]
    public void Shanxi_SummaryIsDueEndOfAugust2023_AndTheEightyPercentIsAShareOfEnterprisesMarkedAsReachingTheStandard()
    {
        var set = Load("shanxi-2021.json");

        var summary = Assert.Single(set.Tasks, t => t.Kind == TaskKind.Material && t.Material == MaterialKind.Summary);
        Assert.Equal(new DateOnly(2023, 8, 31), Assert.Single(summary.DeadlinesOf(DeadlineStep.Report)).Date);
        Assert.DoesNotContain(set.Tasks.SelectMany(t => t.Deadlines), d => d.What.Contains("总结", StringComparison.Ordinal) && d.Date != new DateOnly(2023, 8, 31));
        var share = Assert.Single(set.Tasks, t => t.Kind == TaskKind.LedgerShare);
        Assert.Equal(("harmonious-enterprises", "ReachedStandard", "是", 0.8m), (share.Measure!.Ledger, share.Measure.Field, share.Measure.Value, share.Quotas.Single().Share));
        Assert.Equal(1000, set.Tasks.Single(t => t.Id == "new-enterprise-service").Quotas.Single(q => q.Per == QuotaPeriod.Period).Min);
        Assert.Equal(3, set.Tasks.Count(t => t.Measure is { Ledger: "wage-guidance", Filtered: true }));
    }

    [Fact]
    public void Tangshan_TwoGoldCoordinatorsAYear_SixOverThePlan_SubmittedToTheCityBySeptember30()
    {
        var task = Load("tangshan-gx-2021.json").HonourTask(GoldCategory.Coordinator)!;

        Assert.Equal((2, 2), (task.Quotas.Single(q => q.Per == QuotaPeriod.Year).Min, task.Quotas.Single(q => q.Per == QuotaPeriod.Year).Max));
        Assert.Equal(6, task.Quotas.Single(q => q.Per == QuotaPeriod.Period).Min);
        Assert.Equal([new DateOnly(2021, 9, 30), new DateOnly(2022, 9, 30), new DateOnly(2023, 9, 30)], task.DeadlinesOf(DeadlineStep.Submit).Select(d => d.Date));
        Assert.Empty(task.DeadlinesOf(DeadlineStep.Report));
    }

    [Fact]
    public void Jiyuan_UncertifiedPractitioner_PassesTheRangeIn2022OnceAReviewerConfirms_ButNotIn2023()
    {
        var set = Load("jiyuan-2022.json");
        var uncertified = new Coordinator { Name = "样本", CurrentlyServing = true };
        Verdict Range(int year, AttestationState? state) =>
            RuleEvaluator.Evaluate(((CriterionGroup)set.CriteriaFor(GoldCategory.Coordinator, year)!).Members[0], uncertified,
                state is { } s ? new Dictionary<string, AttestationReview> { ["ha-c0b"] = new("在读证明", s, "审核员", new DateOnly(year, 11, 1), null) } : new Dictionary<string, AttestationReview>(),
                new DateOnly(year, 11, 1));

        Assert.Equal(Outcome.NeedsAttestation, Range(2022, null).Outcome);
        Assert.Equal(Outcome.NeedsAttestation, Range(2022, AttestationState.Pending).Outcome);
        Assert.Equal(Outcome.Met, Range(2022, AttestationState.Confirmed).Outcome);
        Assert.Equal(Outcome.NotMet, Range(2023, AttestationState.Confirmed).Outcome);
        Assert.Equal(60, set.Tasks.Single(t => t.Kind == TaskKind.Indicator).Quotas.Single().Min);
    }

    [Fact]
    public void Yueyang_GoldCoordinatorsAreTheCoverageColumn_TenOrSoAYear_ReportedByYearEnd_AndTheCityBureausHoldUnitQuotas()
    {
        var set = Load("yueyang-2021.json");
        var gold = set.HonourTask(GoldCategory.Coordinator)!;

        var city = gold.Quotas.Single(q => q.Region == "430600");
        Assert.Equal((10, true, QuotaPeriod.Year), (city.Min!.Value, city.Approximate, city.Per));
        Assert.Equal(32, gold.Quotas.Where(q => q.Per == QuotaPeriod.Period).Sum(q => q.Min));
        Assert.Equal([new DateOnly(2021, 12, 31), new DateOnly(2022, 12, 31), new DateOnly(2023, 12, 31)], gold.DeadlinesOf(DeadlineStep.Report).Select(d => d.Date));
        Assert.Equal(["人社局", "总工会", "工商联"], set.Tasks.Single(t => t.Id == "key-enterprises").Quotas.Where(q => q.MemberUnit is not null).Select(q => q.MemberUnit!));
        var social = set.HonourTask(GoldCategory.SocialOrganization)!.Quotas.Where(q => q.Region == "430600").ToList();
        Assert.Contains(social, q => q is { Per: QuotaPeriod.Year, Min: 1, Max: 3 });
        Assert.Contains(social, q => q is { Per: QuotaPeriod.Period, Min: 10, Approximate: true });
        Assert.Equal("“湘融湘爱”结对单位", set.Tasks.Single(t => t.Id == "xiangrong").Measure!.Value);
    }
}
