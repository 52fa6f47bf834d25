namespace HarmonyPortal.Core.Users;

/// <summary>What a user may do inside its region's subtree.</summary>
public enum UserRole
{
    /// <summary>填报员: writes its own region's ledgers and nominations.</summary>
    Clerk = 1,

    /// <summary>审核员: reviews and approves at its level.</summary>
    Reviewer = 2,

    /// <summary>管理员: administers users and rule sets of its region's subtree (all three duties of <see cref="AdminDuty"/>).</summary>
    Admin = 3,

    /// <summary>系统管理员 (三员分立, ADR 0020): regions, plans, e-mail outbox.</summary>
    SystemAdmin = 4,

    /// <summary>安全管理员 (三员分立): users, roles, member units, unlocks and password resets.</summary>
    SecurityAdmin = 5,

    /// <summary>审计管理员 (三员分立): reads and exports the audit log; changes nothing.</summary>
    AuditAdmin = 6,
}

public static class UserRoleNames
{
    /// <summary>Every role, for lists and filters; which of them may be given to an account: <see cref="AdminDuties.Assignable"/>.</summary>
    public static IReadOnlyList<UserRole> All { get; } =
        [UserRole.Clerk, UserRole.Reviewer, UserRole.Admin, UserRole.SystemAdmin, UserRole.SecurityAdmin, UserRole.AuditAdmin];

    public static string ToChinese(this UserRole role) => role switch
    {
        UserRole.Clerk => "填报员",
        UserRole.Reviewer => "审核员",
        UserRole.Admin => "管理员",
        UserRole.SystemAdmin => "系统管理员",
        UserRole.SecurityAdmin => "安全管理员",
        UserRole.AuditAdmin => "审计管理员",
        _ => role.ToString(),
    };
}
