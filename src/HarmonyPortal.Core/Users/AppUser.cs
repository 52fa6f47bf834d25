using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using Microsoft.AspNetCore.Identity;

namespace HarmonyPortal.Core.Users;

/// <summary>A portal user, bound to one region and one member unit of that region's office, with one role.</summary>
public class AppUser : IdentityUser, IRegionOwned
{
    public string DisplayName { get; set; } = "";

    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    /// <summary>The member unit of the user's region the user works for (null only before the member-unit migration ran).</summary>
    public int? UnitId { get; set; }

    public MemberUnit? Unit { get; set; }

    public UserRole Role { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>
    /// Set when someone other than the user chose the password (an admin's initial password, a reset's temporary
    /// one, the bootstrap configuration): until the user picks a password of their own, every page leads to
    /// the change-password page.
    /// </summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
