using System.Net;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules.Drafts;

/// <summary>The criteria of a draft plan edited as a tree of forms: what is added is in the draft and decides nominees; a refused form saves nothing and keeps what was typed.</summary>
public abstract class CriteriaEditorTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static readonly DateOnly Today = new(2025, 11, 1);

    private static async Task<int> CreateAsync(PortalClient admin, int regionId, int from, int to)
    {
        var created = await admin.PostAsync("/rules/drafts", await admin.TokenFromAsync($"/rules/drafts/new?regionId={regionId}"),
            ("Input.RegionId", regionId.ToString()), ("Input.FromYear", from.ToString()), ("Input.ToYear", to.ToString()), ("Input.Start", "CopyPlan"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<string> JsonAsync(int id)
    {
        await using var db = portal.CreateDbContext();
        return (await db.RuleSetDrafts.AsNoTracking().SingleAsync(d => d.Id == id)).Json;
    }

    private async Task<RuleSet> DraftAsync(int id) => RuleSetReader.Read(await JsonAsync(id)).RuleSet!;

    /// <summary>Posts a form of the criteria page with the page's token and stamp.</summary>
    private static async Task<HttpResponseMessage> PostAsync(PortalClient admin, int id, string action, params (string, string)[] fields)
    {
        var page = await admin.GetPageAsync($"/rules/drafts/{id}/criteria?category=Coordinator");
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var stamp = ((IHtmlInputElement)page.QuerySelector("input[name=stamp]")!).Value;
        return await admin.PostAsync($"/rules/drafts/{id}/criteria/{action}", token, [("category", "Coordinator"), ("stamp", stamp), .. fields]);
    }

    private static (string, string)[] EducationGroup(string fact, string value) =>
    [
        ("parent", ""), ("Kind", "AnyOf"), ("Text", "具备下列条件之一"),
        ("First.Kind", "Automatic"), ("First.Text", "具有大专及以上学历"), ("First.Clause", "第二条第（一）项"),
        ("First.Fact", fact), ("First.Operator", "atLeast"), ("First.Value", value),
    ];

    [Fact]
    public async Task AnAnyOfGroupOfEducationAndAnAttestedCertificate_IsInTheDraft_AndDecidesNominees()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        using var admin = await portal.SignedInClientAsync("sx.admin");
        var id = await CreateAsync(admin, shanxi, 2024, 2026);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, id, "clear")).StatusCode);
        var cleared = await admin.GetPageAsync($"/rules/drafts/{id}/criteria?category=Coordinator");
        Assert.Equal("未设置条件：推荐表将注明没有适用条件", cleared.QuerySelector("[data-testid=no-criteria]")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, id, "add", EducationGroup("Education", "大专"))).StatusCode);
        var attested = await PostAsync(admin, id, "add", ("parent", "0"), ("Kind", "Attested"), ("Text", "持有劳动关系协调员职业资格证书"), ("Clause", "第二条第（二）项"));
        Assert.Equal(HttpStatusCode.Redirect, attested.StatusCode);

        var page = await admin.GetPageAsync($"/rules/drafts/{id}/criteria?category=Coordinator");
        var tree = page.QuerySelector("[data-testid=criteria-tree]")!;
        Assert.Equal("满足以下其中一项即可", tree.QuerySelector("[data-testid=group-heading]")!.TextContent);
        Assert.Equal(["具有大专及以上学历", "持有劳动关系协调员职业资格证书"], tree.QuerySelectorAll("[data-testid=criterion-text]").Select(e => e.TextContent));
        Assert.Equal("系统判断：学历不低于大专", tree.QuerySelector("[data-testid=automatic]")!.TextContent);
        Assert.Equal("需审核确认", tree.QuerySelector("[data-testid=attested]")!.TextContent);
        Assert.Contains("第二条第（二）项", tree.TextContent);

        var criteria = (await DraftAsync(id)).CriteriaFor(GoldCategory.Coordinator, 2025)!;
        var group = Assert.IsType<CriterionGroup>(criteria);
        Assert.Equal(GroupKind.Any, group.Kind);
        Assert.Equal(new CriterionTest("Education", TestOperator.AtLeast, "大专"), ((Criterion)group.Members[0]).Test);
        Assert.Null(((Criterion)group.Members[1]).Test);
        Assert.Equal(2, CriteriaPaths.Criteria(group).Select(c => c.Id).Distinct().Count());

        Coordinator Nominee(Education education) => new() { Name = "样本", Education = education };
        Assert.Equal(Outcome.Met, RuleEvaluator.Evaluate(criteria, Nominee(Education.JuniorCollege), Today).Outcome);
        var secondary = RuleEvaluator.Evaluate(criteria, Nominee(Education.SecondaryVocational), Today);
        Assert.NotEqual(Outcome.Met, secondary.Outcome);
        Assert.False(secondary.Possible);
    }

    [Fact]
    public async Task AnUnknownFactOrAnInvalidThreshold_IsRefusedAtItsField_NothingSaved_WhatWasTypedKept()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        using var admin = await portal.SignedInClientAsync("sx.admin");
        var id = await CreateAsync(admin, shanxi, 2027, 2029);
        var before = await JsonAsync(id);

        var unknown = await PostAsync(admin, id, "add", EducationGroup("SuccessRate", "65"));
        var invalid = await PostAsync(admin, id, "add", ("parent", ""), ("Kind", "Automatic"), ("Text", "具有研究生学历"), ("Clause", "第二条"),
            ("Fact", "Education"), ("Operator", "atLeast"), ("Value", "研究生以上"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var form = (await PortalClient.ParseAsync(unknown)).QuerySelector("[data-testid=top-add] [data-testid=add-group-form]")!;
        Assert.Equal("“调解成功率”不是金牌协调员台账的字段", form.QuerySelector("[data-error='First.Fact']")!.TextContent);
        Assert.Equal("具有大专及以上学历", form.QuerySelector("textarea[name='First.Text']")!.TextContent);
        Assert.Equal("具备下列条件之一", form.QuerySelector("input[name=Text]")!.GetAttribute("value"));
        Assert.Equal("SuccessRate", form.QuerySelector("select[name='First.Fact'] option[selected]")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var add = (await PortalClient.ParseAsync(invalid)).QuerySelector("[data-testid=top-add] [data-testid=add-form]")!;
        Assert.StartsWith("“研究生以上”不是学历的选项，可选：小学及以下、初中", add.QuerySelector("[data-error=Value]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("研究生以上", add.QuerySelector("input[name=Value]")!.GetAttribute("value"));
        Assert.Equal("具有研究生学历", add.QuerySelector("textarea[name=Text]")!.TextContent);

        Assert.Equal(before, await JsonAsync(id));
    }

    [Fact]
    public async Task EditKeepsTheId_MoveAndDeleteChangeTheOrder_AndAStaleFormIsRefused()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        using var admin = await portal.SignedInClientAsync("sx.admin");
        var id = await CreateAsync(admin, shanxi, 2030, 2032);
        var top = (CriterionGroup)(await DraftAsync(id)).Criteria[GoldCategory.MediationOrganization];
        var first = (Criterion)top.Members[0];
        var page = await admin.GetPageAsync($"/rules/drafts/{id}/criteria?category=MediationOrganization");
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var stamp = ((IHtmlInputElement)page.QuerySelector("input[name=stamp]")!).Value;
        (string, string)[] mediation = [("category", "MediationOrganization"), ("stamp", stamp)];

        var edited = await admin.PostAsync($"/rules/drafts/{id}/criteria/edit", token, [.. mediation, ("path", "0.0"), ("Kind", "Automatic"), ("Text", "年度调解成功率达到70%以上"),
            ("Clause", first.Clause), ("Fact", "SuccessRate"), ("Operator", "atLeast"), ("Value", "70"), ("FromYear", "2031")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var stale = await admin.PostAsync($"/rules/drafts/{id}/criteria/delete", token, [.. mediation, ("path", "0.0")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("草稿已被修改", (await PortalClient.ParseAsync(stale)).QuerySelector("[data-testid=not-saved]")!.TextContent);

        var changed = (CriterionGroup)(await DraftAsync(id)).Criteria[GoldCategory.MediationOrganization];
        var kept = (Criterion)changed.Members[0];
        Assert.Equal((first.Id, "年度调解成功率达到70%以上", "70", 2031), (kept.Id, kept.Text, kept.Test!.Value, kept.FromYear));
        Assert.Equal(top.Members.Count, changed.Members.Count);

        var fresh = await admin.GetPageAsync($"/rules/drafts/{id}/criteria?category=MediationOrganization");
        stamp = ((IHtmlInputElement)fresh.QuerySelector("input[name=stamp]")!).Value;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/rules/drafts/{id}/criteria/move", token, ("category", "MediationOrganization"), ("stamp", stamp), ("path", "0.0"), ("direction", "down"))).StatusCode);
        fresh = await admin.GetPageAsync($"/rules/drafts/{id}/criteria?category=MediationOrganization");
        stamp = ((IHtmlInputElement)fresh.QuerySelector("input[name=stamp]")!).Value;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/rules/drafts/{id}/criteria/delete", token, ("category", "MediationOrganization"), ("stamp", stamp), ("path", "0.0"))).StatusCode);

        var after = (CriterionGroup)(await DraftAsync(id)).Criteria[GoldCategory.MediationOrganization];
        Assert.Equal(first.Id, ((Criterion)after.Members[0]).Id);
        Assert.Equal(top.Members.Count - 1, after.Members.Count);
    }

    [Fact]
    public async Task ACityPlanWithoutCriteriaOfItsOwn_SaysItInheritsThem()
    {
        var ganzhou = await portal.RegionIdAsync("360700");
        using var admin = await portal.SignedInClientAsync("gz.admin");
        var id = await CreateAsync(admin, ganzhou, 2024, 2026);

        var page = await admin.GetPageAsync($"/rules/drafts/{id}/criteria?category=Coordinator");

        Assert.Equal("本规划未规定，沿用上级规划的条件", page.QuerySelector("[data-testid=no-criteria]")!.TextContent.Trim());
        Assert.Equal("criteria", page.QuerySelector("[data-testid=draft-nav] .active")!.GetAttribute("data-section"));
    }
}

public sealed class SqliteCriteriaEditorTests(SqlitePortal portal) : CriteriaEditorTests<SqlitePortal>(portal);

public sealed class PostgresCriteriaEditorTests(PostgresPortal portal) : CriteriaEditorTests<PostgresPortal>(portal);
