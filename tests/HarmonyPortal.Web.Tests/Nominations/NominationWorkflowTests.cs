using System.Net;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// County 忻府区 (xzxf) → city 忻州 (xz) → province 山西 (sx), under Shanxi's 2021–2023 rules. Each test
/// works on its own county, year or category so that the tests of the class do not share a sheet.
/// </summary>
public abstract class NominationWorkflowTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Theory]
    [InlineData(GoldCategory.Coordinator)]
    [InlineData(GoldCategory.SocialOrganization)]
    [InlineData(GoldCategory.MediationOrganization)]
    public async Task WholeFlow_ClerkSubmits_CityReturnsThenApprovesAndForwards_ProvinceSelectsAndPublishes(GoldCategory category)
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        var rowId = await LedgerRowAsync(clerk, category, 2022, "忻府候选" + category);
        var id = await NominateAsync(clerk, category, rowId);
        var sheet = await SheetAsync(portal, id);

        // Attested criteria are missing: the submission is refused with each one named, and nothing moves.
        var refused = await ActAsync(clerk, sheet.Id, "submit");
        var reasons = await TextAsync(refused);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("第 1 位 忻府候选" + category + "：缺少证明材料", reasons);
        Assert.Equal(SheetStatus.Draft, (await SheetAsync(portal, id)).Status);

        await AttestAllAsync(clerk, id);
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));
        Assert.Equal(SheetStatus.Submitted, (await SheetAsync(portal, id)).Status);

        // The city returns it: a reason is required, and the clerk sees it.
        var noReason = await ActAsync(city, sheet.Id, "return", ("reason", "  "));
        Assert.Contains("退回原因：必填", await TextAsync(noReason));
        Assert.Equal(SheetStatus.Submitted, (await SheetAsync(portal, id)).Status);
        await DoneAsync(ActAsync(city, sheet.Id, "return", ("reason", "事迹材料不够具体，请补充调处案件数量")));
        Assert.Contains($"2022 年度{GoldName(category)}推荐表被退回：事迹材料不够具体", (await clerk.GetPageAsync("/notifications")).Body!.TextContent);
        Assert.Contains($"忻府区提交了2022 年度{GoldName(category)}推荐表，请审核", (await city.GetPageAsync("/notifications")).Body!.TextContent);
        var overview = await clerk.GetPageAsync($"/nominations?category={category}&year=2022");
        Assert.Contains("事迹材料不够具体", overview.QuerySelector("[data-testid=return-reason]")!.TextContent);

        // The clerk fixes the narrative and resubmits; the city decides on the nominee and approves.
        var fixedNarrative = await clerk.PostAsync($"/nominations/{id}/narrative", await clerk.TokenFromAsync($"/nominations/{id}"),
            ("narrative", "2022 年调处劳动争议 126 件，成功 118 件，推动 35 家企业建立工资集体协商机制。"));
        Assert.Equal(HttpStatusCode.Redirect, fixedNarrative.StatusCode);
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));
        var early = await ActAsync(city, sheet.Id, "approve");
        Assert.Contains("还有 1 名推荐对象未逐人审核", await TextAsync(early));
        // The clerk's evidence is not a confirmation: 通过 is refused until the city reviewer confirms each condition.
        var unconfirmed = await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("以下条件待审核确认，不能审核通过", await TextAsync(unconfirmed));
        await ConfirmAllAsync(city, id);
        var decided = await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await DoneAsync(ActAsync(city, sheet.Id, "approve"));
        var citySheet = await SheetAsync(portal, id, city: true);
        Assert.Equal(SheetStatus.Approved, (await SheetAsync(portal, id)).Status);

        // The city sheet is checked against the city quota (Shanxi: ≥ 10 coordinators a year) and forwarded.
        var cityPage = (await city.GetPageAsync($"/nominations/sheets/{citySheet.Id}")).QuerySelector("[data-testid=sheet-findings]")!.TextContent;
        if (category == GoldCategory.Coordinator)
        {
            Assert.Contains("忻州市 2022 年度打造金牌劳动关系协调员：1 名，低于下限 10 名", cityPage);
        }

        await DoneAsync(ActAsync(city, citySheet.Id, "forward"));
        Assert.Equal(SheetStatus.Forwarded, (await SheetAsync(portal, id, city: true)).Status);

        // The province selects and publishes.
        var selected = await province.PostAsync($"/nominations/{id}/select", await province.TokenFromAsync($"/nominations/{id}"), ("select", "true"));
        Assert.Equal(HttpStatusCode.Redirect, selected.StatusCode);
        var published = await province.PostAsync("/nominations/publish", await province.TokenFromAsync("/nominations"), ("category", category.ToString()), ("year", "2022"), ("batch", "0"), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        await using var db = portal.CreateDbContext();
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id);
        Assert.Equal(Decision.Yes, nomination.CityDecision);
        Assert.Equal(Decision.Yes, nomination.ProvinceDecision);
        Assert.NotNull(nomination.FrozenJson);
        Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, id, city: true)).Status);
        Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, id)).Status);
        var steps = await db.SheetTransitions.AsNoTracking().Where(t => t.SheetId == sheet.Id || t.SheetId == citySheet.Id).OrderBy(t => t.Id).Select(t => t.Action).ToListAsync();
        Assert.Equal([WorkflowAction.Submit, WorkflowAction.Return, WorkflowAction.Submit, WorkflowAction.Decide, WorkflowAction.Approve, WorkflowAction.Forward, WorkflowAction.Select, WorkflowAction.Publish, WorkflowAction.Publish], steps);
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.ObjectType == "sheet" && (a.ObjectId == sheet.Id.ToString() || a.ObjectId == citySheet.Id.ToString())).Select(a => a.Action).ToListAsync();
        Assert.Equal(9, audited.Count);
        var evaluations = await db.NominationEvaluations.AsNoTracking().Where(e => e.NominationId == id).OrderBy(e => e.Id).ToListAsync();
        // One per submission (the attested conditions still await the city: 待审核确认) and one at the city's 通过 (符合), each naming its rule version.
        Assert.Equal([(Outcome.NeedsAttestation, 1), (Outcome.NeedsAttestation, 1), (Outcome.Met, 1)], evaluations.Select(e => (e.Outcome, e.RuleSetVersion)));
        Assert.Contains("已由审核人员确认（忻州市审核员，2022-07-01）", evaluations[^1].VerdictJson);

        Assert.Contains($"忻州市上报了2022 年度{GoldName(category)}推荐表（1 名），请择优", (await province.GetPageAsync("/notifications")).Body!.TextContent);
        Assert.Contains($"2022 年度{GoldName(category)}名单已发布，本市入选 1 名", (await city.GetPageAsync("/notifications")).Body!.TextContent);
        var timeline = (await clerk.GetPageAsync($"/nominations/{id}")).QuerySelector("[data-testid=timeline]")!.TextContent;
        Assert.Contains("退回", timeline);
        Assert.Contains("事迹材料不够具体", timeline);
        Assert.Contains("发布", timeline);
    }

    [Fact]
    public async Task IllegalTransitionsAndOutOfScopeActors_AreRefused_AndChangeNothing()
    {
        portal.Clock.Set(2021, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        using var sibling = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var cityClerk = await portal.SignedInClientAsync("xz.clerk");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        using var stranger = await portal.SignedInClientAsync("ts.reviewer");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2021, "定襄候选"));
        await AttestAllAsync(clerk, id);
        var sheet = await SheetAsync(portal, id);

        // Nobody reviews a draft; only the county's clerk submits; nobody outside the subtree even sees it.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ActAsync(city, sheet.Id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ActAsync(city, sheet.Id, "reopen", ("reason", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(city, sheet.Id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(cityClerk, sheet.Id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(sibling, sheet.Id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(stranger, sheet.Id, "return", ("reason", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/nominations/sheets/{sheet.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/nominations/{id}")).StatusCode);

        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));

        // Submitted: only the city's reviewer reviews; not the province, not the clerk, not the city's clerk; no forwarding of a county sheet.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ActAsync(clerk, sheet.Id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(clerk, sheet.Id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(cityClerk, sheet.Id, "return", ("reason", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(province, sheet.Id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(city, sheet.Id, "forward")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await province.PostAsync($"/nominations/{id}/decide", await province.TokenFromAsync("/nominations"), ("approve", "true"))).StatusCode);
        var edit = await clerk.PostAsync($"/nominations/{id}/narrative", await clerk.TokenFromAsync("/nominations"), ("narrative", "提交后试图修改主要事迹的内容，应当被拒绝。"));
        Assert.Contains("推荐表当前状态为“已提交”，不能再修改", await TextAsync(edit));
        var select = await province.PostAsync($"/nominations/{id}/select", await province.TokenFromAsync("/nominations"), ("select", "true"));
        Assert.Contains("尚未经市级审核通过并上报", await TextAsync(select));

        await using var db = portal.CreateDbContext();
        Assert.Equal(SheetStatus.Submitted, (await SheetAsync(portal, id)).Status);
        Assert.Equal(1, await db.SheetTransitions.CountAsync(t => t.SheetId == sheet.Id));
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id);
        Assert.Equal(Decision.Pending, nomination.CityDecision);
        Assert.StartsWith("长期扎根基层", nomination.Narrative);
    }

    [Fact]
    public async Task TwoReviewersApproveTheSameSheetAtOnce_ExactlyOneSucceeds_TheOtherIsToldItWasHandled()
    {
        portal.Clock.Set(2021, 7, 1);
        await AddReviewerAsync("xz.reviewer2", "xz.reviewer");
        using var clerk = await portal.SignedInClientAsync("xzyp.clerk");
        using var first = await portal.SignedInClientAsync("xz.reviewer");
        using var second = await portal.SignedInClientAsync("xz.reviewer2");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2021, "原平候选"));
        await AttestAllAsync(clerk, id);
        var sheet = await SheetAsync(portal, id);
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));
        await ConfirmAllAsync(first, id);
        await DoneAsync(first.PostAsync($"/nominations/{id}/decide", await first.TokenFromAsync("/nominations"), ("approve", "true")));

        var version = (await SheetAsync(portal, id)).Version.ToString();
        var tokens = (await first.TokenFromAsync($"/nominations/sheets/{sheet.Id}"), await second.TokenFromAsync($"/nominations/sheets/{sheet.Id}"));
        var responses = await Task.WhenAll(
            first.PostAsync($"/nominations/sheets/{sheet.Id}/approve", tokens.Item1, ("version", version)),
            second.PostAsync($"/nominations/sheets/{sheet.Id}/approve", tokens.Item2, ("version", version)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("该推荐表已被他人处理，当前状态为“已通过”", await TextAsync(loser));
        await using var db = portal.CreateDbContext();
        Assert.Equal(1, await db.SheetTransitions.CountAsync(t => t.SheetId == sheet.Id && t.Action == WorkflowAction.Approve));
    }

    /// <summary>
    /// 山西 "金牌劳动关系协调员为每年12月20日前" is the date the city reports to the province: after it the city's report is
    /// locked until the province grants an extension with a reason; the county's submission to the city has no date from
    /// the province and is not locked.
    /// </summary>
    [Fact]
    public async Task AfterTheReportDate_TheCitysReportIsLocked_UntilTheProvinceGrantsAnExtensionWithAReason()
    {
        portal.Clock.Set(2023, 12, 22); // a year no other test of this class forwards
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2023, "逾期候选"));
        await AttestAllAsync(clerk, id);
        var sheet = await SheetAsync(portal, id);
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));
        await ConfirmAllAsync(city, id);
        await DoneAsync(city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true")));
        await DoneAsync(ActAsync(city, sheet.Id, "approve"));
        var citySheet = await SheetAsync(portal, id, city: true);
        var xinzhou = await portal.RegionIdAsync("140900");

        var late = await ActAsync(city, citySheet.Id, "forward");
        Assert.Contains("截止日期 2023-12-20 已过 2 天，不能再上报", await TextAsync(late));

        var extendFields = new[] { ("regionId", xinzhou.ToString()), ("category", "Coordinator"), ("year", "2023"), ("batch", "0"), ("newDate", "2023-12-31"), ("step", "Report") };
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsync("/nominations/extend", await city.TokenFromAsync("/nominations"), [.. extendFields, ("reason", "自己延期")])).StatusCode);
        var noReason = await province.PostAsync("/nominations/extend", await province.TokenFromAsync("/nominations"), extendFields);
        Assert.Contains("延期原因：必填", (await province.GetPageAsync(noReason.Headers.Location!.OriginalString)).Body!.TextContent);
        await DoneAsync(province.PostAsync("/nominations/extend", await province.TokenFromAsync("/nominations"), [.. extendFields, ("reason", "该市遭遇汛情，材料延后报送")]));

        var overview = await province.GetPageAsync("/nominations?category=Coordinator&year=2023");
        Assert.Contains("截止日期 2023-12-31（已延期），还有 9 天", overview.QuerySelector($"[data-testid=child-{xinzhou}]")!.TextContent);
        await DoneAsync(ActAsync(city, citySheet.Id, "forward"));
        var timeline = (await city.GetPageAsync($"/nominations/sheets/{citySheet.Id}")).QuerySelector("[data-testid=timeline]")!.TextContent;
        Assert.Contains("截止日期延至 2023-12-31：该市遭遇汛情", timeline);
    }

    private static string GoldName(GoldCategory category) => category switch
    {
        GoldCategory.Coordinator => "金牌劳动关系协调员",
        GoldCategory.MediationOrganization => "金牌劳动人事争议调解组织",
        _ => "金牌协调劳动关系社会组织",
    };

    private async Task AddReviewerAsync(string userName, string like)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }

        var template = (await users.FindByNameAsync(like))!;
        var created = await users.CreateAsync(
            new AppUser { UserName = userName, DisplayName = "第二审核员", RegionId = template.RegionId, UnitId = template.UnitId, Role = UserRole.Reviewer },
            PortalClient.DemoPassword);
        Assert.True(created.Succeeded);
    }
}

public sealed class SqliteNominationWorkflowTests(SqlitePortal portal) : NominationWorkflowTests<SqlitePortal>(portal);

public sealed class PostgresNominationWorkflowTests(PostgresPortal portal) : NominationWorkflowTests<PostgresPortal>(portal);
