using HarmonyPortal.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Account.Identity;

/// <summary>The outcome of one password attempt, and whether the password itself was right (for a disabled account).</summary>
public sealed record SignInAttempt(SignInResult Result, AppUser? User, bool PasswordMatched);

/// <summary>
/// Refuses sign-in, and cookie revalidation, for a disabled user; takes one user's password attempts one at a time,
/// so that parallel guesses cannot race the failed-attempt count past the lockout; lets a trusted device past the
/// lockout; and spends one password hash on every attempt, so that the time of an answer does not tell whether the
/// account exists, is locked or is disabled.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    TrustedDevices devices)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Striped by user name: bounded memory, and attempts on different users rarely wait for each other.</summary>
    private static readonly SemaphoreSlim[] Stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>A hash of a random password, made with the configured iterations, to verify against for unknown names.</summary>
    private static string? decoyHash;

    private bool refusedBeforePasswordCheck;

    public async Task<SignInAttempt> AttemptAsync(string userName, string password)
    {
        // The user is loaded inside the lock, so each attempt counts from the count the previous one saved.
        var stripe = Stripes[(StringComparer.OrdinalIgnoreCase.GetHashCode(userName) & int.MaxValue) % Stripes.Length];
        await stripe.WaitAsync();
        try
        {
            var user = await UserManager.FindByNameAsync(userName);
            if (user is null)
            {
                VerifyDecoy(password);
                return new SignInAttempt(SignInResult.Failed, null, false);
            }

            refusedBeforePasswordCheck = false;
            var result = await PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            var matched = result.Succeeded;
            if (refusedBeforePasswordCheck)
            {
                // Locked or disabled: Identity answered without hashing; hash now, as any other attempt does.
                matched = await UserManager.CheckPasswordAsync(user, password);
            }

            return new SignInAttempt(result, user, matched);
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>
    /// The second step after a right password (<paramref name="user"/> from the two-factor cookie): an authenticator
    /// code, or a recovery code (used up). Taken one at a time per user like passwords; a wrong code of either kind
    /// counts toward the lockout (Identity counts only wrong authenticator codes itself).
    /// </summary>
    public async Task<SignInAttempt> SecondStepAsync(AppUser user, string code, bool recoveryCode)
    {
        var stripe = Stripes[(StringComparer.OrdinalIgnoreCase.GetHashCode(user.UserName ?? "") & int.MaxValue) % Stripes.Length];
        await stripe.WaitAsync();
        try
        {
            // The copy loaded before the lock may be stale: the attempt counts from what the previous one saved.
            await Context.RequestServices.GetRequiredService<Core.Data.HarmonyDbContext>().Entry(user).ReloadAsync();
            if (!recoveryCode)
            {
                return new SignInAttempt(await TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false), user, false);
            }

            if (await PreSignInCheck(user) is { } refusal)
            {
                return new SignInAttempt(refusal, user, false);
            }

            var result = await TwoFactorRecoveryCodeSignInAsync(code);
            if (!result.Succeeded)
            {
                await UserManager.AccessFailedAsync(user);
                result = await UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
            }

            return new SignInAttempt(result, user, result.Succeeded);
        }
        finally
        {
            stripe.Release();
        }
    }

    protected override async Task<SignInResult?> PreSignInCheck(AppUser user)
    {
        var refusal = await base.PreSignInCheck(user);
        refusedBeforePasswordCheck = refusal is not null;
        return refusal;
    }

    protected override async Task<bool> IsLockedOut(AppUser user) =>
        devices.Recognize(Context, user.Id) is null && await base.IsLockedOut(user);

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<AppUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }

    private void VerifyDecoy(string password)
    {
        var decoy = new AppUser();
        decoyHash ??= UserManager.PasswordHasher.HashPassword(decoy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        UserManager.PasswordHasher.VerifyHashedPassword(decoy, decoyHash, password);
    }
}
