using System.Security.Claims;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Account.Identity;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace HarmonyPortal.Web.Features.Account.TwoFactor;

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool Required);

public sealed record EnrolmentViewModel(string GroupedKey, string QrDataUri, bool Required);

/// <summary>
/// A user's own two-factor sign-in, through Identity's authenticator key, two-factor flag and recovery codes
/// (all kept in the user tokens table): enrol with a first code, renew the recovery codes, disable.
/// </summary>
public sealed class TwoFactorService(UserManager<AppUser> users, PortalSignInManager signIn, TwoFactorPolicy policy, AuditLog audit)
{
    public const string WrongCode = "验证码：不正确。请输入验证器应用当前显示的 6 位数字（注意手机时间须准确）。";

    public async Task<AppUser> CurrentAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    public async Task<TwoFactorStatus> StatusAsync(AppUser user) =>
        new(user.TwoFactorEnabled, user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0, policy.IsRequiredFor(user));

    /// <summary>The key to enrol with (made on the first visit and kept until enrolment or a reset), with its QR code.</summary>
    public async Task<EnrolmentViewModel> EnrolmentAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // the reset changed the security stamp: keep this session
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        var qr = AuthenticatorQr.PngDataUri(AuthenticatorQr.Uri(user.UserName!, key));
        return new EnrolmentViewModel(AuthenticatorQr.Grouped(key), qr, policy.IsRequiredFor(user));
    }

    /// <summary>Turns two-factor sign-in on when <paramref name="code"/> is the authenticator's current code; the new recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(AppUser user, string? code)
    {
        var digits = Normalize(code);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorPolicy.RecoveryCodeCount))?.ToList() ?? [];
        await audit.RecordAsync(AuditActions.UserTwoFactorEnabled, AuditOutcome.Success, "user", user.Id, $"recovery codes: {codes.Count}");
        await signIn.RefreshSignInAsync(user);
        return codes;
    }

    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(AppUser user)
    {
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorPolicy.RecoveryCodeCount))?.ToList() ?? [];
        await audit.RecordAsync(AuditActions.UserTwoFactorRecoveryCodesRenewed, AuditOutcome.Success, "user", user.Id, $"recovery codes: {codes.Count}");
        return codes;
    }

    public async Task DisableAsync(AppUser user)
    {
        await ClearAsync(users, user);
        await audit.RecordAsync(AuditActions.UserTwoFactorDisabled, AuditOutcome.Success, "user", user.Id, "self-service");
        await signIn.RefreshSignInAsync(user);
    }

    /// <summary>Two-factor off, a new key for the next enrolment, no recovery codes; the stamp changes, ending other sessions.</summary>
    public static async Task ClearAsync(UserManager<AppUser> users, AppUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
    }

    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}
