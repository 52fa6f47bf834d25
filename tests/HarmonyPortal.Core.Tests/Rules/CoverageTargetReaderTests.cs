using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

public sealed class CoverageTargetReaderTests
{
    private static string RuleSet(string coverageTargets) => $$"""
        { "jurisdiction": "410000-JY", "name": "n", "source": "s", "fromYear": 2022, "toYear": 2023, "tasks": [], "criteria": {}
          {{coverageTargets}} }
        """;

    [Fact]
    public void JiyuansSeed_StatesItsThreeTargets_WithOneCoordinatorByTheEndOf2023()
    {
        var jiyuan = SeedRuleSets.Names.Select(SeedRuleSets.Load).Single(r => r.Jurisdiction == "410000-JY");

        Assert.Equal(
            [(CoverageUnits.LargeMediumEnterprises, 1, new DateOnly(2023, 12, 31)), (CoverageUnits.MemberUnits, 1, new DateOnly(2023, 12, 31)), (CoverageUnits.TownsAndParks, 1, new DateOnly(2023, 12, 31))],
            jiyuan.CoverageTargets.Select(t => (t.Units, t.MinCoordinators, t.Deadline)));
    }

    [Fact]
    public void ARuleSetWithoutCoverageTargets_StaysValid_AsVersionsStoredBeforeThemDo()
    {
        var (ruleSet, errors) = RuleSetReader.Read(RuleSet(""));

        Assert.Empty(errors);
        Assert.Empty(ruleSet!.CoverageTargets);
        Assert.All(SeedRuleSets.Names, name => Assert.NotNull(SeedRuleSets.Load(name)));
    }

    [Fact]
    public void BadCoverageTargets_AreRefusedWithThePathOfEveryError()
    {
        var (ruleSet, errors) = RuleSetReader.Read(RuleSet("""
            , "coverageTargets": [
                { "id": "t", "name": "企业", "units": "smallEnterprises", "minCoordinators": 0, "deadline": "2023/12/31", "clause": "二" },
                { "id": "t", "name": "乡镇", "units": "townsAndParks", "deadline": "2023-12-31", "clause": "二" }
              ]
            """));

        Assert.Null(ruleSet);
        Assert.Equal(
            ["$.coverageTargets[0].units", "$.coverageTargets[0].minCoordinators", "$.coverageTargets[0].deadline", "$.coverageTargets[1].minCoordinators", "$.coverageTargets[1].id"],
            errors.Select(e => e.Path));
        Assert.Contains(errors, e => e.Message.Contains("“smallEnterprises”应为 largeMediumEnterprises", StringComparison.Ordinal));
    }
}
