using System.Text.Json.Nodes;
using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Input;

/// <summary>
/// Every malformed value of a rule file is answered with its JSON path and a Chinese reason, never an exception
/// (which the upload would turn into HTTP 500), and every value the evaluator or the database would choke on
/// later (a test value that is not a number, a name longer than its column) is refused when the file is read.
/// </summary>
public sealed class RuleSetReaderFuzzTests
{
    private const string Valid = """
        {
          "jurisdiction": "430600", "name": "测试规则", "source": "测试通知", "fromYear": 2021, "toYear": 2023,
          "tasks": [
            { "id": "t1", "name": "任务", "lead": "人社局", "participants": ["总工会"],
              "quotas": [ { "level": "City", "per": "year", "min": 1, "max": 5, "unit": "名", "share": 0.5 } ],
              "deadlines": [ { "year": 2021, "batch": 1, "date": "2021-10-20", "what": "报省" } ] }
          ],
          "criteria": {
            "coordinator": { "all": [
              { "id": "c1", "text": "学历", "clause": "1", "kind": "automatic", "test": { "fact": "Education", "op": "atLeast", "value": "高中" } },
              { "id": "c2", "text": "无违纪", "clause": "2", "kind": "automatic", "test": { "fact": "ViolationOrPunishment", "op": "noneWithinYears", "value": 3 } },
              { "id": "c3", "text": "口碑", "clause": "3", "kind": "attested" }
            ] }
          },
          "notes": ["说明"],
          "coverageTargets": [ { "id": "e", "name": "企业", "units": "largeMediumEnterprises", "minCoordinators": 1, "deadline": "2023-12-31", "clause": "二" } ]
        }
        """;

    [Fact]
    public void TheBaseDocument_Reads()
    {
        var (ruleSet, errors) = RuleSetReader.Read(Valid);

        Assert.Empty(errors);
        Assert.NotNull(ruleSet);
    }

