using System.Text.RegularExpressions;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>
/// Single sign-on (ADR 0025) in real Chromium: the login page's button, the provider's own sign-in page, the hand-over
/// page that lets the SameSite=Strict session cookie through after the cross-site redirect, sign-out at both ends, and
/// the refusals a person sees on the page.
/// </summary>
public sealed class SingleSignOnJourneyTests(SsoBrowserSession session) : IClassFixture<SsoBrowserSession>
{
    private const string Password = "Provider#2026";

    /// <summary>From the portal's login page through the provider's sign-in page back to the portal.</summary>
    private async Task SignInThroughProviderAsync(IPage page, string subject, string? portalUserName, string? screenshot = null)
    {
        session.Platform.Users[subject] = new ProviderUser(subject, Password, portalUserName);
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "统一身份认证登录" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(session.Platform.Issuer.ToString()) + "login"));
        await page.Locator("input[name=username]").FillAsync(subject);
        await page.Locator("input[name=password]").FillAsync(Password);
        if (screenshot is not null)
        {
            await BrowserSession.ScreenshotAsync(page, screenshot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>The paths navigated to, a form's POST and the page it answers counted once.</summary>
    private static string[] Hops(IEnumerable<string> visited) =>
        visited.Aggregate(new List<string>(), (hops, path) =>
        {
            if (hops.Count == 0 || hops[^1] != path)
            {
                hops.Add(path);
            }

            return hops;
        }).ToArray();

    private async Task<string> DisplayNameAsync(string userName)
    {
        await using var db = session.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.DisplayName).SingleAsync();
    }

    [Fact]
    public async Task CountyClerk_SignsInThroughTheProvince_LandsSignedIn_AndSignsOutOfBoth()
    {
        var page = await session.NewPageAsync();
        var visited = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                visited.Add(new Uri(request.Url).AbsolutePath); // every hop, redirects included
            }
        };

        await page.GotoAsync("/account/login");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "统一身份认证登录" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "96-sso-login-button");
        await SignInThroughProviderAsync(page, "zhangsan-140921", "xzdx.clerk", "97-sso-provider-sign-in");

        // Back on the portal, signed in: the Strict session cookie, set on the hand-over page that ended the provider's
        // cross-site redirect chain, went with the page's own same-site navigation to the home page.
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync(await DisplayNameAsync("xzdx.clerk"));
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("定襄县");
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("填报员");
        Assert.Equal(session.BaseUrl + "/", page.Url);
        Assert.Equal(["/connect/authorize", "/login", "/connect/authorize", "/account/sso/callback", "/account/sso/complete", "/"],
            Hops(visited.SkipWhile(p => p != "/connect/authorize")));
        Assert.Equal("SameSite=Strict", (await page.Context.CookiesAsync([session.BaseUrl]))
            .Where(c => c.Name == "HarmonyPortal.Auth").Select(c => "SameSite=" + c.SameSite).Single());
        await BrowserSession.ScreenshotAsync(page, "98-sso-signed-in");

        // Sign-out ends the portal's session and the provider's: the next SSO sign-in asks for the password again.
        visited.Clear();
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "用户登录" })).ToBeVisibleAsync();
        Assert.StartsWith(session.BaseUrl + "/account/login", page.Url, StringComparison.Ordinal);
        Assert.Equal(["/account/logout", "/connect/endsession", "/account/sso/signed-out", "/account/login"], Hops(visited));
        await BrowserSession.ScreenshotAsync(page, "99-sso-signed-out");
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GetByRole(AriaRole.Link, new() { Name = "统一身份认证登录" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(session.Platform.Issuer.ToString()) + "login"));
        await Expect(page.Locator("input[name=password]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnUnknownSubject_AndADisabledPortalUser_AreRefusedInChinese_OnThePage()
    {
        var unknown = await session.NewPageAsync();
        await SignInThroughProviderAsync(unknown, "wangwu", "wangwu.new");
        await Expect(unknown.GetByText("统一身份认证账号“wangwu.new”在本门户没有对应的用户，请联系本级管理员开通。")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(unknown, "99a-sso-unknown-subject");
        await unknown.GotoAsync("/");
        await Expect(unknown).ToHaveURLAsync(new Regex("/account/login"));

        await using (var db = session.CreateDbContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.UserName == "wangwu.new"));
            await db.Users.Where(u => u.UserName == "xzxf.clerk").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));
        }

        var disabled = await session.NewPageAsync();
        await SignInThroughProviderAsync(disabled, "zhaoliu", "xzxf.clerk");
        await Expect(disabled.GetByText("该账号已停用，请联系本级管理员。")).ToBeVisibleAsync();
        await Expect(disabled.GetByTestId("current-user")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(disabled, "99b-sso-disabled-user");
        await disabled.GotoAsync("/");
        await Expect(disabled).ToHaveURLAsync(new Regex("/account/login"));
    }
}
