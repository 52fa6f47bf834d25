using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Shared;

namespace HarmonyPortal.Web.Features.Admin.Users;

public sealed record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    string RegionName,
    Party Party,
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

public sealed record UserFormViewModel<TInput>(TInput Input, IReadOnlyList<RegionOption> Regions, string? UserId = null, string? UserName = null);