    public static TheoryData<string, string, string, string> Mutations() => new()
    {
        // wrong types
        { "tasks", "{}", "$.tasks", "应为数组，实际是对象" },
        { "tasks/0", "42", "$.tasks[0]", "应为对象，实际是数字" },
        { "tasks/0", "\"任务\"", "$.tasks[0]", "应为对象，实际是文字" },
        { "tasks/0/quotas/0", "[]", "$.tasks[0].quotas[0]", "应为对象，实际是数组" },
        { "tasks/0/quotas/0/min", "\"5\"", "$.tasks[0].quotas[0].min", "应为 0 到 100000 之间的整数，实际是文字" },
        { "tasks/0/quotas/0/min", "true", "$.tasks[0].quotas[0].min", "实际是真假值" },
        { "tasks/0/quotas/0/share", "\"80%\"", "$.tasks[0].quotas[0].share", "应为 0 到 1 之间的比例" },
        { "tasks/0/deadlines/0", "null", "$.tasks[0].deadlines[0]", "应为对象，实际是空值（null）" },
        { "tasks/0/participants/0", "{}", "$.tasks[0].participants[0]", "应为非空文字，实际是对象" },
        { "tasks/0/name", "[\"a\"]", "$.tasks[0].name", "应为非空文字，实际是数组" },
        { "notes/0", "7", "$.notes[0]", "应为非空文字，实际是数字" },
        { "criteria/coordinator", "\"all\"", "$.criteria.coordinator", "应为对象，实际是文字" },
        { "criteria/coordinator/all/0", "1", "$.criteria.coordinator.all[0]", "应为对象，实际是数字" },
        { "criteria/coordinator/all/0/test", "\"Education\"", "$.criteria.coordinator.all[0].test", "应为对象" },
        { "criteria/coordinator/all/0/test/value", "{}", "$.criteria.coordinator.all[0].test.value", "应为数字或文字，实际是对象" },
        { "criteria/coordinator/all/0/test/value", "[1]", "$.criteria.coordinator.all[0].test.value", "应为数字或文字，实际是数组" },
        { "coverageTargets/0", "false", "$.coverageTargets[0]", "应为对象，实际是真假值" },
        { "jurisdiction", "430600", "$.jurisdiction", "应为非空文字，实际是数字" },
        // nulls
        { "name", "null", "$.name", "必须填写" },
        { "fromYear", "null", "$.fromYear", "必须填写" },
        { "tasks/0/id", "null", "$.tasks[0].id", "必须填写" },
        { "name", "\"   \"", "$.name", "应为非空文字，实际是空文字" },
        // huge numbers
        { "tasks/0/quotas/0/max", "1e400", "$.tasks[0].quotas[0].max", "应为 0 到 100000 之间的整数，实际是1e400" },
        { "tasks/0/quotas/0/share", "1e400", "$.tasks[0].quotas[0].share", "应为 0 到 1 之间的比例" },
        { "tasks/0/quotas/0/min", "99999999999999999999999999999999", "$.tasks[0].quotas[0].min", "应为 0 到 100000 之间的整数" },
        { "tasks/0/quotas/0/min", "2.5", "$.tasks[0].quotas[0].min", "之间的整数，实际是2.5" },
        { "tasks/0/deadlines/0/batch", "21", "$.tasks[0].deadlines[0].batch", "应为 1 到 20 之间的整数" },
        { "coverageTargets/0/minCoordinators", "1000000", "$.coverageTargets[0].minCoordinators", "应为 1 到 100 之间的整数" },
        { "criteria/coordinator/all/1/test/value", "100000000", "$.criteria.coordinator.all[1].test.value", "应为 1 到 100 之间的整数（年）" },
        { "criteria/coordinator/all/1/test/value", "\"三年\"", "$.criteria.coordinator.all[1].test.value", "应为 1 到 100 之间的整数（年）" },
        { "criteria/coordinator/all/0/test/value", "\"博士后\"", "$.criteria.coordinator.all[0].test.value", "不是指标“Education”可比较的值" },
        // negative and absurd years and dates
        { "fromYear", "-2021", "$.fromYear", "应为 2000 到 2100 之间的整数" },
        { "toYear", "99999", "$.toYear", "应为 2000 到 2100 之间的整数" },
        { "fromYear", "0", "$.fromYear", "应为 2000 到 2100 之间的整数" },
        { "tasks/0/deadlines/0/year", "1999", "$.tasks[0].deadlines[0].year", "应为 2000 到 2100 之间的整数" },
        { "tasks/0/deadlines/0/date", "\"0001-01-01\"", "$.tasks[0].deadlines[0].date", "不在 2000 至 2100 年之间" },
        { "tasks/0/deadlines/0/date", "\"9999-12-31\"", "$.tasks[0].deadlines[0].date", "不在 2000 至 2100 年之间" },
        { "tasks/0/deadlines/0/date", "\"2021-02-30\"", "$.tasks[0].deadlines[0].date", "应为 yyyy-MM-dd 格式的日期" },
        { "coverageTargets/0/deadline", "\"2023-12-31T00:00:00\"", "$.coverageTargets[0].deadline", "不能超过 10 个字" },
        // unknown enumeration strings
        { "tasks/0/quotas/0/level", "\"Galaxy\"", "$.tasks[0].quotas[0].level", "“Galaxy”应为 Province、City、County、Town 之一" },
        { "tasks/0/quotas/0/level", "\"city\"", "$.tasks[0].quotas[0].level", "应为 Province、City、County、Town 之一" },
        { "tasks/0/quotas/0/per", "\"month\"", "$.tasks[0].quotas[0].per", "“month”应为 year（每年）、plan（整个规划期）或 years（指定年度）" },
        { "coverageTargets/0/units", "\"allEnterprises\"", "$.coverageTargets[0].units", "应为 largeMediumEnterprises" },
        { "criteria/coordinator/all/0/kind", "\"manual\"", "$.criteria.coordinator.all[0].kind", "应为 automatic（系统判断）或 attested（审核确认）" },
        { "criteria/coordinator/all/0/test/op", "\"equals\"", "$.criteria.coordinator.all[0].test.op", "应为 atLeast、atMost、isTrue、isFalse、noneWithinYears、held 或 notHeld" },
        { "criteria/coordinator/all/0/test/fact", "\"ShoeSize\"", "$.criteria.coordinator.all[0].test.fact", "未知的台账指标“ShoeSize”" },
        // over-long strings (the name's column holds 200, a criterion id is stored in a 100-character column)
        { "name", "\"" + new string('名', 201) + "\"", "$.name", "不能超过 200 个字，实际 201 个" },
        { "criteria/coordinator/all/2/id", "\"" + new string('i', 101) + "\"", "$.criteria.coordinator.all[2].id", "不能超过 100 个字，实际 101 个" },
        { "jurisdiction", "\"" + new string('4', 101) + "\"", "$.jurisdiction", "不能超过 100 个字" },
        { "tasks/0/quotas/0/note", "\"" + new string('注', 2001) + "\"", "$.tasks[0].quotas[0].note", "不能超过 2000 个字，实际 2001 个" },
        { "notes/0", "\"" + new string('说', 5000) + "\"", "$.notes[0]", "不能超过 2000 个字，实际 5000 个" },
        { "criteria/coordinator/all/0/test/value", "\"" + new string('高', 101) + "\"", "$.criteria.coordinator.all[0].test.value", "不能超过 100 个字" },
        // huge arrays
        { "notes", "[" + string.Join(",", Enumerable.Repeat("\"n\"", 501)) + "]", "$.notes", "最多 500 项，实际 501 项" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void AMalformedValue_IsAnsweredWithItsPathAndAChineseReason(string location, string rawValue, string path, string reason)
    {
        var document = JsonNode.Parse(Valid)!;
        Set(document, location, JsonNode.Parse(rawValue));

        var (ruleSet, errors) = RuleSetReader.Read(document.ToJsonString());

        Assert.Null(ruleSet);
        Assert.Contains(errors, e => e.Path == path && e.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void ADeeplyNestedDocument_IsRefusedAtTheRoot_WithoutAnException()
    {
        var nested = "{ \"all\": [" + string.Concat(Enumerable.Repeat("{ \"all\": [", 200)) + "{}" + new string(']', 1) + string.Concat(Enumerable.Repeat("] }", 200)) + " }";
        var document = Valid.Replace("\"criteria\": {", "\"criteria\": { \"mediationOrganization\": " + nested + ",", StringComparison.Ordinal);

        var (ruleSet, errors) = RuleSetReader.Read(document);

        Assert.Null(ruleSet);
        var error = Assert.Single(errors);
        Assert.StartsWith("$ (第", error.Path, StringComparison.Ordinal);
        Assert.Equal($"不是有效的规则文件：嵌套超过 {RuleSetReader.MaxDepth} 层", error.Message);
    }

    [Fact]
    public void AHugeDocument_IsRefusedBeforeItIsParsed()
    {
        var document = Valid.Replace("\"说明\"", "\"" + new string('说', RuleSetReader.MaxDocumentLength) + "\"", StringComparison.Ordinal);

        var (ruleSet, errors) = RuleSetReader.Read(document);

        Assert.Null(ruleSet);
        Assert.Equal(("$", $"规则文件过大：{document.Length} 个字符，上限 {RuleSetReader.MaxDocumentLength} 个"), (Assert.Single(errors).Path, errors[0].Message));
    }

    [Fact]
    public void ThousandsOfErrors_AreListedUpToTheLimit_AndTheRestCounted()
    {
        var document = JsonNode.Parse(Valid)!;
        document["notes"] = new JsonArray(Enumerable.Range(0, 450).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        document["tasks"]![0]!["participants"] = new JsonArray(Enumerable.Range(0, 100).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

        var (_, errors) = RuleSetReader.Read(document.ToJsonString());

        Assert.Equal(RuleSetReader.MaxErrors + 1, errors.Count);
        Assert.Equal("另有 350 处错误未列出", errors[^1].Message);
    }

    [Fact]
    public void BrokenJson_IsExplainedInChinese_WithItsLine()
    {
        var (_, errors) = RuleSetReader.Read("{\n \"name\": \"x\",\n \"tasks\": [1, 2\n}");

        var error = Assert.Single(errors);
        Assert.Equal("$ (第 4 行)", error.Path);
        Assert.Equal("不是有效的 JSON：请检查第 4 行第 1 个字符附近的括号、引号和逗号", error.Message);
    }

    [Fact]
    public void TheSeedRuleSets_StillRead()
    {
        Assert.All(SeedRuleSets.Names, name => Assert.NotNull(SeedRuleSets.Load(name)));
    }

    private static void Set(JsonNode document, string location, JsonNode? value)
    {
        var parts = location.Split('/');
        var parent = parts[..^1].Aggregate(document, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        if (int.TryParse(parts[^1], out var index))
        {
            parent[index] = value;
        }
        else
        {
            parent[parts[^1]] = value;
        }
    }
}
