using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>审计日志 (ADR 0020): the city admin opens it from the menu, filters its own sign-ins, and exports them.</summary>
public sealed class AuditLogJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task CityAdmin_FiltersTheAuditLogByUserAndResult_AndExportsIt()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("xz.admin");
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "审计日志" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("审计日志");
        await page.GetByLabel("用户").FillAsync("xz.admin");
        await page.GetByLabel("操作").FillAsync("login.");
        await page.GetByLabel("结果").SelectOptionAsync(new SelectOptionValue { Label = "成功" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var rows = page.GetByTestId("audit-rows").Locator("tbody tr");
        await Expect(rows.First).ToContainTextAsync("login.succeeded");
        Assert.True(await rows.CountAsync() >= 1);
        await Expect(page.GetByLabel("用户")).ToHaveValueAsync("xz.admin");
        await BrowserSession.ScreenshotAsync(page, "95-audit-log");

        var export = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("audit-export").ClickAsync());
        Assert.EndsWith(".xlsx", export.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("审计日志", export.SuggestedFilename, StringComparison.Ordinal);
    }
}
