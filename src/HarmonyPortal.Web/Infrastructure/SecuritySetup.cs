using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Account;
using HarmonyPortal.Web.Features.Account.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>Identity, the sign-in cookie, password rules and the role/level policies.</summary>
public static class SecuritySetup
{
    /// <summary>OWASP's 2023 floor for PBKDF2-HMAC-SHA512 (Identity's V3 format); the framework default is lower.</summary>
    public const int PasswordHashIterations = 210_000;

    /// <summary>
    /// The PBKDF2 cost, <see cref="PasswordHashIterations"/> unless configured; only the Development environment (the
    /// test suite's in-process portals) may set less, so that a test that is not about passwords does not pay for them.
    /// </summary>
    public const string PasswordHashIterationsSetting = "Security:PasswordHashIterations";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    public static int PasswordHashCost(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetValue(PasswordHashIterationsSetting, PasswordHashIterations);
        if (configured < 1 || (configured < PasswordHashIterations && !environment.IsDevelopment()))
        {
            throw new InvalidOperationException(
                $"{PasswordHashIterationsSetting} is {configured}: at least {PasswordHashIterations:N0} outside Development.");
        }

        return configured;
    }

    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = PasswordHashCost(builder.Configuration, builder.Environment);
        });

        services
            .AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
            })
            .AddEntityFrameworkStores<HarmonyDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<CharacterClassPasswordValidator>()
            .AddDefaultTokenProviders();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidationInterval);
        services.AddAccountProtection(builder.Configuration);

        // All of Identity's cookie schemes, so that signing a rejected principal out finds each of them.
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((o, store) => o.SessionStore = store);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "HarmonyPortal.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/error/403";
            o.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;

            // Answer 403 in place (rendered by the status-code page) instead of redirecting.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return AccessDenial.RecordAsync(ctx.HttpContext, "角色或层级无权访问");
            };
        });

        services.AddAuthorizationBuilder()
            // Administration routes use the duty policies of AccessPolicies (三员, ADR 0020).
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.Configure<ForwardedHeadersOptions>(o => ConfigureKnownProxies(o, builder.Configuration));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "HarmonyPortal.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }

    /// <summary>
    /// Takes the client address and scheme from X-Forwarded-For/-Proto, but only when the connection comes from a proxy
    /// listed in <c>Portal:KnownProxies</c> (addresses) or <c>Portal:KnownNetworks</c> (CIDR); anyone else's headers are
    /// ignored. Nothing is trusted by default, not even loopback. Runs first, so HSTS, the Secure cookie and the audit see
    /// what the browser used.
    /// </summary>
    public static WebApplication UsePortalForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    private static void ConfigureKnownProxies(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in ConfiguredList(configuration, "Portal:KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(entry, out var address)
                ? address
                : throw new InvalidOperationException($"Portal:KnownProxies: \"{entry}\" is not an IP address."));
        }

        foreach (var entry in ConfiguredList(configuration, "Portal:KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(entry, out var network)
                ? network
                : throw new InvalidOperationException($"Portal:KnownNetworks: \"{entry}\" is not a network in CIDR form such as 10.0.0.0/24."));
        }
    }

    /// <summary>A list given as an array (<c>Key:0</c>, <c>Key:1</c>) or as one comma-separated value (<c>Portal__KnownProxies=10.0.0.2,10.0.0.3</c>).</summary>
    private static IEnumerable<string> ConfiguredList(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
