using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Shared;

namespace HarmonyPortal.Web.Features.Admin.Users;

public sealed record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    string RegionName,
    string? UnitName,
    UserRole Role,
    bool IsDisabled,
    DateTimeOffset? LockoutEnd,
    RegionLevel RegionLevel)
{
    /// <summary>False for an admin of the acting admin's own level: only the level above manages that account.</summary>
    public bool Manageable { get; init; }

    public bool IsSelf { get; init; }
}

public sealed record UserListViewModel(
    UserFilter Filter,
    IReadOnlyList<UserRow> Rows,
    int Total,
    int PageSize,
    IReadOnlyList<RegionOption> Regions)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <param name="CurrentRole">The edited account's role as stored: kept on offer even where it can no longer be given (ADR 0020).</param>
public sealed record UserFormViewModel<TInput>(TInput Input, IReadOnlyList<RegionOption> Regions, IReadOnlyList<UnitOption> Units, string? UserId = null, string? UserName = null,
    Core.Users.UserRole? CurrentRole = null);

/// <summary>A member unit the user form offers, grouped under its region; a retired one only as the user's current unit.</summary>
public sealed record UnitOption(int Id, int RegionId, string RegionName, string ShortName, bool IsActive);
