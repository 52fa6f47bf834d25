using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

/// <summary>What the editor saves must read back as the plan the office built, for every notice's plan.</summary>
public sealed class RuleSetWriterTests
{
    public static TheoryData<string> Seeds => new(SeedRuleSets.Names);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_written_plan_reads_back_with_every_element(string seed)
    {
        var original = SeedRuleSets.Load(seed);

        var (read, errors) = RuleSetReader.Read(RuleSetWriter.Write(original));

        Assert.Empty(errors);
        Assert.NotNull(read);
        Assert.Equal(RuleSetWriter.Write(original), RuleSetWriter.Write(read));
        Assert.Equal(original.DocumentNumber, read.DocumentNumber);
        Assert.Equal(original.Issuers, read.Issuers);
        Assert.Equal(original.Inherits, read.Inherits);
        Assert.Equal(original.Tasks.Select(t => (t.Id, t.Kind, t.Honour?.SelectingLevel, t.Measure, t.Quotas.Count, t.Deadlines.Count)),
            read.Tasks.Select(t => (t.Id, t.Kind, t.Honour?.SelectingLevel, t.Measure, t.Quotas.Count, t.Deadlines.Count)));
        Assert.Equal(original.Tasks.SelectMany(t => t.Quotas).Select(q => (q.Region, q.MemberUnit, q.Per, q.Min, q.Max, q.Share, q.Approximate, string.Join(",", q.Years))),
            read.Tasks.SelectMany(t => t.Quotas).Select(q => (q.Region, q.MemberUnit, q.Per, q.Min, q.Max, q.Share, q.Approximate, string.Join(",", q.Years))));
        Assert.Equal(original.Tasks.SelectMany(t => t.Deadlines), read.Tasks.SelectMany(t => t.Deadlines));
        Assert.Equal(original.Criteria.Keys.Order(), read.Criteria.Keys.Order());
        Assert.Equal(original.CoverageTargets, read.CoverageTargets);
    }

    [Fact]
    public void A_criterion_in_force_from_a_year_keeps_its_years_and_test()
    {
        var jiyuan = SeedRuleSets.Load(SeedRuleSets.Names.Single(n => n.Contains("jiyuan", StringComparison.Ordinal)));

        var read = RuleSetReader.Read(RuleSetWriter.Write(jiyuan)).RuleSet!;

        Assert.Equal(Ids(jiyuan.CriteriaFor(GoldCategory.Coordinator, 2022)), Ids(read.CriteriaFor(GoldCategory.Coordinator, 2022)));
        Assert.Equal(Ids(jiyuan.CriteriaFor(GoldCategory.Coordinator, 2023)), Ids(read.CriteriaFor(GoldCategory.Coordinator, 2023)));
        Assert.NotEqual(Ids(read.CriteriaFor(GoldCategory.Coordinator, 2022)), Ids(read.CriteriaFor(GoldCategory.Coordinator, 2023)));
    }

    private static string Ids(CriterionNode? node) => node switch
    {
        Criterion c => $"{c.Id}:{c.Test?.Fact}{c.Test?.Operator}{c.Test?.Value}",
        CriterionGroup g => $"{g.Kind}(" + string.Join(",", g.Members.Select(Ids)) + ")",
        _ => "",
    };
}
