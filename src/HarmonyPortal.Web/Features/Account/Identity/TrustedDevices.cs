using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Account.Identity;

/// <summary>
/// Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a browser where a user signed in
/// before carries a protected cookie naming that user. Its attempts pass an account's lockout, which therefore
/// only stops clients that never signed in as the user — an attacker who locks an account by guessing does not lock
/// its owner out. Each device has its own failure budget, after which it is treated like any other client.
/// </summary>
public sealed class TrustedDevices : IDisposable
{
    public const string CookieName = "HarmonyPortal.Device";

    private readonly ITimeLimitedDataProtector protector;
    private readonly FailureBudget failures;
    private readonly TimeSpan lifetime;

    public TrustedDevices(IDataProtectionProvider provider, IOptions<SignInLimits> options)
    {
        protector = provider.CreateProtector("HarmonyPortal.Account.TrustedDevice").ToTimeLimitedDataProtector();
        failures = options.Value.DeviceBudget();
        lifetime = TimeSpan.FromDays(Math.Max(1, options.Value.DeviceCookieDays));
    }

    /// <summary>The device's id when the request carries this user's device cookie and the device has failures left.</summary>
    public string? Recognize(HttpContext? context, string userId)
    {
        if (context?.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('|');
            return parts.Length == 2 && parts[0] == userId && !failures.IsSpent(parts[1]) ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Issue(HttpContext context, string userId)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, protector.Protect($"{userId}|{id}", lifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/account",
            Expires = DateTimeOffset.UtcNow + lifetime,
            IsEssential = true,
        });
    }

    public void RecordFailure(string deviceId) => failures.Spend(deviceId);

    public void Dispose() => failures.Dispose();
}
