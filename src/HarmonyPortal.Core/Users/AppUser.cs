using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using Microsoft.AspNetCore.Identity;

namespace HarmonyPortal.Core.Users;

/// <summary>A portal user, bound to one region and one party of that region's office, with one role.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    public Party Party { get; set; }

    public UserRole Role { get; set; }

    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
