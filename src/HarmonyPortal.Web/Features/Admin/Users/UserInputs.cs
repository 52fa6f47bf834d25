using System.ComponentModel.DataAnnotations;
using HarmonyPortal.Core.Users;

namespace HarmonyPortal.Web.Features.Admin.Users;

/// <summary>What an admin may set on a user. Nothing else is bound from a form (no Id, no status, no stamps).</summary>
public class UserProfileInput
{
    [Display(Name = "姓名")]
    public string? DisplayName { get; set; }

    [Display(Name = "所属地区")]
    public int RegionId { get; set; }

    /// <summary>A member unit of the chosen region; empty means the region's host unit (牵头单位).</summary>
    [Display(Name = "所属单位")]
    public int? UnitId { get; set; }

    [Display(Name = "角色")]
    public UserRole Role { get; set; } = UserRole.Clerk;

    /// <summary>Optional: where notification emails go when the email channel is on.</summary>
    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }
}

public sealed class CreateUserInput : UserProfileInput
{
    [Display(Name = "用户名")]
    public string? UserName { get; set; }

    [Display(Name = "初始密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }
}

public sealed class UserFilter
{
    public const int MaxQueryLength = 50;

    public int? RegionId { get; set; }

    public UserRole? Role { get; set; }

    public string? Q { get; set; }

    public int Page { get; set; } = 1;
}
