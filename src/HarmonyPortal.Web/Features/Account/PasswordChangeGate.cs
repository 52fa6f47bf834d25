using HarmonyPortal.Core.Users;

namespace HarmonyPortal.Web.Features.Account;

/// <summary>
/// While a signed-in user must replace a password someone else chose, every request except the change page itself,
/// signing out and the error pages is sent to the change page (static files are served before this runs; a path
/// that matches no page is left to answer 404).
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string ChangePath = "/account/change-password";

    private static readonly PathString[] Allowed = [ChangePath, "/account/logout", "/account/login", "/error", "/health"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(HarmonyClaims.MustChangePassword, "true")
            && !context.User.HasClaim(System.Security.Claims.ClaimTypes.AuthenticationMethod, SingleSignOn.SsoOptions.AuthenticationMethod)
            && context.GetEndpoint() is not null
            && !Allowed.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(ChangePath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
