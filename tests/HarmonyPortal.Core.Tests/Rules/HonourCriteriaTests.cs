using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

/// <summary>
/// "Held an honour in an earlier year" (held / notHeld, within N years or any earlier year), the 否 test of a flag, and tier
/// progression: how they read and write, and what a nominee's verdict says.
/// </summary>
public sealed class HonourCriteriaTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static Coordinator Nominee(bool serving = true) => new() { Id = 7, Name = "样本", Year = 2026, CurrentlyServing = serving };

    private static HonourHistory History(params HonourRecord[] records) =>
        new(new Dictionary<(Type, long), IReadOnlyList<HonourRecord>> { [HonourHistory.KeyOf(Nominee())] = records });

    private static Verdict Evaluate(CriterionTest test, HonourHistory history) =>
        RuleEvaluator.Evaluate(new Criterion("t", "条件", "一", test), Nominee(), Today, history);

    [Fact]
    public void HeldWithinYears_CountsOnlyPublishedListsOfEarlierYearsInTheWindow()
    {
        var held = new CriterionTest("honour:coordinator", TestOperator.Held, "2");
        Assert.Equal((Outcome.Met, "2025年已获该称号（已公布入选）"),
            (Evaluate(held, History(new HonourRecord(GoldCategory.Coordinator, 2025, null, true))).Outcome, Evaluate(held, History(new HonourRecord(GoldCategory.Coordinator, 2025, null, true))).Explanation));
        var onlyNominated = Evaluate(held, History(new HonourRecord(GoldCategory.Coordinator, 2025, null, false)));
        Assert.Equal((Outcome.NotMet, "未查到2024–2025年的记录（2025年曾获推荐，未列入公布名单）"), (onlyNominated.Outcome, onlyNominated.Explanation));
        Assert.Equal(Outcome.NotMet, Evaluate(held, History(new HonourRecord(GoldCategory.Coordinator, 2023, null, true))).Outcome); // outside the two years
        Assert.Equal(Outcome.NotMet, Evaluate(held, History(new HonourRecord(GoldCategory.Coordinator, 2026, null, true))).Outcome); // the same year is not earlier
        Assert.Equal(Outcome.Met, Evaluate(held with { Value = null }, History(new HonourRecord(GoldCategory.Coordinator, 2019, null, true))).Outcome);
    }

    [Fact]
    public void NotHeld_AndATier_TurnTheOutcome()
    {
        var silver = History(new HonourRecord(GoldCategory.Coordinator, 2025, "silver", true));
        Assert.Equal(Outcome.NotMet, Evaluate(new("honour:coordinator", TestOperator.NotHeld, null), silver).Outcome);
        Assert.Equal(Outcome.Met, Evaluate(new("honour:coordinator:gold", TestOperator.NotHeld, null), silver).Outcome);
        Assert.Equal(Outcome.Met, Evaluate(new("honour:coordinator:silver", TestOperator.Held, null), silver).Outcome);
        var none = Evaluate(new("honour:coordinator:silver", TestOperator.Held, null), HonourHistory.None);
        Assert.Equal((Outcome.NotMet, "未查到2025年及以前的记录"), (none.Outcome, none.Explanation));
    }

    [Fact]
    public void IsFalse_IsMetByAFlagOf否_AndNotByOne是()
    {
        var criterion = new Criterion("f", "现未担任协调员", "一", new CriterionTest("CurrentlyServing", TestOperator.IsFalse, null));
        var no = RuleEvaluator.Evaluate(criterion, Nominee(serving: false), Today);
        Assert.Equal((Outcome.Met, "现正在担任劳动关系协调员或专职集体协商指导员：否（要求为“否”）"), (no.Outcome, no.Explanation));
        Assert.Equal(Outcome.NotMet, RuleEvaluator.Evaluate(criterion, Nominee(serving: true), Today).Outcome);
    }

    [Fact]
    public void ATierRequiringTheOneBelow_AddsTheRequirement_WithTheTierBelowNamed()
    {
        var honour = new Honour(GoldCategory.Coordinator, "金牌劳动关系协调员", "coordinators", Core.Regions.RegionLevel.Province,
            [new("bronze", "铜牌", false), new("silver", "银牌", true), new("gold", "金牌", true)]);
        Assert.Null(TierProgression.Requirement(honour, GoldCategory.Coordinator, "bronze"));
        var gold = TierProgression.Requirement(honour, GoldCategory.Coordinator, "gold")!;
        Assert.Equal(("需此前年度已获“银牌”称号", new CriterionTest("honour:coordinator:silver", TestOperator.Held, null)), (gold.Text, gold.Test));
        var education = new Criterion("e", "学历", "一", new CriterionTest("Education", TestOperator.AtLeast, "高中"));
        var both = Assert.IsType<CriterionGroup>(TierProgression.With(education, gold));
        Assert.Equal(GroupKind.All, both.Kind);
        Assert.Equal(2, both.Members.Count);
    }

    [Fact]
    public void TheTests_ReadAndWriteBack_AndBadOnesAreRefusedWithTheirPath()
    {
        var shanxi = SeedRuleSets.Load(SeedRuleSets.Names.Single(n => n.Contains("shanxi", StringComparison.Ordinal)));
        var members = new CriterionNode[]
        {
            new Criterion("h1", "此前年度获评", "一", new CriterionTest("honour:coordinator", TestOperator.Held, null)),
            new Criterion("h2", "近3年未获评", "一", new CriterionTest("honour:coordinator", TestOperator.NotHeld, "3")),
            new Criterion("h3", "现未担任", "一", new CriterionTest("CurrentlyServing", TestOperator.IsFalse, null)),
        };
        var plan = shanxi with { Criteria = new Dictionary<GoldCategory, CriterionNode>(shanxi.Criteria) { [GoldCategory.Coordinator] = new CriterionGroup(GroupKind.All, null, members) } };
        var json = RuleSetWriter.Write(plan);
        Assert.Contains("\"op\": \"notHeld\"", json, StringComparison.Ordinal);
        var (read, errors) = RuleSetReader.Read(json);
        Assert.Empty(errors);
        Assert.Equal(json, RuleSetWriter.Write(read!));
        Assert.Equal(members.Cast<Criterion>().Select(c => c.Test), ((CriterionGroup)read!.Criteria[GoldCategory.Coordinator]).Members.Cast<Criterion>().Select(c => c.Test));

        var unknown = RuleSetReader.Read(json.Replace("\"honour:coordinator\"", "\"honour:nobody\"", StringComparison.Ordinal)).Errors;
        Assert.Contains(unknown, e => e.Path == "$.criteria.coordinator.all[0].test.fact" && e.Message.StartsWith("未知的称号“honour:nobody”", StringComparison.Ordinal));
        var heldOnAFlag = RuleSetReader.Read(json.Replace("\"op\": \"isFalse\"", "\"op\": \"held\"", StringComparison.Ordinal)).Errors;
        Assert.Contains(heldOnAFlag, e => e.Path == "$.criteria.coordinator.all[2].test.op" && e.Message == "held、notHeld 只用于称号（honour:…）");
    }
}
