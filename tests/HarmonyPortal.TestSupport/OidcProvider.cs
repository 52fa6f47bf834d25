using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HarmonyPortal.TestSupport;

/// <summary>The provider's own store of applications and authorizations (OpenIddict's entities) on a SQLite file.</summary>
public sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);

/// <summary>One person at the identity platform; <paramref name="PreferredUserName"/> null when the platform omits the claim.</summary>
public sealed record ProviderUser(string Subject, string Password, string? PreferredUserName);

/// <summary>
/// A real OpenID Connect provider (OpenIddict) behind Kestrel on a loopback port: discovery, authorization code flow with
/// PKCE (required), a token endpoint, end-session, its own sign-in page and session cookie, and a store of test users.
/// Shared by the Web tests (HTTP client) and the browser tests (Chromium). Plain HTTP: OpenIddict's transport-security
/// requirement is switched off for this loopback provider only, so no certificate is involved.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "harmony-portal";
    public const string ClientSecret = "portal-secret-for-tests";
    public const string LoginPath = "/login";
    public const string SessionCookie = "Provider.Session";

    private readonly WebApplication app;
    private readonly string databaseFile;

    private OidcProvider(WebApplication app, string databaseFile)
    {
        this.app = app;
        this.databaseFile = databaseFile;
    }

    public ConcurrentDictionary<string, ProviderUser> Users { get; } = new(StringComparer.Ordinal);

    public Uri Issuer { get; private set; } = null!;

    /// <summary>
    /// Starts the provider on a loopback port. <paramref name="host"/> is the name its issuer is advertised under:
    /// "localhost" puts it on another site than a portal on 127.0.0.1, so a browser treats the redirects between them
    /// as cross-site (SameSite rules apply as they would between a province's platform and the portal).
    /// </summary>
    public static async Task<OidcProvider> StartAsync(string host = "127.0.0.1")
    {
        var databaseFile = Path.Combine(TestPaths.Scratch("oidc-provider"), Guid.NewGuid().ToString("N") + ".db");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetDirectoryName(databaseFile) });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderDb>(o => o.UseSqlite("Data Source=" + databaseFile).UseOpenIddict());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = SessionCookie;
                o.LoginPath = LoginPath;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var provider = new OidcProvider(app, databaseFile);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet(LoginPath, (string? returnUrl) => Results.Content(LoginPage(returnUrl), "text/html; charset=utf-8"));
        app.MapPost(LoginPath, (Delegate)provider.SignInAsync);
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)provider.AuthorizeAsync);
        app.MapMethods("/connect/endsession", ["GET", "POST"], (Delegate)EndSessionAsync);
        app.MapGet("/me", (HttpContext context) => context.User.Identity?.IsAuthenticated == true
            ? Results.Text(context.User.Identity.Name ?? "")
            : Results.Unauthorized());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        provider.Issuer = new UriBuilder(app.Urls.First()) { Host = host, Path = "/" }.Uri;
        return provider;
    }

    /// <summary>Registers the portal as a confidential client that must use PKCE, with its callback addresses.</summary>
    public async Task RegisterPortalAsync(Uri portal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(portal, "/account/sso/callback") },
            PostLogoutRedirectUris = { new Uri(portal, "/account/sso/signed-out") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    /// <summary>Points a portal's <c>Sso</c> settings at this provider.</summary>
    public void ConfigurePortal(IWebHostBuilder builder)
    {
        builder.UseSetting("Sso:Enabled", "true");
        builder.UseSetting("Sso:Authority", Issuer.ToString());
        builder.UseSetting("Sso:ClientId", ClientId);
        builder.UseSetting("Sso:ClientSecret", ClientSecret);
        builder.UseSetting("Sso:RequireHttpsMetadata", "false"); // the test provider speaks plain HTTP on loopback
    }

    private async Task<IResult> SignInAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (!Users.TryGetValue(form["username"].ToString(), out var user) || user.Password != form["password"].ToString())
        {
            return Results.Content(LoginPage(returnUrl, "wrong"), "text/html; charset=utf-8", statusCode: 200);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Subject)], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl.StartsWith('/') ? returnUrl : "/");
    }

    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded || !Users.TryGetValue(session.Principal.Identity!.Name!, out var user))
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString });
        }

        var identity = new ClaimsIdentity("Provider", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Name, user.Subject);
        if (user.PreferredUserName is not null)
        {
            identity.SetClaim(Claims.PreferredUsername, user.PreferredUserName);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static string LoginPage(string? returnUrl, string? error = null) =>
        $"""
        <!DOCTYPE html><html><body>{(error is null ? "" : "<p id=\"error\">wrong</p>")}
        <form method="post" action="{LoginPath}">
        <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}" />
        <input name="username" /><input name="password" type="password" /><button type="submit">Sign in</button>
        </form></body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databaseFile);
    }
}
