using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Account.SingleSignOn;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Account.SingleSignOn;

/// <summary>
/// Sign-in through a real OpenID Connect provider (authorization code + PKCE, response_mode=query): the provider's
/// person becomes the portal user of the same user name, with that user's own role and region, or is refused in Chinese.
/// </summary>
public abstract class SingleSignOnTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : SsoPortal
{
    private const string Password = "Provider#2026";

    /// <summary>From the portal's login page to the provider's, signed in there as <paramref name="subject"/>, back to the portal.</summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(Browser browser, string subject, string? portalUserName)
    {
        portal.Platform.Users[subject] = new ProviderUser(subject, Password, portalUserName);
        var login = await browser.Client.GetPageAsync("/account/login");
        var button = login.QuerySelector("a[data-sso-login]")!;
        Assert.Equal("统一身份认证登录", button.TextContent.Trim());

        var providerLogin = await browser.GoAsync(button.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, providerLogin.StatusCode);
        Assert.Equal(portal.Platform.Issuer.Authority, providerLogin.RequestMessage!.RequestUri!.Authority);
        var authorize = browser.Hops.Select(h => h.RequestMessage!.RequestUri!).Single(u => u.AbsolutePath == "/connect/authorize");
        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("response_mode", authorize.Query, StringComparison.Ordinal); // code flow's default: query
        var back = await browser.SignInAtProviderAsync(providerLogin, subject, Password);

        // The provider answered with a top-level GET redirect carrying the code, not a cross-site form POST.
        var callback = browser.Hops.Select(h => h.RequestMessage!).Single(r => r.RequestUri!.AbsolutePath == SsoOptions.CallbackPath);
        Assert.Equal(HttpMethod.Get, callback.Method);
        Assert.Contains("code=", callback.RequestUri!.Query, StringComparison.Ordinal);
        return back;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => (await PortalClient.ParseAsync(response)).Body!.TextContent;

    private async Task<List<string>> AuditAsync(string action, string? userName)
    {
        await using var db = portal.CreateDbContext();
        return await db.AuditEntries.Where(e => e.Action == action && e.UserName == userName).Select(e => e.Details ?? "").ToListAsync();
    }

    [Fact]
    public async Task SignIn_LandsOnTheHomePage_AsTheMappedUser_WithThatUsersRoleAndRegion()
    {
        using var browser = portal.CreateBrowser();
        var handOver = await SignInThroughProviderAsync(browser, "zhangsan-140921", "xzdx.clerk");

        // The session cookie is set on the page that ends the provider's redirect chain (a 200), SameSite=Strict as
        // always; the page's own navigation onward is what carries it.
        Assert.Equal(HttpStatusCode.OK, handOver.StatusCode);
        Assert.Equal(SsoSignIn.CompletePath, handOver.RequestMessage!.RequestUri!.AbsolutePath);
        var sessionCookie = handOver.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("HarmonyPortal.Auth=", StringComparison.Ordinal));
        Assert.Contains("samesite=strict", sessionCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", sessionCookie, StringComparison.OrdinalIgnoreCase);
        var target = await Browser.RefreshTargetAsync(handOver);
        Assert.Equal("/", target);

        // The provider's tokens stay server-side: the external cookie that carried them is gone, the session cookie is a key.
        // (ASP.NET Core splits a cookie over 4 KB into Identity.ExternalC1, C2, …: count them all.)
        var external = browser.Hops.SelectMany(h => h.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])
            .Where(c => c.StartsWith("Identity.External", StringComparison.Ordinal) && !c.Contains("=;", StringComparison.Ordinal))
            .Sum(c => c.Split(';')[0].Length);
        var session = sessionCookie.Split(';')[0].Length;
        Assert.True(session * 4 < external, $"session cookie {session} chars, external {external}");
        Assert.DoesNotContain(browser.Cookies.GetCookies(portal.Address), c => c.Name.StartsWith("Identity.External", StringComparison.Ordinal));
        output.WriteLine($"{browser.Hops.Count} responses from the provider's sign-in form to the hand-over page; " +
            $"external cookie {external} chars, session cookie {session} chars");

        var home = await browser.Client.GetPageAsync(target!);
        Assert.Contains("定襄县", home.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.Http.GetAsync("/admin/users")).StatusCode);
        Assert.Single(await AuditAsync(AuditActions.SsoLoginSucceeded, "xzdx.clerk"));
        await using var db = portal.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == "xzdx.clerk").Select(u => u.Id).SingleAsync();
        Assert.True(await db.AuthSessions.AnyAsync(s => s.UserId == userId));
    }

    [Fact]
    public async Task SignOut_EndsThePortalSession_AndTheProvidersSession()
    {
        using var browser = portal.CreateBrowser();
        var handOver = await SignInThroughProviderAsync(browser, "lisi-1409", "xz.reviewer");
        await browser.Client.GetPageAsync((await Browser.RefreshTargetAsync(handOver))!);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.Http.GetAsync(new Uri(portal.Platform.Issuer, "/me"))).StatusCode);

        var signOut = await browser.Client.PostAsync("/account/logout", await browser.Client.TokenFromAsync("/"));
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        var endSession = new Uri((await Browser.RefreshTargetAsync(signOut))!);
        Assert.Equal(portal.Platform.Issuer.Authority, endSession.Authority);
        Assert.Contains("id_token_hint=", endSession.Query, StringComparison.Ordinal);

        var back = await browser.GoAsync(endSession.ToString());
        Assert.True("/account/login" == back.RequestMessage!.RequestUri!.AbsolutePath, $"{back.RequestMessage.RequestUri} {(int)back.StatusCode} {back.Headers.Location} {await back.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.Http.GetAsync(new Uri(portal.Platform.Issuer, "/me"))).StatusCode);
        var home = await browser.Client.Http.GetAsync("/");
        Assert.StartsWith("/account/login", home.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == "xz.reviewer").Select(u => u.Id).SingleAsync();
        Assert.False(await db.AuthSessions.AnyAsync(s => s.UserId == userId));
        Assert.Contains(await db.AuditEntries.Where(e => e.ObjectId == userId).Select(e => e.Action).ToListAsync(), a => a == AuditActions.Logout);
    }

    [Fact]
    public async Task AnUnknownSubject_IsRefusedInChinese_AndNoUserIsCreated()
    {
        using var browser = portal.CreateBrowser();
        await using (var before = portal.CreateDbContext())
        {
            Assert.False(await before.Users.AnyAsync(u => u.UserName == "wangwu.new"));
        }

        var refused = await SignInThroughProviderAsync(browser, "wangwu", "wangwu.new");

        Assert.Equal("/account/sso/complete", refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("统一身份认证账号“wangwu.new”在本门户没有对应的用户，请联系本级管理员开通。", await TextAsync(refused));
        Assert.StartsWith("/account/login", (await browser.Client.Http.GetAsync("/")).Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(["unknown-user"], await AuditAsync(AuditActions.SsoLoginRefused, "wangwu.new"));
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "wangwu.new"));
    }

    [Fact]
    public async Task ADisabledPortalUser_IsRefused()
    {
        await using (var db = portal.CreateDbContext())
        {
            await db.Users.Where(u => u.UserName == "xzxf.clerk").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));
        }

        using var browser = portal.CreateBrowser();
        var refused = await SignInThroughProviderAsync(browser, "zhaoliu", "xzxf.clerk");

        Assert.Contains("该账号已停用，请联系本级管理员。", await TextAsync(refused));
        Assert.StartsWith("/account/login", (await browser.Client.Http.GetAsync("/")).Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(["disabled"], await AuditAsync(AuditActions.SsoLoginRefused, "xzxf.clerk"));
    }

    [Fact]
    public async Task ALockedOutPortalUser_AndAMissingClaim_AreRefused()
    {
        await using (var db = portal.CreateDbContext())
        {
            await db.Users.Where(u => u.UserName == "xz.admin")
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, portal.Clock.GetUtcNow().AddMinutes(5)));
        }

        using var locked = portal.CreateBrowser();
        Assert.Contains("该账号因连续输错密码已暂时锁定", await TextAsync(await SignInThroughProviderAsync(locked, "sunqi", "xz.admin")));
        using var nameless = portal.CreateBrowser();
        Assert.Contains("统一身份认证平台未提供用户名（preferred_username）", await TextAsync(await SignInThroughProviderAsync(nameless, "anonymous-1", null)));

        Assert.Equal(["locked-out"], await AuditAsync(AuditActions.SsoLoginRefused, "xz.admin"));
        Assert.Equal(["missing-claim preferred_username"], await AuditAsync(AuditActions.SsoLoginRefused, "anonymous-1"));
    }

    [Fact]
    public async Task AnSsoSession_SkipsThePortalPasswordChange_ButKeepsTheIdleTimeout()
    {
        await using (var db = portal.CreateDbContext())
        {
            await db.Users.Where(u => u.UserName == "xzyp.clerk").ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, true));
        }

        using var browser = portal.CreateBrowser();
        var handOver = await SignInThroughProviderAsync(browser, "zhouba", "xzyp.clerk");
        var home = await browser.Client.Http.GetAsync((await Browser.RefreshTargetAsync(handOver))!);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        // Past the revalidation interval the principal is rebuilt from the user row: still an SSO session.
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.Http.GetAsync("/")).StatusCode);

        portal.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.StartsWith("/account/login", (await browser.Client.Http.GetAsync("/")).Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}

public sealed class SqliteSingleSignOnTests(SqliteSsoPortal portal, ITestOutputHelper output) : SingleSignOnTests<SqliteSsoPortal>(portal, output);

public sealed class PostgresSingleSignOnTests(PostgresSsoPortal portal, ITestOutputHelper output) : SingleSignOnTests<PostgresSsoPortal>(portal, output);
