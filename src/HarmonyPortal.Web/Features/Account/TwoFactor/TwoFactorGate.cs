namespace HarmonyPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// While a signed-in user whom <see cref="TwoFactorPolicy"/> requires to use two-factor sign-in has not enrolled, every
/// request except enrolment, the password change (which comes first), signing out and the error pages is sent to
/// enrolment, like <see cref="PasswordChangeGate"/>.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next)
{
    public const string EnrolPath = "/account/two-factor/enable";

    private static readonly PathString[] Allowed =
        [EnrolPath, PasswordChangeGate.ChangePath, "/account/logout", "/account/login", "/error", "/health"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(TwoFactorPolicy.MustEnrolClaim, "true")
            && context.GetEndpoint() is not null
            && !Allowed.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(EnrolPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
