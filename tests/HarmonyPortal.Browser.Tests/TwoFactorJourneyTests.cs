using HarmonyPortal.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

public sealed class TwoFactorJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Clerk_EnrolsWithTheQrCodePage_SignsOut_AndSignsInWithTheAuthenticatorCode()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("yyhr.clerk");
        await page.GetByLabel("密码").FillAsync(PortalClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "两步验证" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "启用两步验证" }).ClickAsync();
        var qr = page.GetByTestId("two-factor-qr");
        await Expect(qr).ToBeVisibleAsync();
        // The QR code is a data: image the portal's CSP allows: the browser decoded it.
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 100);
        var key = await page.GetByTestId("two-factor-key").TextContentAsync() ?? "";
        await BrowserSession.ScreenshotAsync(page, "2fa-01-enrol");

        await page.GetByLabel("验证码").FillAsync(Totp.WrongCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并启用" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("验证码：不正确");
        await page.GetByLabel("验证码").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并启用" }).ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await BrowserSession.ScreenshotAsync(page, "2fa-02-recovery-codes");

        await page.GetByRole(AriaRole.Link, new() { Name = "我已保存，继续" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GetByLabel("用户名").FillAsync("yyhr.clerk");
        await page.GetByLabel("密码").FillAsync(PortalClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "两步验证" })).ToBeVisibleAsync();
        await page.GetByLabel("验证码").FillAsync(Totp.Code(key));
        await BrowserSession.ScreenshotAsync(page, "2fa-03-second-step");
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("填报员");
        await BrowserSession.ScreenshotAsync(page, "2fa-04-signed-in");
    }
}
