using System.Security.Claims;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Users;

namespace HarmonyPortal.Core.Scope;

/// <summary>
/// Who is acting and where: the one object every feature asks what the current user may read
/// (its region's subtree) and write (depending on its role). Built from the sign-in claims.
/// </summary>
public sealed record UserScope(
    string UserId,
    string UserName,
    int RegionId,
    string RegionPath,
    RegionLevel RegionLevel,
    string RegionName,
    int? UnitId,
    string UnitName,
    UserRole Role)
{
    /// <summary>True for 管理员 and the three separated administrators (ADR 0020).</summary>
    public bool IsAdmin => Role.IsAdministrator();

    /// <summary>True when the user's role holds this administrative duty (<see cref="AdminDuties"/>).</summary>
    public bool Holds(AdminDuty duty) => Role.Holds(duty);

    public bool IsProvinceAdmin => Holds(AdminDuty.System) && RegionLevel == RegionLevel.Province;

    /// <summary>True when the region with this path lies in the user's subtree (its own region included).</summary>
    public bool CanRead(string regionPath) => regionPath.StartsWith(RegionPath, StringComparison.Ordinal);

    /// <summary>True for a jurisdiction whose rules the user works under or oversees: its own subtree and the regions above it.</summary>
    public bool CanReadRulesOf(string regionPath) => CanRead(regionPath) || RegionPath.StartsWith(regionPath, StringComparison.Ordinal);

    public bool CanAdministerUsersOf(string regionPath) => Holds(AdminDuty.Security) && CanRead(regionPath);

    /// <summary>Plans and rules of the subtree: the 系统管理 duty.</summary>
    public bool CanAdministerRulesOf(string regionPath) => Holds(AdminDuty.System) && CanRead(regionPath);

    /// <summary>Province and city administrators maintain the regions of their subtree (issue 17: renames, closures, merges).</summary>
    public bool CanManageRegionsUnder(string regionPath) => Holds(AdminDuty.System) && RegionLevel <= RegionLevel.City && CanRead(regionPath);

    /// <summary>Clerks write their own region's records only; records of regions below are read-only to them.</summary>
    public bool CanWriteRecordsOf(int regionId) => Role == UserRole.Clerk && regionId == RegionId;

    public static UserScope? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        string? Find(string type) => principal.FindFirst(type)?.Value;
        var userId = Find(ClaimTypes.NameIdentifier);
        var regionPath = Find(HarmonyClaims.RegionPath);
        if (userId is null || regionPath is null
            || !int.TryParse(Find(HarmonyClaims.RegionId), out var regionId)
            || !Enum.TryParse<RegionLevel>(Find(HarmonyClaims.RegionLevel), out var level)
            || !Enum.TryParse<UserRole>(Find(ClaimTypes.Role), out var role))
        {
            return null;
        }

        return new UserScope(
            userId,
            Find(ClaimTypes.Name) ?? "",
            regionId,
            regionPath,
            level,
            Find(HarmonyClaims.RegionName) ?? "",
            int.TryParse(Find(HarmonyClaims.UnitId), out var unitId) ? unitId : null,
            Find(HarmonyClaims.UnitName) ?? "",
            role);
    }
}
