using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HarmonyPortal.Web.Features.Account.SingleSignOn;

/// <summary>
/// Registers the OpenID Connect handler when <c>Sso:Enabled</c>. The handler only proves who came back from the provider
/// (into Identity's short-lived external cookie); <see cref="SsoSignIn"/> then signs the matching portal user in through
/// the portal's own sign-in manager, session store and claims, as a password sign-in would.
/// </summary>
public static class SsoSetup
{
    /// <summary>The ID token handed to the sign-out, kept out of the sign-out's state parameter.</summary>
    internal const string IdTokenHintItem = "sso.id_token_hint";

    /// <summary>Where the handler leaves the provider's end-session address for the sign-out page.</summary>
    internal const string EndSessionUrlItem = "sso.end_session_url";

    public static WebApplicationBuilder AddSingleSignOn(this WebApplicationBuilder builder)
    {
        var sso = SsoOptions.Read(builder.Configuration);
        builder.Services.AddSingleton(sso);
        builder.Services.AddScoped<SsoSignIn>();
        builder.Services.AddScoped<SsoSignOut>();

        // Revalidation rebuilds the principal from the user every minute: keep the sign-in method, so that an SSO
        // session stays one (the password-change gate and the provider sign-out depend on it).
        builder.Services.PostConfigure<SecurityStampValidatorOptions>(o =>
        {
            var previous = o.OnRefreshingPrincipal;
            o.OnRefreshingPrincipal = async context =>
            {
                if (previous is not null)
                {
                    await previous(context);
                }

                if (context.CurrentPrincipal?.FindFirst(ClaimTypes.AuthenticationMethod) is { } method
                    && context.NewPrincipal?.Identity is ClaimsIdentity identity
                    && !identity.HasClaim(ClaimTypes.AuthenticationMethod, method.Value))
                {
                    identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method.Value));
                }
            };
        });

        if (!sso.Enabled)
        {
            return builder;
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(SsoOptions.Scheme, sso.ButtonText, o =>
        {
            o.Authority = sso.Authority;
            o.ClientId = sso.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(sso.ClientSecret) ? null : sso.ClientSecret;
            o.RequireHttpsMetadata = sso.RequireHttpsMetadata;

            // Code flow with PKCE, answered by a top-level GET redirect (response_mode=query): the handler's correlation
            // and nonce cookies can then be SameSite=Lax instead of None, and no cross-site POST reaches the portal.
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = SsoOptions.CallbackPath;
            o.SignedOutCallbackPath = SsoOptions.SignedOutCallbackPath;
            o.SignedOutRedirectUri = "/account/login";
            o.SaveTokens = true;
            o.MapInboundClaims = false; // claim names as the provider sends them (preferred_username, sub)
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Scope.Clear();
            o.Scope.Add(OpenIdConnectScope.OpenId);
            foreach (var scope in sso.Scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                o.Scope.Add(scope);
            }

            // A refusal or error at the provider (or a stale state) ends on the login page with a message.
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(SsoSignIn.CompletePath + "?failed=true");
                context.HandleResponse();
                return Task.CompletedTask;
            };

            // The sign-out page sends the browser on (see SsoSignOut): a redirect straight from the sign-out form's POST
            // would be blocked by the portal's CSP (form-action 'self').
            o.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                if (context.Properties.Items.Remove(IdTokenHintItem, out var hint))
                {
                    context.ProtocolMessage.IdTokenHint = hint;
                }

                if (!string.IsNullOrEmpty(context.ProtocolMessage.IssuerAddress))
                {
                    // As the handler would: the state brings the browser back to the login page after the provider's sign-out.
                    context.ProtocolMessage.State = context.Options.StateDataFormat.Protect(context.Properties);
                    context.HttpContext.Items[EndSessionUrlItem] = context.ProtocolMessage.CreateLogoutRequestUrl();
                }

                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return builder;
    }
}
