using System.Net;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules.Drafts;

/// <summary>
/// The criteria page adds "held an honour in an earlier year" from lists (the honour by name, held or not, within how many
/// years), without JSON; a reference to an honour or tier the plan lacks is refused at its field and nothing is saved.
/// </summary>
public abstract class HonourCriteriaEditorTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private async Task<string> JsonAsync(int id)
    {
        await using var db = portal.CreateDbContext();
        return (await db.RuleSetDrafts.AsNoTracking().SingleAsync(d => d.Id == id)).Json;
    }

    private static async Task<HttpResponseMessage> AddAsync(PortalClient admin, int id, string fact, string op, string years)
    {
        var page = await admin.GetPageAsync($"/rules/drafts/{id}/criteria?category=Coordinator");
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var stamp = ((IHtmlInputElement)page.QuerySelector("input[name=stamp]")!).Value;
        return await admin.PostAsync($"/rules/drafts/{id}/criteria/add", token, ("category", "Coordinator"), ("stamp", stamp), ("parent", ""),
            ("Kind", "Automatic"), ("Text", "近三年未获评金牌劳动关系协调员"), ("Clause", "第三条"), ("Fact", fact), ("Operator", op), ("Value", years));
    }

    [Fact]
    public async Task AnAdministratorAddsANotHeldWithinThreeYearsTest_FromTheLists_AndTheDraftAndThePageSayIt()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        using var admin = await portal.SignedInClientAsync("sx.admin");
        var created = await admin.PostAsync("/rules/drafts", await admin.TokenFromAsync($"/rules/drafts/new?regionId={shanxi}"),
            ("Input.RegionId", shanxi.ToString()), ("Input.FromYear", "2024"), ("Input.ToYear", "2026"), ("Input.Start", "CopyPlan"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        var page = await admin.GetPageAsync($"/rules/drafts/{id}/criteria?category=Coordinator");
        var honour = page.QuerySelector("[data-testid=add-form] select[name=Fact] option[value='honour:coordinator']")!;
        Assert.Equal("曾获称号：金牌劳动关系协调员", honour.TextContent);
        var operators = page.QuerySelectorAll("[data-testid=add-form] select[name=Operator] option").Select(o => o.TextContent).ToList();
        Assert.Contains("此前年度已获该称号", operators);
        Assert.Contains("此前年度未获该称号", operators);
        Assert.Contains("否", operators);

        var before = await JsonAsync(id);
        var unknownTier = await AddAsync(admin, id, "honour:coordinator:platinum", "notHeld", "3");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownTier.StatusCode);
        var form = (await PortalClient.ParseAsync(unknownTier)).QuerySelector("details[open] [data-testid=add-form]")!;
        Assert.Equal("本规划的“金牌劳动关系协调员”没有层级“platinum”，请从列表中选择", form.QuerySelector("[data-error=Fact]")!.TextContent);
        Assert.Equal("近三年未获评金牌劳动关系协调员", form.QuerySelector("textarea[name=Text]")!.TextContent);
        var otherCategory = await AddAsync(admin, id, "honour:mediationOrganization", "held", "");
        Assert.Equal("只能引用金牌协调员本身的称号（同一人或组织的以往记录）",
            (await PortalClient.ParseAsync(otherCategory)).QuerySelector("details[open] [data-testid=add-form] [data-error=Fact]")!.TextContent);
        var badYears = await AddAsync(admin, id, "honour:coordinator", "notHeld", "三年");
        Assert.Equal("“三年”不是有效的年数：应为 1 到 100 之间的整数",
            (await PortalClient.ParseAsync(badYears)).QuerySelector("details[open] [data-testid=add-form] [data-error=Value]")!.TextContent);
        Assert.Equal(before, await JsonAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(admin, id, "honour:coordinator", "notHeld", "3")).StatusCode);
        var draft = RuleSetReader.Read(await JsonAsync(id)).RuleSet!;
        var added = RuleSetPathsOf(draft.CriteriaFor(GoldCategory.Coordinator, 2025)!).Single(c => c.Text == "近三年未获评金牌劳动关系协调员");
        Assert.Equal(new CriterionTest("honour:coordinator", TestOperator.NotHeld, "3"), added.Test);
        var tree = (await admin.GetPageAsync($"/rules/drafts/{id}/criteria?category=Coordinator")).QuerySelector("[data-testid=criteria-tree]")!;
        Assert.Contains("系统判断：近 3 年内未获“金牌劳动关系协调员”称号", tree.TextContent);
    }

    private static IEnumerable<Criterion> RuleSetPathsOf(CriterionNode node) => node switch
    {
        CriterionGroup g => g.Members.SelectMany(RuleSetPathsOf),
        Criterion c => [c],
        _ => [],
    };
}

public sealed class SqliteHonourCriteriaEditorTests(SqlitePortal portal) : HonourCriteriaEditorTests<SqlitePortal>(portal);

public sealed class PostgresHonourCriteriaEditorTests(PostgresPortal portal) : HonourCriteriaEditorTests<PostgresPortal>(portal);
