using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

public sealed class SignInJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task CountyClerk_SignsIn_SeesTheChineseHomePage_AndSignsOut()
    {
        var page = await session.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "用户登录" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "01-login");

        await page.GetByLabel("用户名").FillAsync("yylq.clerk");
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("岳阳楼区");
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("填报员");
        await Expect(page.GetByTestId("region-tree")).ToContainTextAsync("洞庭街道");
        await Expect(page.GetByTestId("region-tree")).Not.ToContainTextAsync("君山区");
        await BrowserSession.ScreenshotAsync(page, "02-clerk-home");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "用户登录" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await BrowserSession.ScreenshotAsync(page, "03-after-logout");
    }

    [Fact]
    public async Task WrongPassword_ShowsAChineseMessage_InTheBrowser()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.GetByLabel("用户名").FillAsync("yyjs.clerk");
        await page.GetByLabel("密码").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码不正确");
        await BrowserSession.ScreenshotAsync(page, "04-wrong-password");
    }
}
