using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules;

/// <summary>
/// The rules page as a clerk reads it: names instead of codes, every quota, the viewer's own quotas first, criteria in
/// their own words; the rule file format served by the portal; regions without a plan of their own.
/// </summary>
public abstract partial class ReadableRulesPageTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [GeneratedRegex(@"\d{6}")]
    private static partial Regex RegionCode();

    private async Task<RuleSet> StoredPlanAsync(string code)
    {
        var regionId = await portal.RegionIdAsync(code);
        await using var db = portal.CreateDbContext();
        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == regionId).OrderByDescending(v => v.Version).FirstAsync();
        return RuleSetReader.Read(latest.Json).RuleSet!;
    }

    [Fact]
    public async Task Yueyang_ShowsEveryQuotaOfEveryTask_UnderTheNamesOfRegionsAndUnits_WithoutCodes()
    {
        var yueyang = await portal.RegionIdAsync("430600");
        var plan = await StoredPlanAsync("430600");
        using var reviewer = await portal.SignedInClientAsync("yy.reviewer");

        var page = await reviewer.GetPageAsync($"/rules/{yueyang}");

        Assert.Contains(plan.Tasks, t => t.Quotas.Count >= 26);
        Assert.All(plan.Tasks, t => Assert.Equal(t.Quotas.Count, page.QuerySelectorAll($"[data-task='{t.Id}'] [data-quota]").Length));
        var tasks = page.QuerySelector("[data-testid=tasks]")!.TextContent;
        Assert.DoesNotMatch(RegionCode(), tasks);
        Assert.DoesNotContain("未知地区", tasks);
        Assert.DoesNotContain("……共", tasks);
        var keyEnterprises = page.QuerySelector("[data-task='key-enterprises'] [data-testid=quota-holders]")!;
        var junshan = keyEnterprises.QuerySelectorAll("tr").Single(r => r.QuerySelector("th")?.TextContent == "君山区").TextContent;
        Assert.Contains("规划期内 ≥ 3 户", junshan);
        Assert.Contains("每年 ≥ 1 户", junshan);
        Assert.Contains("岳阳市总工会", keyEnterprises.TextContent);
        Assert.Contains("每个县（市、区）：每年 ≥ 1 户", page.QuerySelector("[data-task='wage-guidance-skill']")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=own-quotas]"));
    }

    [Fact]
    public async Task ACountyClerkOfJunshan_SeesTheQuotasOfJunshanFirst()
    {
        var yueyang = await portal.RegionIdAsync("430600");
        var plan = await StoredPlanAsync("430600");
        using var clerk = await portal.SignedInClientAsync("yyjs.clerk");

        var page = await clerk.GetPageAsync($"/rules/{yueyang}");

        var own = page.QuerySelector("[data-testid=own-quotas]")!;
        Assert.True(own.CompareDocumentPosition(page.QuerySelector("[data-testid=tasks]")!).HasFlag(DocumentPositions.Following));
        Assert.Contains("本地区配额（君山区）", own.TextContent);
        var expected = plan.Tasks.Sum(t => t.Quotas.Count(q => q.MemberUnit is null && (q.Region == "430611" || q.Level == "County")));
        Assert.Equal(18, expected);
        Assert.Equal(expected, own.QuerySelectorAll("[data-quota]").Length);
        var newEnterprises = own.QuerySelectorAll("tr").Single(r => r.QuerySelector("td")?.TextContent == "新企业用工服务计划").QuerySelectorAll("[data-quota]").Select(q => q.TextContent).ToList();
        Assert.Equal(2, newEnterprises.Count);
        Assert.StartsWith("规划期内 ≥ 60 户", newEnterprises[0]);
        Assert.StartsWith("每年 ≥ 20 户", newEnterprises[1]);
        Assert.Contains(own.QuerySelectorAll("[data-quota]"), q => q.TextContent.StartsWith("每个县（市、区）：每年 ≥ 1 户", StringComparison.Ordinal));
        Assert.DoesNotContain("岳阳楼区", own.TextContent);
    }

    [Fact]
    public async Task Shanxi_ShowsTheCriteriaInTheNoticesWords_WithClauses_AndHowEachIsChecked()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        using var reviewer = await portal.SignedInClientAsync("xz.reviewer");

        var criteria = (await reviewer.GetPageAsync($"/rules/{shanxi}")).QuerySelector("[data-testid=criteria]")!;

        Assert.Contains("金牌劳动关系协调员", criteria.TextContent);
        Assert.Contains("须同时符合以下全部条件", criteria.TextContent);
        string Item(string text) => criteria.QuerySelectorAll("li[data-criterion]").Single(li => li.QuerySelector("ul") is null && li.TextContent.Contains(text, StringComparison.Ordinal)).TextContent;
        Assert.Contains("（选树条件 一（三）1）", Item("具有高中以上文化程度"));
        Assert.Contains("系统自动核对", Item("具有高中以上文化程度"));
        Assert.Contains("需审核确认", Item("在服务对象中口碑好"));
        Assert.Contains("（选树条件 三（二）4）", Item("年度调解成功率达到65%以上"));
    }

    [Fact]
    public async Task AnyOfGroups_AreNestedLists_WithTheirYears_AndUnknownCodesAreSaidToBeUnknown()
    {
        var xinzhou = await portal.RegionIdAsync("140900");
        await using (var db = portal.CreateDbContext())
        {
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                RegionId = xinzhou, Version = 1, FromYear = 2021, ToYear = 2023, PlanVersion = 1, Name = "忻州市实施方案", CreatedAtUtc = DateTime.UtcNow, CreatedBy = "xz.admin",
                Json = """
                    { "jurisdiction": "140900", "name": "忻州市实施方案", "source": "测试", "fromYear": 2021, "toYear": 2023,
                      "tasks": [ { "id": "city-own", "name": "忻州市自定任务", "lead": "人社局", "kind": "ledgerCount", "measure": { "ledger": "key-enterprises" },
                                   "quotas": [ { "region": "140999", "per": "year", "min": 3, "unit": "户" },
                                               { "region": "140900", "memberUnit": "总工会", "per": "period", "min": 2, "unit": "户" } ] } ],
                      "criteria": { "coordinator": { "all": [
                          { "id": "xz-1", "text": "忻州测试条件甲", "clause": "一（1）", "kind": "attested" },
                          { "text": "工作业绩", "fromYear": 2022, "any": [
                              { "id": "xz-2", "text": "忻州测试条件乙", "clause": "一（2）", "kind": "attested" },
                              { "id": "xz-3", "text": "忻州测试条件丙", "clause": "一（3）", "kind": "attested", "toYear": 2023 } ] } ] } } }
                    """,
            });
            await db.SaveChangesAsync();
        }

        using var reviewer = await portal.SignedInClientAsync("xz.reviewer");
        var page = await reviewer.GetPageAsync($"/rules/{xinzhou}");

        var anyOf = page.QuerySelectorAll("[data-testid=criteria] li[data-criterion]")
            .Single(li => li.Children.Any(c => c.LocalName == "strong" && c.TextContent.Contains("符合以下任一条件即可", StringComparison.Ordinal)));
        Assert.Contains("须同时符合以下全部条件", anyOf.ParentElement!.Closest("li[data-criterion]")!.TextContent);
        Assert.Contains("工作业绩", anyOf.TextContent);
        Assert.Contains("2022 年起", anyOf.TextContent);
        Assert.Equal(2, anyOf.QuerySelectorAll("li[data-criterion]").Length);
        Assert.Contains("至 2023 年", anyOf.QuerySelectorAll("li[data-criterion]")[1].TextContent);
        var holders = page.QuerySelector("[data-task='city-own'] [data-testid=quota-holders]")!.TextContent;
        Assert.Contains("未知地区（140999）", holders);
        Assert.Contains("忻州市总工会", holders);
    }

    [Fact]
    public async Task TheRuleFileFormat_IsServedAsJson_ToSignedInUsers_AndLinkedFromTheForm()
    {
        var yueyang = await portal.RegionIdAsync("430600");
        using var clerk = await portal.SignedInClientAsync("yyjs.clerk");
        using var admin = await portal.SignedInClientAsync("yy.admin");

        var response = await clerk.Http.GetAsync("/rules/schema.json");
        using var stranger = portal.CreatePortalClient();
        var anonymous = await stranger.Http.GetAsync("/rules/schema.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(schema.RootElement.GetProperty("properties").TryGetProperty("tasks", out _));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        var link = (await admin.GetPageAsync($"/rules/{yueyang}")).QuerySelector("[data-testid=schema-link]")!;
        Assert.Equal("/rules/schema.json", link.GetAttribute("href"));
    }

    [Fact]
    public async Task AFullWidthCommaInTheRuleFile_IsNamedWithItsLineAndCharacter_AndTheTextIsKept()
    {
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        using var admin = await portal.SignedInClientAsync("jy.admin");
        const string typed = "{\n  \"jurisdiction\": \"410000-JY\"，\n  \"name\": \"济源\"\n}";

        var response = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", typed));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var errors = page.QuerySelector("[data-testid=rule-errors]")!.TextContent;
        Assert.Contains("第 2 行第 30 个字符是全角逗号“，”，JSON 里须用半角逗号“,”", errors);
        Assert.DoesNotMatch("[A-Za-z]{5,}", errors.Replace("JSON", "", StringComparison.Ordinal));
        Assert.Equal(typed, page.QuerySelector("textarea#json")!.TextContent.TrimStart('\n'));
        await using var db = portal.CreateDbContext();
        Assert.Equal(1, await db.RuleSetVersions.CountAsync(v => v.RegionId == jiyuan));
    }

    [Fact]
    public async Task ARegionWithoutAPlan_SaysSo_AndNamesThePlanAbove_AndTheAdminListsItWithANewPlanLink()
    {
        var hunan = await portal.RegionIdAsync("430000");
        var junshan = await portal.RegionIdAsync("430611");
        var yueyang = await portal.RegionIdAsync("430600");
        using var admin = await portal.SignedInClientAsync("hn.admin");
        using var clerk = await portal.SignedInClientAsync("yyjs.clerk");
        using var stranger = await portal.SignedInClientAsync("sx.admin");

        var index = (await admin.GetPageAsync("/rules")).QuerySelector("[data-testid=rulesets]")!;
        var adminPage = await admin.GetPageAsync($"/rules/{hunan}");
        var clerkPage = await clerk.GetPageAsync($"/rules/{junshan}");
        var clerkIndex = (await clerk.GetPageAsync("/rules")).QuerySelector("[data-testid=rulesets]")!;

        foreach (var (id, name) in new[] { (hunan, "湖南省"), (junshan, "君山区") })
        {
            var row = index.QuerySelector($"tr[data-region='{id}'][data-testid=no-plan]")!;
            Assert.Contains(name, row.TextContent);
            Assert.Contains("尚无规划", row.TextContent);
            Assert.Equal($"/rules/drafts/new?regionId={id}", row.QuerySelector("a.btn")!.GetAttribute("href"));
        }

        Assert.Null(index.QuerySelector($"tr[data-region='{yueyang}'][data-testid=no-plan]"));
        Assert.NotNull(index.QuerySelector($"tr[data-region='{yueyang}']"));
        Assert.Contains("本级未制定规划", adminPage.QuerySelector("[data-testid=no-plan]")!.TextContent);
        Assert.Equal($"/rules/drafts/new?regionId={hunan}", adminPage.QuerySelector("[data-testid=new-plan]")!.GetAttribute("href"));
        Assert.Contains("本级未制定规划", clerkPage.QuerySelector("[data-testid=no-plan]")!.TextContent);
        Assert.Null(clerkPage.QuerySelector("[data-testid=new-plan]"));
        var applies = clerkPage.QuerySelector("[data-testid=applies]")!;
        Assert.Contains("岳阳市", applies.TextContent);
        Assert.StartsWith($"/rules/{yueyang}?plan=", applies.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("新建规划", clerkIndex.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/rules/{junshan}")).StatusCode);
    }
}

public sealed class SqliteReadableRulesPageTests(SqlitePortal portal) : ReadableRulesPageTests<SqlitePortal>(portal);

public sealed class PostgresReadableRulesPageTests(PostgresPortal portal) : ReadableRulesPageTests<PostgresPortal>(portal);
