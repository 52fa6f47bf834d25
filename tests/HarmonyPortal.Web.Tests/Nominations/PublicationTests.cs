using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// 山西 selects its gold coordinators at province level: publishing asks first (showing who will be listed), the
/// province's reviewer alone may withdraw the list with a reason (the county on it and the city are told), and the
/// list can be published again.
/// </summary>
public abstract class PublicationTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static readonly (string, string)[] Gold = [("category", "Coordinator"), ("year", "2022"), ("batch", "0")];

    [Fact]
    public async Task Publish_AsksFirst_ThenOnlyTheProvinceWithdrawsWithAReason_EveryoneIsTold_AndItPublishesAgain()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        using var otherProvince = await portal.SignedInClientAsync("jx.reviewer");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "发布撤回甲"));
        var countySheet = await SheetAsync(portal, id);
        await AttestAllAsync(clerk, id);
        await DoneAsync(ActAsync(clerk, countySheet.Id, "submit", ("confirmed", "true")));
        await ConfirmAllAsync(city, id);
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true"))).StatusCode);
        await DoneAsync(ActAsync(city, countySheet.Id, "approve"));
        var citySheet = await SheetAsync(portal, id, city: true);
        await DoneAsync(ActAsync(city, citySheet.Id, "forward"));
        Assert.Equal(HttpStatusCode.Redirect, (await province.PostAsync($"/nominations/{id}/select", await province.TokenFromAsync($"/nominations/{id}"), ("select", "true"))).StatusCode);

        // The confirmation page lists who will be published; a POST without the box ticked publishes nothing.
        var confirmation = await province.GetPageAsync("/nominations/publish?category=Coordinator&year=2022&batch=0");
        var unconfirmed = await province.PostAsync("/nominations/publish", await province.TokenFromAsync("/nominations"), Gold);
        Assert.Equal("1", confirmation.QuerySelector("[data-testid=publish-count]")!.TextContent);
        Assert.Contains("定襄县", confirmation.QuerySelector("[data-testid=publish-preview]")!.TextContent);
        Assert.Contains("发布撤回甲", confirmation.QuerySelector("[data-testid=publish-preview]")!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("请勾选“确认发布以上名单”后再发布", await TextAsync(unconfirmed));
        Assert.Equal(SheetStatus.Forwarded, (await SheetAsync(portal, id, city: true)).Status);

        await DoneAsync(PublishAsync(province));
        Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, id, city: true)).Status);
        Assert.Contains("2022 年度金牌劳动关系协调员名单已发布，本地区入选 1 名", (await clerk.GetPageAsync("/notifications")).Body!.TextContent);
        Assert.Contains("发布撤回甲", (await province.GetPageAsync("/print/published?category=Coordinator&year=2022&batch=0")).Body!.TextContent);

        // Neither the county's clerk, nor the city below, nor another province may withdraw it; nor the province without a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await WithdrawAsync(clerk, "县里要撤回")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WithdrawAsync(city, "市里要撤回")).StatusCode);
        var foreign = await WithdrawAsync(otherProvince, "外省要撤回");
        Assert.Contains("没有已发布的该名单", (await otherProvince.GetPageAsync(foreign.Headers.Location!.OriginalString)).Body!.TextContent);
        var noReason = await WithdrawAsync(province, "  ");
        Assert.Contains("撤回发布的原因：必填", (await province.GetPageAsync(noReason.Headers.Location!.OriginalString)).Body!.TextContent);
        var unticked = await WithdrawAsync(province, "名单有误", confirmed: false);
        Assert.Contains("请勾选“确认撤回已发布的名单”后再撤回", (await province.GetPageAsync(unticked.Headers.Location!.OriginalString)).Body!.TextContent);
        Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, id, city: true)).Status);
        Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, id)).Status);

        // The province withdraws: the city sheet is back to 已上报, the county's to 已通过, and both are told why.
        var withdrawn = await WithdrawAsync(province, "入选名单中一人证书信息有误，核对后重新发布");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(SheetStatus.Forwarded, (await SheetAsync(portal, id, city: true)).Status);
        Assert.Equal(SheetStatus.Approved, (await SheetAsync(portal, id)).Status);
        Assert.Contains("2022 年度金牌劳动关系协调员名单已撤回发布：入选名单中一人证书信息有误", (await clerk.GetPageAsync("/notifications")).Body!.TextContent);
        Assert.Contains("2022 年度金牌劳动关系协调员名单已撤回发布：入选名单中一人证书信息有误", (await city.GetPageAsync("/notifications")).Body!.TextContent);
        var overview = await province.GetPageAsync("/nominations?category=Coordinator&year=2022&batch=0");
        Assert.Null(overview.QuerySelector("[data-testid=published-print]"));
        Assert.DoesNotContain("发布撤回甲", (await province.GetPageAsync("/print/published?category=Coordinator&year=2022&batch=0")).Body!.TextContent);
        Assert.Contains("撤回已发布的名单：入选名单中一人证书信息有误", (await city.GetPageAsync($"/nominations/sheets/{citySheet.Id}")).Body!.TextContent);
        await using (var db = portal.CreateDbContext())
        {
            var audited = await db.AuditEntries.Where(a => a.Action == AuditActions.Sheet(WorkflowAction.Withdraw)).Select(a => a.ObjectId).ToListAsync();
            Assert.Equal(2, audited.Count);
            Assert.Contains(citySheet.Id.ToString(), audited);
            Assert.Contains(countySheet.Id.ToString(), audited);
        }

        // Published again.
        await DoneAsync(PublishAsync(province));
        Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, id, city: true)).Status);
        Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, id)).Status);
        Assert.Contains("发布撤回甲", (await province.GetPageAsync("/print/published?category=Coordinator&year=2022&batch=0")).Body!.TextContent);
    }

    [Fact]
    public async Task Submit_AsksFirst_ShowingTheNomineesThatWillBeSent_AndAnUnconfirmedPostSendsNothing()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzyp.clerk");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "提交确认乙"));
        await AttestAllAsync(clerk, id);
        var sheet = await SheetAsync(portal, id);

        var sheetPage = await clerk.GetPageAsync($"/nominations/sheets/{sheet.Id}");
        var confirmation = await clerk.GetPageAsync($"/nominations/sheets/{sheet.Id}/submit");
        var form = confirmation.QuerySelector("[data-testid=confirm-submit]")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = form.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        var unconfirmed = await clerk.PostAsync($"/nominations/sheets/{sheet.Id}/submit", token, ("version", version));

        Assert.NotNull(sheetPage.QuerySelector($"form[method=get][action='/nominations/sheets/{sheet.Id}/submit']"));
        Assert.Equal("1", confirmation.QuerySelector("[data-testid=submit-count]")!.TextContent);
        Assert.Contains("提交确认乙", confirmation.QuerySelector("[data-testid=submit-preview]")!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("请勾选“确认提交以上推荐对象”后再提交", await TextAsync(unconfirmed));
        Assert.Equal(SheetStatus.Draft, (await SheetAsync(portal, id)).Status);

        var submitted = await clerk.PostAsync($"/nominations/sheets/{sheet.Id}/submit", token, ("version", version), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(SheetStatus.Submitted, (await SheetAsync(portal, id)).Status);
    }

    private static async Task<HttpResponseMessage> PublishAsync(PortalClient province)
    {
        var page = await province.GetPageAsync("/nominations/publish?category=Coordinator&year=2022&batch=0");
        var token = page.QuerySelector("[data-testid=confirm-publish] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await province.PostAsync("/nominations/publish", token, [.. Gold, ("confirmed", "true")]);
    }

    private static async Task<HttpResponseMessage> WithdrawAsync(PortalClient user, string reason, bool confirmed = true) =>
        await user.PostAsync("/nominations/withdraw", await user.TokenFromAsync("/nominations"),
            confirmed ? [.. Gold, ("reason", reason), ("confirmed", "true")] : [.. Gold, ("reason", reason)]);
}

public sealed class SqlitePublicationTests(SqlitePortal portal) : PublicationTests<SqlitePortal>(portal);

public sealed class PostgresPublicationTests(PostgresPortal portal) : PublicationTests<PostgresPortal>(portal);
