using System.Security.Claims;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Account.Identity;

/// <summary>Puts the user's region, member unit and role into the cookie so scope checks need no query.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    IOptions<IdentityOptions> options,
    HarmonyDbContext db,
    TwoFactor.TwoFactorPolicy twoFactor)
    : UserClaimsPrincipalFactory<AppUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == user.RegionId);
        var unit = user.UnitId is { } unitId ? await db.MemberUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId) : null;
        identity.AddClaims(
        [
            new Claim(ClaimTypes.Role, user.Role.ToString()),
            new Claim(HarmonyClaims.RegionId, region.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(HarmonyClaims.RegionPath, region.Path),
            new Claim(HarmonyClaims.RegionLevel, region.Level.ToString()),
            new Claim(HarmonyClaims.RegionName, region.Name),
            new Claim(HarmonyClaims.UnitName, unit?.ShortName ?? ""),
            new Claim(HarmonyClaims.DisplayName, user.DisplayName),
        ]);
        if (unit is not null)
        {
            identity.AddClaim(new Claim(HarmonyClaims.UnitId, unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(HarmonyClaims.MustChangePassword, "true"));
        }

        if (!user.TwoFactorEnabled && twoFactor.IsRequiredFor(user))
        {
            identity.AddClaim(new Claim(TwoFactor.TwoFactorPolicy.MustEnrolClaim, "true"));
        }

        return identity;
    }
}
