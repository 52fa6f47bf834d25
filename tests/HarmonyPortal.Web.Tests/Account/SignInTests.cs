using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Account;

public abstract class SignInTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task LoginPage_IsInChinese_AndLoadsEveryAssetFromThePortalItself()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetPageAsync("/account/login");

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("用户登录", page.Body!.TextContent);
        var assets = page.QuerySelectorAll("script[src], link[href]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")).ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, url => Assert.StartsWith("/", url));
        foreach (var asset in assets)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(asset)).StatusCode);
        }
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToTheLoginPage()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task CountyClerk_SeesItsOwnSubtree_AndItsRegionPartyAndRoleInTheHeader()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginOrFailAsync("yylq.clerk");

        var home = await client.GetPageAsync("/");

        var header = home.QuerySelector("[data-testid=current-user]")!.TextContent;
        Assert.Contains("岳阳楼区", header);
        Assert.Contains("人社局", header);
        Assert.Contains("填报员", header);
        var tree = home.QuerySelector("[data-testid=region-tree]")!.TextContent;
        Assert.Contains("洞庭街道", tree);
        Assert.DoesNotContain("君山区", tree);
        Assert.DoesNotContain("岳阳市", tree);
        Assert.Null(home.QuerySelector("a[href='/admin/users']"));
    }

    [Fact]
    public async Task CityReviewer_SeesAllTwelveCountyLevelUnits()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginOrFailAsync("yy.reviewer");

        var home = await client.GetPageAsync("/");

        var codes = home.QuerySelectorAll("[data-testid=region-tree] li[data-region-code]").Select(li => li.GetAttribute("data-region-code")).ToList();
        Assert.Contains("430600-QY", codes);
        Assert.Contains("430682", codes);
        Assert.Equal(1 + 12 + 6, codes.Count);
    }

    [Fact]
    public async Task WrongPassword_IsRefusedInChinese_AndAudited()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.LoginAsync("gzrj.clerk", "Wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", (await PortalClient.ParseAsync(response)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.LoginFailed && e.UserName == "gzrj.clerk"));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_WithTheAnswerAnUnknownNameGets()
    {
        using var client = portal.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            await client.LoginAsync("gznk.clerk", "Wrong-password-" + i);
        }

        var response = await client.LoginAsync("gznk.clerk");
        var unknown = await client.LoginAsync("gznk.nobody");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string Message(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector(".validation-summary")!.TextContent.Trim();
        Assert.Equal(Web.Features.Account.AccountController.BadCredentials, Message(await PortalClient.ParseAsync(response)));
        Assert.Equal(Message(await PortalClient.ParseAsync(unknown)), Message(await PortalClient.ParseAsync(response)));
        await using var db = portal.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == "gznk.clerk");
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(4.9));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.LoginLockedOut && e.UserName == "gznk.clerk"));
    }

    [Fact]
    public async Task Logout_EndsTheSession_AndACopiedCookieIsRefusedAtOnce()
    {
        using var client = portal.CreatePortalClient();
        var stolen = AuthCookie(await client.LoginAsync("gzgx.clerk")).Split(';')[0];
        var token = await client.TokenFromAsync("/");
        using var attacker = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await attacker.Http.SendAsync(WithCookie("/", stolen))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/account/logout", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/")).StatusCode);

        // No waiting for revalidation: the session is gone from the server, so the copy is refused immediately.
        var replayed = await attacker.Http.SendAsync(WithCookie("/", stolen));
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/login", replayed.Headers.Location!.PathAndQuery);
        await using var db = portal.CreateDbContext();
        var userId = (await db.Users.SingleAsync(u => u.UserName == "gzgx.clerk")).Id;
        Assert.False(await db.AuthSessions.AnyAsync(a => a.UserId == userId));
    }

    [Fact]
    public async Task Session_EndsTwelveHoursAfterSignIn_EvenWhenUsedEveryFewMinutes()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginOrFailAsync("yyqy.clerk");

        for (var elapsed = 20; elapsed <= 11 * 60 + 40; elapsed += 20)
        {
            portal.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True((await client.Http.GetAsync("/")).StatusCode == HttpStatusCode.OK, $"signed out after {elapsed} minutes");
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(25)); // 12 h 5 min after signing in, 25 minutes after the last request
        var ended = await client.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/account/login", ended.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Session_EndsAfterThirtyIdleMinutes_ButNotBefore()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginOrFailAsync("gzzg.clerk");

        portal.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
        portal.Clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/account/login", expired.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlyAndStrict_AndSecureUnderHttps()
    {
        using var https = portal.CreatePortalClient("https://localhost");
        using var http = portal.CreatePortalClient();

        var secure = AuthCookie(await https.LoginAsync("tsln.clerk")).ToLowerInvariant();
        var plain = AuthCookie(await http.LoginAsync("tsln.clerk")).ToLowerInvariant();

        Assert.Contains("httponly", secure);
        Assert.Contains("samesite=strict", secure);
        Assert.Contains("secure", secure);
        Assert.DoesNotContain("secure", plain);
    }

    [Fact]
    public async Task StoredPasswordHashes_UsePbkdf2WithAtLeast210000Iterations()
    {
        await using var db = portal.CreateDbContext();
        var hashes = await db.Users.Select(u => u.PasswordHash!).ToListAsync();

        Assert.NotEmpty(hashes);
        Assert.All(hashes, hash => Assert.True(PasswordHashFormat.Iterations(hash) >= 210_000));
    }

    [Fact]
    public async Task Health_ReportsTheDatabaseHealthy_WithoutSigningIn()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryPage_CarriesTheSecurityHeaders()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/account/login");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private static HttpRequestMessage WithCookie(string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("HarmonyPortal.Auth=", StringComparison.Ordinal));
}

public sealed class SqliteSignInTests(SqliteProductPasswordCostPortal portal) : SignInTests<SqliteProductPasswordCostPortal>(portal);

public sealed class PostgresSignInTests(PostgresProductPasswordCostPortal portal) : SignInTests<PostgresProductPasswordCostPortal>(portal);
