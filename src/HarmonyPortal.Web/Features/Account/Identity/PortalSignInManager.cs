using HarmonyPortal.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Account.Identity;

/// <summary>
/// Refuses sign-in, and cookie revalidation, for a disabled user; and takes one user's password attempts one
/// at a time, so that parallel guesses cannot race the failed-attempt count past the lockout.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Striped by user name: bounded memory, and attempts on different users rarely wait for each other.</summary>
    private static readonly SemaphoreSlim[] Stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        // The user is loaded inside the lock, so each attempt counts from the count the previous one saved.
        var stripe = Stripes[(StringComparer.OrdinalIgnoreCase.GetHashCode(userName) & int.MaxValue) % Stripes.Length];
        await stripe.WaitAsync();
        try
        {
            return await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        }
        finally
        {
            stripe.Release();
        }
    }

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<AppUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
