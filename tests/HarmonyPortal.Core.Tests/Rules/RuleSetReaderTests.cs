using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

public sealed class RuleSetReaderTests
{
    [Fact]
    public void InvalidFile_IsRefusedWithThePathOfEveryError()
    {
        const string json = """
            {
              "jurisdiction": "140000", "name": "测试", "source": "测试", "fromYear": 2023, "toYear": 2021,
              "tasks": [
                { "id": "t1", "name": "任务", "lead": "人社局",
                  "quotas": [ { "level": "City", "region": "430600", "per": "month", "min": 5, "max": 3, "unit": "名" } ],
                  "deadlines": [ { "date": "2021/10/20", "what": "报省" } ] }
              ],
              "criteria": {
                "coordinator": { "all": [
                  { "id": "c1", "text": "学历", "clause": "1", "kind": "automatic", "test": { "fact": "ShoeSize", "op": "atLeast", "value": "40" } },
                  { "id": "c2", "text": "口碑", "clause": "2", "kind": "manual" }
                ] },
                "goldenRetriever": { "all": [] }
              }
            }
            """;

        var (ruleSet, errors) = RuleSetReader.Read(json);

        Assert.Null(ruleSet);
        var paths = errors.Select(e => e.Path).ToList();
        Assert.Contains("$.toYear", paths);
        Assert.Contains("$.tasks[0].quotas[0]", paths);
        Assert.Contains("$.tasks[0].quotas[0].per", paths);
        Assert.Contains("$.tasks[0].quotas[0].max", paths);
        Assert.Contains("$.tasks[0].deadlines[0].date", paths);
        Assert.Contains("$.criteria.coordinator.all[0].test.fact", paths);
        Assert.Contains("$.criteria.coordinator.all[1].kind", paths);
        Assert.Contains("$.criteria.goldenRetriever", paths);
        Assert.Contains(errors, e => e.Message.Contains("未知的台账指标“ShoeSize”", StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenJson_NamesTheLine()
    {
        var (_, errors) = RuleSetReader.Read("{\n  \"name\": \"x\",\n  oops\n}");

        Assert.StartsWith("$ (第 3 行)", Assert.Single(errors).Path);
    }

    [Fact]
    public void AttestedCriterionWithATest_AndAutomaticWithout_AreRefused()
    {
        const string json = """
            { "jurisdiction": "1", "name": "n", "source": "s", "fromYear": 2021, "toYear": 2023, "tasks": [],
              "criteria": { "coordinator": { "any": [
                { "id": "a", "text": "t", "clause": "c", "kind": "attested", "test": { "fact": "Education", "op": "atLeast", "value": "高中" } },
                { "id": "b", "text": "t", "clause": "c", "kind": "automatic" } ] } } }
            """;

        var paths = RuleSetReader.Read(json).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains("$.criteria.coordinator.any[0]：attested 条件不能有 test", paths);
        Assert.Contains("$.criteria.coordinator.any[1]：automatic 条件必须有 test", paths);
    }
}
