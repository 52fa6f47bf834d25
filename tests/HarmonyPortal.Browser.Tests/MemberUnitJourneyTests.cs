using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

public sealed class MemberUnitJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task CityAdmin_AddsAUnitToTheZonesOffice_ThenRetiresItAfterConfirming()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("ts.admin");
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "成员单位" }).ClickAsync();
        await page.GetByLabel("地区").SelectOptionAsync(new SelectOptionValue { Label = "　唐山高新区" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Expect(page.GetByTestId("unit-list")).ToContainTextAsync("工会联合会");

        await page.GetByLabel("简称").FillAsync("应急管理局");
        await page.GetByLabel("全称").FillAsync("唐山高新区应急管理局");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        var row = page.Locator("tr[data-unit='应急管理局']");
        await Expect(row).ToContainTextAsync("在用");
        await BrowserSession.ScreenshotAsync(page, "60-member-units");

        await row.GetByRole(AriaRole.Link, new() { Name = "撤销…" }).ClickAsync();
        await Expect(page.GetByTestId("retire-confirm")).ToContainTextAsync("现有 0 个用户");
        await page.GetByLabel("我已了解，确认撤销“应急管理局”").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认撤销" }).ClickAsync();
        await Expect(page.Locator("tr[data-unit='应急管理局']")).ToContainTextAsync("已撤销");
    }
}
