using System.Net;
using System.Text.RegularExpressions;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HarmonyPortal.Web.Tests.Account.SingleSignOn;

/// <summary>
/// The portal behind Kestrel on a loopback port with <c>Sso</c> pointed at a real OpenID Connect provider
/// (<see cref="OidcProvider"/>) on another port: the handler's discovery and code redemption go over TCP.
/// </summary>
public abstract class SsoPortal : PortalFactory
{
    protected SsoPortal(DatabaseProvider provider) : base(provider) => UseKestrel(0);

    public OidcProvider Platform { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Platform = await OidcProvider.StartAsync();
        await base.InitializeAsync();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        await Platform.RegisterPortalAsync(Address);
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        await Platform.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Platform.ConfigurePortal(builder);
    }

    /// <summary>A browser-like client over TCP: one cookie jar for the portal and the provider, redirects followed by hand.</summary>
    public Browser CreateBrowser()
    {
#pragma warning disable CA2000 // the HttpClient owns and disposes its handler
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
#pragma warning restore CA2000
        return new Browser(new PortalClient(new HttpClient(handler, disposeHandler: true) { BaseAddress = Address }), handler.CookieContainer);
    }
}

public sealed class SqliteSsoPortal() : SsoPortal(DatabaseProvider.Sqlite);

public sealed class PostgresSsoPortal() : SsoPortal(DatabaseProvider.Postgres);

/// <summary>Follows redirects as a browser would, and the meta refresh of the portal's hand-over pages.</summary>
public sealed partial class Browser(PortalClient client, CookieContainer cookies) : IDisposable
{
    public PortalClient Client => client;

    public CookieContainer Cookies => cookies;

    /// <summary>Every response of the last journey, in order (the Set-Cookie headers of each stay readable).</summary>
    public List<HttpResponseMessage> Hops { get; } = [];

    public async Task<HttpResponseMessage> GoAsync(string url) => await FollowAsync(await client.Http.GetAsync(url));

    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        Hops.Clear();
        Hops.Add(response);
        for (var hop = 0; hop < 20 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hop++)
        {
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            response = await client.Http.GetAsync(next);
            Hops.Add(response);
        }

        return response;
    }

    /// <summary>The address a hand-over page's meta refresh goes to, or null on any other page.</summary>
    public static async Task<string?> RefreshTargetAsync(HttpResponseMessage response)
    {
        var page = await PortalClient.ParseAsync(response);
        var content = page.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content");
        return content is null ? null : RefreshUrl().Match(content).Groups[1].Value;
    }

    /// <summary>Signs in at the provider's own page (where a journey to it has arrived) and follows back.</summary>
    public async Task<HttpResponseMessage> SignInAtProviderAsync(HttpResponseMessage loginPage, string subject, string password)
    {
        var page = await PortalClient.ParseAsync(loginPage);
        var returnUrl = page.QuerySelector("input[name=returnUrl]")!.GetAttribute("value")!;
        var target = new Uri(loginPage.RequestMessage!.RequestUri!, OidcProvider.LoginPath);
        return await FollowAsync(await client.Http.PostAsync(target, new FormUrlEncodedContent(
            [new("username", subject), new("password", password), new("returnUrl", returnUrl)])));
    }

    [GeneratedRegex("url=(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RefreshUrl();

    public void Dispose() => client.Dispose();
}
