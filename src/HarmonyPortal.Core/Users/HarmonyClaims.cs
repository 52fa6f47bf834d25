namespace HarmonyPortal.Core.Users;

/// <summary>Claim types the portal puts into the sign-in cookie.</summary>
public static class HarmonyClaims
{
    public const string RegionId = "harmony:region_id";
    public const string RegionPath = "harmony:region_path";
    public const string RegionLevel = "harmony:region_level";
    public const string RegionName = "harmony:region_name";
    /// <summary>The id of the user's member unit; absent for a user without one.</summary>
    public const string UnitId = "harmony:unit_id";

    /// <summary>The short name of the user's member unit, for the header.</summary>
    public const string UnitName = "harmony:unit_name";
    public const string DisplayName = "harmony:display_name";

    /// <summary>Present (value "true") while the user must replace a password someone else chose.</summary>
    public const string MustChangePassword = "harmony:must_change_password";
}
