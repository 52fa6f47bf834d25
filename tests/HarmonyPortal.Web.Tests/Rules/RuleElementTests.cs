using System.Net;
using System.Text.Json.Nodes;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules;

/// <summary>
/// Elements of the rule format whose effect no other test shows: changing each in 山西's plan changes what a user sees.
/// (Kinds, quotas, deadlines, criteria, selecting levels and member units are exercised end to end elsewhere.)
/// </summary>
public abstract class RuleElementTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static JsonObject Task(JsonNode plan, string id) => (JsonObject)plan["tasks"]!.AsArray().Single(t => (string?)t!["id"] == id)!;

    private static void Change(JsonNode plan, string element, string marker)
    {
        switch (element)
        {
            case "issuers" or "notes":
                plan[element] = new JsonArray(marker);
                break;
            case "documentNumber" or "source" or "name":
                plan[element] = marker;
                break;
            case "clause" or "lead":
                Task(plan, "gold-coordinator")[element] = marker;
                break;
            case "participants":
                Task(plan, "gold-coordinator")["participants"] = new JsonArray(marker);
                break;
            case "displayReason":
                Task(plan, "ledger-report")["displayReason"] = marker;
                break;
            case "quotaNote":
                Task(plan, "gold-coordinator")["quotas"]![0]!["note"] = marker;
                break;
            case "deadlineWhat":
                Task(plan, "three-year-summary")["deadlines"]![0]!["what"] = marker;
                break;
            case "honourTitle":
                Task(plan, "gold-coordinator")["honour"]!["title"] = marker;
                break;
            case "material":
                Task(plan, "three-year-summary")["material"] = "typicalCase";
                break;
        }
    }

    private async Task<int> SaveAsync(Func<JsonNode, JsonNode> edit, string comment)
    {
        var shanxi = await portal.RegionIdAsync("140000");
        await using var db = portal.CreateDbContext();
        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == shanxi && v.FromYear == 2021).OrderByDescending(v => v.Version).FirstAsync();
        using var admin = await portal.SignedInClientAsync("sx.admin");
        var saved = await admin.PostAsync($"/rules/{shanxi}", await admin.TokenFromAsync($"/rules/{shanxi}"), ("json", edit(JsonNode.Parse(latest.Json)!).ToJsonString()), ("comment", comment));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(saved)).QuerySelector("[data-testid=rule-errors]")?.TextContent);
        return shanxi;
    }

    [Theory]
    [MemberData(nameof(RuleElements.ShownOnTheRulesPage), MemberType = typeof(RuleElements))]
    public async Task ChangingAnElementShownOnTheRulesPage_ChangesThePage(string element, string marker)
    {
        using var reviewer = await portal.SignedInClientAsync("xz.reviewer");
        var shanxi = await portal.RegionIdAsync("140000");
        var before = (await reviewer.GetPageAsync($"/rules/{shanxi}?plan=2021")).Body!.TextContent;

        await SaveAsync(plan => { Change(plan, element, marker); return plan; }, "改 " + element);
        var after = (await reviewer.GetPageAsync($"/rules/{shanxi}?plan=2021")).Body!.TextContent;

        Assert.DoesNotContain(marker, before);
        Assert.Contains(marker, after);
    }

    /// <summary>A quota for named years counts those years together, and shows only from the first of them.</summary>
    [Fact]
    public async Task AQuotaForNamedYears_CountsThoseYearsTogether_FromTheFirstOfThem()
    {
        var xinzhou = await portal.RegionIdAsync("140900");
        await SaveAsync(plan =>
        {
            Task(plan, "wage-guidance-skill")["quotas"] = JsonNode.Parse("""[ { "level": "City", "per": "years", "years": [2022, 2023], "min": 2, "unit": "家" } ]""");
            return plan;
        }, "技能人才薪酬指导 2022、2023 年合计 2 家");
        using var reviewer = await portal.SignedInClientAsync("xz.reviewer");

        string Progress(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[data-testid=dashboard-progress]")!.TextContent;
        var y2021 = Progress(await reviewer.GetPageAsync($"/dashboard?regionId={xinzhou}&year=2021"));
        var y2022 = Progress(await reviewer.GetPageAsync($"/dashboard?regionId={xinzhou}&year=2022"));

        Assert.DoesNotContain("2022、2023 年合计", y2021);
        Assert.Contains("2022、2023 年合计", y2022);
    }

    /// <summary>A city's own plan that does not inherit quotas hides the province's quotas on the city; inheriting shows them as the level above's.</summary>
    [Fact]
    public async Task ACityPlanInheritsTheProvincesQuotas_UnlessItSaysNot()
    {
        var xinzhou = await portal.RegionIdAsync("140900");
        async Task PlanAsync(bool inherit)
        {
            await using var db = portal.CreateDbContext();
            var last = await db.RuleSetVersions.Where(v => v.RegionId == xinzhou).MaxAsync(v => (int?)v.Version) ?? 0;
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                RegionId = xinzhou, Version = last + 1, FromYear = 2021, ToYear = 2023, PlanVersion = last + 1, Name = "忻州市实施方案", CreatedAtUtc = DateTime.UtcNow, CreatedBy = "xz.admin",
                Json = $$"""
                    { "jurisdiction": "140900", "name": "忻州市实施方案", "source": "测试", "fromYear": 2021, "toYear": 2023, "inherits": { "quotas": {{(inherit ? "true" : "false")}} },
                      "tasks": [ { "id": "city-own", "name": "忻州市自定任务", "lead": "人社局", "kind": "ledgerCount", "measure": { "ledger": "key-enterprises" },
                                   "quotas": [ { "region": "140900", "per": "year", "min": 3, "unit": "户" } ] } ],
                      "criteria": {} }
                    """,
            });
            await db.SaveChangesAsync();
        }

        using var reviewer = await portal.SignedInClientAsync("xz.reviewer");
        async Task<string> ProgressAsync() => (await reviewer.GetPageAsync($"/dashboard?regionId={xinzhou}&year=2022")).QuerySelector("[data-testid=dashboard-progress]")!.TextContent;

        await PlanAsync(inherit: false);
        var alone = await ProgressAsync();
        await PlanAsync(inherit: true);
        var inheriting = await ProgressAsync();

        Assert.Contains("忻州市自定任务", alone);
        Assert.DoesNotContain("打造金牌劳动关系协调员", alone);
        Assert.Contains("忻州市自定任务", inheriting);
        Assert.Contains("打造金牌劳动关系协调员", inheriting);
    }
}

/// <summary>The rule elements whose only effect is what the rules page shows, with a marker value for each.</summary>
public static class RuleElements
{
    public static TheoryData<string, string> ShownOnTheRulesPage => new()
    {
        { "documentNumber", "晋人社厅发〔2021〕99号" },
        { "issuers", "测试印发单位甲" },
        { "source", "测试文件来源" },
        { "name", "测试规划名称" },
        { "notes", "测试规划说明" },
        { "clause", "测试条款编号" },
        { "lead", "测试牵头单位" },
        { "participants", "测试参加单位" },
        { "displayReason", "测试不计量理由" },
        { "quotaNote", "测试配额说明" },
        { "deadlineWhat", "测试材料报送事项" },
        { "honourTitle", "测试荣誉称号" },
        { "material", "典型案例" },
    };
}

public sealed class SqliteRuleElementTests(SqlitePortal portal) : RuleElementTests<SqlitePortal>(portal);

public sealed class PostgresRuleElementTests(PostgresPortal portal) : RuleElementTests<PostgresPortal>(portal);
