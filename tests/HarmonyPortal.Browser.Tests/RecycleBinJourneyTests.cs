using System.Text.RegularExpressions;
using HarmonyPortal.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>A clerk deletes a ledger row (after the confirmation page), finds it in the recycle bin with its history, and restores it.</summary>
public sealed class RecycleBinJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Name = "回收站演示";

    [Fact]
    public async Task Clerk_DeletesARowAfterConfirming_FindsItInTheRecycleBin_AndRestoresItWithItsHistory()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("yyhr.clerk");
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "台账", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "劳动关系协调员情况表" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新增" }).ClickAsync();
        await page.GetByLabel("姓名").FillAsync(Name);
        await page.GetByLabel("性别").SelectOptionAsync("男");
        await page.GetByLabel("民族").SelectOptionAsync("汉族");
        await page.GetByLabel("身份证号码").FillAsync(TestIdNumbers.WithCheckDigit("430626198807070017"));
        await page.GetByLabel(new Regex(@"^工作单位\s*\*?$")).FillAsync("华容县某纺织有限公司");
        await page.GetByLabel("学历").SelectOptionAsync("本科");
        await page.GetByLabel("任职协调员时间").FillAsync("2021-04-01");
        await page.GetByLabel("联系方式").FillAsync("13907301234");
        await page.GetByLabel("类别").SelectOptionAsync("劳动关系协调员");
        await page.GetByLabel("是否在任").SelectOptionAsync("是");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByTestId("ledger-details")).ToContainTextAsync(Name);
        var detailsUrl = page.Url;

        // 删除 opens the confirmation page: what will be deleted, an optional reason, a box to tick.
        await page.GetByRole(AriaRole.Link, new() { Name = "删除", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("delete-summary")).ToContainTextAsync(Name);
        await page.GetByLabel("删除原因（选填）").FillAsync("与另一条记录重复");
        await page.GetByLabel("确认删除该记录").CheckAsync();
        await BrowserSession.ScreenshotAsync(page, "50-ledger-delete-confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "删除", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已移入回收站");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(Name + " ");

        // The recycle bin lists it with the reason; its history shows the deletion.
        await page.GetByTestId("recycle-bin-link").ClickAsync();
        var entry = page.GetByTestId("recycle-bin").GetByRole(AriaRole.Row).Filter(new() { HasText = Name });
        await Expect(entry).ToContainTextAsync("与另一条记录重复");
        await BrowserSession.ScreenshotAsync(page, "51-ledger-recycle-bin");
        await entry.GetByRole(AriaRole.Link, new() { Name = "修改记录" }).ClickAsync();
        await Expect(page.GetByTestId("history-deleted")).ToContainTextAsync("现在回收站中");
        await Expect(page.GetByTestId("ledger-history")).ToContainTextAsync("删除（移入回收站）");
        await BrowserSession.ScreenshotAsync(page, "52-ledger-deleted-history");

        // Restored: the row is back at its address, and its history goes on.
        await page.GetByRole(AriaRole.Link, new() { Name = "返回回收站" }).ClickAsync();
        await page.GetByTestId("recycle-bin").GetByRole(AriaRole.Row).Filter(new() { HasText = Name }).GetByRole(AriaRole.Button, new() { Name = "恢复" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已恢复");
        Assert.Equal(detailsUrl, page.Url);
        await Expect(page.GetByTestId("ledger-details")).ToContainTextAsync(Name);
        await page.GetByRole(AriaRole.Link, new() { Name = "修改记录" }).ClickAsync();
        await Expect(page.GetByTestId("ledger-history")).ToContainTextAsync("从回收站恢复");
        await BrowserSession.ScreenshotAsync(page, "53-ledger-restored-history");
    }
}
