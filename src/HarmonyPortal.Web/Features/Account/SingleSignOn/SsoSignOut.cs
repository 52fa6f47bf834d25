using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HarmonyPortal.Web.Features.Account.SingleSignOn;

/// <summary>
/// For a session that began at the provider, the provider's end-session address (with the ID token as hint), so that
/// signing out of the portal also ends the provider's session. Call before the local sign-out: the token lives in the
/// session that the local sign-out deletes.
/// </summary>
public sealed class SsoSignOut(SsoOptions options)
{
    public async Task<string?> EndSessionUrlAsync(HttpContext context)
    {
        if (!options.Enabled || !context.User.HasClaim(ClaimTypes.AuthenticationMethod, SsoOptions.AuthenticationMethod))
        {
            return null;
        }

        var properties = new AuthenticationProperties();
        if (await context.GetTokenAsync(OpenIdConnectParameterNames.IdToken) is { } idToken)
        {
            properties.Items[SsoSetup.IdTokenHintItem] = idToken;
        }

        // The handler builds the request and leaves it in Items (SsoSetup's sign-out event); nothing is written yet.
        await context.SignOutAsync(SsoOptions.Scheme, properties);
        return context.Items[SsoSetup.EndSessionUrlItem] as string;
    }
}
