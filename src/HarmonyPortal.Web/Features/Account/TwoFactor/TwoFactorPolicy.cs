using HarmonyPortal.Core.Users;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Account.TwoFactor;

/// <summary>The <c>Security:TwoFactor</c> settings.</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Security:TwoFactor";

    /// <summary>When true, an administrator without two-factor sign-in is led to enrolment on every page until enrolled.</summary>
    public bool RequiredForAdministrators { get; set; }
}

/// <summary>Whose sign-in needs a second factor: the one place that decides it.</summary>
public sealed class TwoFactorPolicy(IOptions<TwoFactorOptions> options)
{
    /// <summary>The claim a signed-in user carries while it must enrol before using the portal.</summary>
    public const string MustEnrolClaim = "harmony:must-enrol-two-factor";

    public const int RecoveryCodeCount = 10;

    public bool IsRequiredFor(AppUser user) => options.Value.RequiredForAdministrators && user.Role.IsAdministrator();
}
