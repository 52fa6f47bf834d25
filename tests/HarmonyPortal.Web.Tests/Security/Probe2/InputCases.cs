using Xunit;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>The cases the input tests run on both providers (kept out of the generic test classes).</summary>
public static class InputCases
{
    /// <summary>(user, URL, the Chinese message of the 400 answer); the clock is 2026-06-01.</summary>
    public static TheoryData<string, string, string> OutOfRangeQueries() => new()
    {
        { "yylq.clerk", "/ledgers?year=1999", "年度：1999 不在 2000 至 2026 之间" },
        { "yylq.clerk", "/ledgers?year=abc", "年度：“abc”不是有效的取值" },
        { "yylq.clerk", "/ledgers/coordinators?year=2027", "年度：2027 不在 2000 至 2026 之间" },
        { "yylq.clerk", "/ledgers/coordinators?year=0", "年度：0 不在 2000 至 2026 之间" },
        { "yylq.clerk", "/ledgers/coordinators?year=2147483648", "年度：“2147483648”不是有效的取值" },
        { "yylq.clerk", "/ledgers/coordinators?status=99", "状态：“99”不是有效的取值" },
        { "yylq.clerk", "/ledgers/coordinators?status=Deleted", "状态：“Deleted”不是有效的取值" },
        { "yylq.clerk", "/ledgers/coordinators?kind=99", "类别：99 不是可选值" },
        { "yylq.clerk", "/ledgers/harmonious-enterprises?kind=1", "类别：本台账没有类别筛选" },
        { "yylq.clerk", "/ledgers/coordinators?sort=drop", "排序：只能按最新录入或按列表中的一列排序" },
        { "yylq.clerk", "/ledgers/coordinators?q=" + new string('王', 101), "查询内容：不能超过 100 个字，实际 101 个" },
        { "yylq.clerk", "/ledgers/coordinators?afterId=1e99", "翻页位置：“1e99”不是有效的取值" },
        { "yylq.clerk", "/ledgers/coordinators/create?year=2100", "年度：2100 不在 2000 至 2026 之间" },
        { "yylq.clerk", "/ledgers/coordinators/template?year=1", "年度：1 不在 2000 至 2026 之间" },
        { "yylq.clerk", "/ledgers/coordinators/export?year=-1", "年度：-1 不在 2000 至 2026 之间" },
        { "yylq.clerk", "/ledgers/coordinators/import?year=3000", "年度：3000 不在 2000 至 2026 之间" },
        { "yylq.clerk", "/ledgers/coordinators/1?reveal=maybe", "显示完整号码：“maybe”不是有效的取值" },
        { "yy.reviewer", "/dashboard?year=1900", "年度：1900 不在 2000 至 2026 之间" },
        { "yy.reviewer", "/dashboard?regionId=abc", "地区：“abc”不是有效的取值" },
        { "yy.reviewer", "/reporting?year=2101", "年度：2101 不在 2000 至 2026 之间" },
        { "yy.reviewer", "/reporting?year=99999999999", "年度：“99999999999”不是有效的取值" },
        { "xzxf.clerk", "/nominations?category=Bogus", "类别：“Bogus”不是有效的取值" },
        { "xzxf.clerk", "/nominations?category=99", "类别：“99”不是有效的取值" },
        { "xzxf.clerk", "/nominations?year=0", "年度：0 不在 2000 至 2026 之间" },
        { "xzxf.clerk", "/nominations?batch=21", "批次：21 不在 0 至 20 之间" },
        { "xzxf.clerk", "/nominations?batch=-1", "批次：-1 不在 0 至 20 之间" },
        { "sx.reviewer", "/print/published?category=Coordinator&year=1999&batch=0", "年度：1999 不在 2000 至 2026 之间" },
        { "sx.reviewer", "/print/published?category=Coordinator&batch=abc", "批次：“abc”不是有效的取值" },
        { "sx.reviewer", "/print/published.pdf?category=Nobody&batch=0", "类别：“Nobody”不是有效的取值" },
        { "yy.reviewer", "/year-end?year=2000", "年度：2000 不在 2022 至 2026 之间" },
        { "yy.reviewer", "/notifications?before=abc", "翻页位置：“abc”不是有效的取值" },
    };

    /// <summary>(where in the stored rule file, the malformed value, the JSON path reported, the reason).</summary>
    private const string Violation = """{ "all": [ { "id": "v", "text": "近年无违纪", "clause": "一", "kind": "automatic", "test": { "fact": "ViolationOrPunishment", "op": "noneWithinYears", "value": VALUE } } ] }""";

    public static TheoryData<string, string, string, string> MalformedRuleFiles() => new()
    {
        { "tasks/0", "42", "$.tasks[0]", "应为对象，实际是数字" },
        { "tasks/0", "\"任务\"", "$.tasks[0]", "应为对象，实际是文字" },
        { "criteria/coordinator", "\"all\"", "$.criteria.coordinator", "应为对象，实际是文字" },
        { "criteria/coordinator", "{ \"any\": [ 7, null ] }", "$.criteria.coordinator.any[0]", "应为对象，实际是数字" },
        { "tasks/0/quotas", "[ { \"level\": \"City\", \"per\": \"year\", \"share\": 1e400, \"unit\": \"名\" } ]", "$.tasks[0].quotas[0].share", "应为 0 到 1 之间的比例" },
        { "tasks/0/quotas", "[ { \"level\": \"Planet\", \"per\": \"year\", \"min\": 1, \"unit\": \"名\" } ]", "$.tasks[0].quotas[0].level", "“Planet”应为 Province、City、County、Town 之一" },
        { "tasks/0/quotas", "[ { \"level\": \"City\", \"per\": \"year\", \"min\": -1e999, \"unit\": \"名\" } ]", "$.tasks[0].quotas[0].min", "应为 0 到 100000 之间的整数" },
        { "criteria/coordinator", Violation.Replace("VALUE", "\"abc\"", StringComparison.Ordinal), "$.criteria.coordinator.all[0].test.value", "应为 1 到 100 之间的整数（年）" },
        { "criteria/coordinator", Violation.Replace("VALUE", "100000", StringComparison.Ordinal), "$.criteria.coordinator.all[0].test.value", "应为 1 到 100 之间的整数（年）" },
        { "criteria/coordinator", Violation.Replace("VALUE", "{}", StringComparison.Ordinal), "$.criteria.coordinator.all[0].test.value", "应为数字或文字，实际是对象" },
        { "fromYear", "-5", "$.fromYear", "应为 2000 到 2100 之间的整数，实际是-5" },
        { "toYear", "null", "$.toYear", "必须填写" },
        { "coverageTargets", "[ { \"id\": \"x\", \"name\": \"n\", \"units\": \"everyone\", \"minCoordinators\": 1, \"deadline\": \"0001-01-01\", \"clause\": \"c\" } ]", "$.coverageTargets[0].units", "“everyone”应为 largeMediumEnterprises" },
        { "coverageTargets", "[ { \"id\": \"x\", \"name\": \"n\", \"units\": \"townsAndParks\", \"minCoordinators\": 1, \"deadline\": \"0001-01-01\", \"clause\": \"c\" } ]", "$.coverageTargets[0].deadline", "“0001-01-01”不在 2000 至 2100 年之间" },
        { "criteria/coordinator", "{ \"all\": [ { \"id\": \"" + new string('i', 101) + "\", \"text\": \"t\", \"clause\": \"c\", \"kind\": \"attested\" } ] }", "$.criteria.coordinator.all[0].id", "不能超过 100 个字，实际 101 个" },
    };
}
