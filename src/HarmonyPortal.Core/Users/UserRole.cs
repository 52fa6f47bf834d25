namespace HarmonyPortal.Core.Users;

/// <summary>What a user may do inside its region's subtree.</summary>
public enum UserRole
{
    /// <summary>填报员: writes its own region's ledgers and nominations.</summary>
    Clerk = 1,

    /// <summary>审核员: reviews and approves at its level.</summary>
    Reviewer = 2,

    /// <summary>管理员: administers users and rule sets of its region's subtree.</summary>
    Admin = 3,
}

public static class UserRoleNames
{
    public static IReadOnlyList<UserRole> All { get; } = [UserRole.Clerk, UserRole.Reviewer, UserRole.Admin];

    public static string ToChinese(this UserRole role) => role switch
    {
        UserRole.Clerk => "填报员",
        UserRole.Reviewer => "审核员",
        UserRole.Admin => "管理员",
        _ => role.ToString(),
    };
}
