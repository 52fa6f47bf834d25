using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Account.Identity;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HarmonyPortal.Web.Features.Account.SingleSignOn;

/// <summary>What became of one return from the provider: the signed-in user, or the reason in Chinese.</summary>
public sealed record SsoOutcome(AppUser? User, string? Refusal);

/// <summary>
/// Maps the identity the provider vouched for to an existing portal user by user name, refuses unknown, disabled and
/// locked-out users and a missing claim, and signs the user in through <see cref="PortalSignInManager"/> (database
/// session, the portal's own claims). Nothing from the provider becomes a role, a region or a new user.
/// </summary>
public sealed class SsoSignIn(PortalSignInManager signIn, AuditLog audit, SsoOptions options)
{
    public const string StartPath = "/account/sso";
    public const string CompletePath = "/account/sso/complete";

    public const string NotCompleted = "统一身份认证登录未完成或已超时，请重新登录。";
    public const string Disabled = "该账号已停用，请联系本级管理员。";
    public const string LockedOut = "该账号因连续输错密码已暂时锁定，请稍后再试或联系本级管理员解锁。";

    public static string MissingClaim(string claim) =>
        $"统一身份认证平台未提供用户名（{claim}），无法对应本门户的账号，请联系本级管理员。";

    public static string UnknownUser(string name) =>
        $"统一身份认证账号“{name}”在本门户没有对应的用户，请联系本级管理员开通。";

    public async Task<SsoOutcome> SignInAsync(AuthenticateResult external)
    {
        if (!external.Succeeded || external.Principal is null)
        {
            return await RefuseAsync(NotCompleted, "no-provider-identity", null, null);
        }

        var name = external.Principal.FindFirst(options.UserNameClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            var subject = external.Principal.FindFirst("sub")?.Value;
            return await RefuseAsync(MissingClaim(options.UserNameClaim), "missing-claim " + options.UserNameClaim, subject, null);
        }

        // A name longer than any portal user name is nobody's (a clipped one could be someone else's).
        var user = name.Length > AccountController.MaxUserNameLength ? null : await signIn.UserManager.FindByNameAsync(name);
        if (user is null)
        {
            return await RefuseAsync(UnknownUser(name), "unknown-user", name, null);
        }

        if (!await signIn.CanSignInAsync(user))
        {
            return await RefuseAsync(Disabled, "disabled", name, user);
        }

        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return await RefuseAsync(LockedOut, "locked-out", name, user);
        }

        // The ID token goes into the server-side session (never the cookie) for the provider's sign-out.
        var properties = new AuthenticationProperties();
        if (external.Properties?.GetTokenValue(OpenIdConnectParameterNames.IdToken) is { } idToken)
        {
            properties.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        }

        await signIn.SignInAsync(user, properties, SsoOptions.AuthenticationMethod);
        await audit.RecordAsync(AuditActions.SsoLoginSucceeded, AuditOutcome.Success, "user", user.Id, userName: user.UserName, regionId: user.RegionId);
        return new SsoOutcome(user, null);
    }

    private async Task<SsoOutcome> RefuseAsync(string message, string reason, string? name, AppUser? user)
    {
        await audit.RecordAsync(AuditActions.SsoLoginRefused, AuditOutcome.Failure, "user", user?.Id, details: reason,
            userName: name is null ? null : Clip(name), regionId: user?.RegionId);
        return new SsoOutcome(null, message);
    }

    private static string Clip(string name) =>
        name.Length > AccountController.MaxUserNameLength ? name[..AccountController.MaxUserNameLength] : name;
}
