using System.Net;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// The portal in Production behind a TLS proxy. Every request of the test server comes from 203.0.113.8 (the test
/// harness's client address); <paramref name="knownProxy"/> is what <c>Portal:KnownProxies</c> lists.
/// </summary>
public class ProxiedPortal(DatabaseProvider provider, string knownProxy) : PortalFactory(provider, "Production")
{
    public const string AdminUserName = "proxy.admin";
    public const string AdminPassword = "Prod#Proxy2026";
    public const string ConnectionAddress = "203.0.113.8";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bootstrap:AdminUserName", AdminUserName);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Bootstrap:AdminRegionCode", "430000");
        builder.UseSetting("Portal:KnownProxies", knownProxy);
    }
}

public sealed class SqliteKnownProxyPortal() : ProxiedPortal(DatabaseProvider.Sqlite, "10.9.9.9, " + ConnectionAddress);

public sealed class PostgresKnownProxyPortal() : ProxiedPortal(DatabaseProvider.Postgres, "10.9.9.9, " + ConnectionAddress);

public sealed class SqliteUnknownProxyPortal() : ProxiedPortal(DatabaseProvider.Sqlite, "10.9.9.9");

public sealed class PostgresUnknownProxyPortal() : ProxiedPortal(DatabaseProvider.Postgres, "10.9.9.9");

/// <summary>Issue 14, item 7: X-Forwarded-For/-Proto count only when they come from a configured proxy.</summary>
public abstract class ForwardedHeadersTests<TPortal>(TPortal portal, bool proxyIsKnown) : IClassFixture<TPortal>
    where TPortal : ProxiedPortal
{
    private const string BrowserAddress = "198.51.100.23";

    [Fact]
    public async Task SignInThroughTheProxy_SecureCookieHstsAndTheAuditedAddress_FollowTheForwardedHeaders_OnlyFromAKnownProxy()
    {
        using var http = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://harmony.example.cn"),
        });

        // What nginx sends for a browser at 198.51.100.23 that reached it over HTTPS.
        var loginPage = await SendAsync(http, HttpMethod.Get, "/account/login", null);
        var antiforgery = CookieOf(loginPage, "HarmonyPortal.Antiforgery");
        var token = ((IHtmlInputElement)(await PortalClient.ParseAsync(loginPage)).QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var signIn = await SendAsync(http, HttpMethod.Post, "/account/login", antiforgery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = ProxiedPortal.AdminUserName, ["Password"] = ProxiedPortal.AdminPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = CookieOf(signIn, "HarmonyPortal.Auth");
        // The bootstrap admin must first choose its own password: the sign-in leads to that page, which the session opens.
        var next = signIn.Headers.Location!.OriginalString;
        Assert.Contains("/account/change-password", next, StringComparison.Ordinal);
        var home = await SendAsync(http, HttpMethod.Get, next, session);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var authCookie = SetCookieLine(signIn, "HarmonyPortal.Auth");
        await using var db = portal.CreateDbContext();
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.LoginSucceeded && a.UserName == ProxiedPortal.AdminUserName)
            .OrderByDescending(a => a.Id).FirstAsync();
        if (proxyIsKnown)
        {
            Assert.Contains("secure", authCookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("secure", SetCookieLine(loginPage, "HarmonyPortal.Antiforgery"), StringComparison.OrdinalIgnoreCase);
            Assert.True(home.Headers.Contains("Strict-Transport-Security"), "HSTS is sent to a browser on HTTPS behind the proxy.");
            Assert.Equal(BrowserAddress, audited.IpAddress);
        }
        else
        {
            // Anyone else's forwarded headers are ignored: the connection is plain HTTP from its own address.
            Assert.DoesNotContain("secure", authCookie, StringComparison.OrdinalIgnoreCase);
            Assert.False(home.Headers.Contains("Strict-Transport-Security"));
            Assert.Equal(ProxiedPortal.ConnectionAddress, audited.IpAddress);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string url, string? cookie, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("X-Forwarded-For", BrowserAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await http.SendAsync(request);
    }

    private static string SetCookieLine(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    private static string CookieOf(HttpResponseMessage response, string name) => SetCookieLine(response, name).Split(';')[0];
}

public sealed class SqliteKnownProxyTests(SqliteKnownProxyPortal portal) : ForwardedHeadersTests<SqliteKnownProxyPortal>(portal, proxyIsKnown: true);

public sealed class PostgresKnownProxyTests(PostgresKnownProxyPortal portal) : ForwardedHeadersTests<PostgresKnownProxyPortal>(portal, proxyIsKnown: true);

public sealed class SqliteUnknownProxyTests(SqliteUnknownProxyPortal portal) : ForwardedHeadersTests<SqliteUnknownProxyPortal>(portal, proxyIsKnown: false);

public sealed class PostgresUnknownProxyTests(PostgresUnknownProxyPortal portal) : ForwardedHeadersTests<PostgresUnknownProxyPortal>(portal, proxyIsKnown: false);
