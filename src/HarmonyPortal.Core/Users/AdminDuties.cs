namespace HarmonyPortal.Core.Users;

/// <summary>The three duties of 三员分立 (GB/T 22239-2019 8.1.4.2 访问控制 and 8.1.4.3 安全审计).</summary>
public enum AdminDuty
{
    /// <summary>系统管理: regions, plans and rules, the e-mail outbox.</summary>
    System = 1,

    /// <summary>安全管理: users, roles, member units, unlocks and password resets.</summary>
    Security = 2,

    /// <summary>审计管理: reads and exports the audit log.</summary>
    Audit = 3,
}

/// <summary>
/// Who may do what of administration: the one place the pages, the menu and the role policies ask (ADR 0020).
/// A 管理员 holds every duty; each of the three separated roles holds exactly one. What an account may do does not
/// depend on the <c>Security:SeparateAdministrators</c> switch: the switch decides which roles can be given
/// (<see cref="Assignable"/>), so an existing 管理员 keeps working after the switch is turned on until a
/// 安全管理员 (or a 管理员 above it) gives it one of the three roles.
/// </summary>
public static class AdminDuties
{
    /// <summary>True for 管理员 and the three separated roles (e.g. for "two-factor required for administrators").</summary>
    public static bool IsAdministrator(this UserRole role) =>
        role is UserRole.Admin or UserRole.SystemAdmin or UserRole.SecurityAdmin or UserRole.AuditAdmin;

    public static bool Holds(this UserRole role, AdminDuty duty) => role == UserRole.Admin || role == duty switch
    {
        AdminDuty.System => UserRole.SystemAdmin,
        AdminDuty.Security => UserRole.SecurityAdmin,
        AdminDuty.Audit => UserRole.AuditAdmin,
        _ => throw new ArgumentOutOfRangeException(nameof(duty)),
    };

    /// <summary>The roles an account can be newly given: the single 管理员 without separation, the three with it.</summary>
    public static IReadOnlyList<UserRole> Assignable(bool separated) => separated
        ? [UserRole.Clerk, UserRole.Reviewer, UserRole.SystemAdmin, UserRole.SecurityAdmin, UserRole.AuditAdmin]
        : [UserRole.Clerk, UserRole.Reviewer, UserRole.Admin];

    /// <summary>The form's refusal of a role that cannot be given under the current setting.</summary>
    public static string NotAssignableRefusal(UserRole role, bool separated) => separated
        ? $"角色：已启用三员分立，不能再设置为“{role.ToChinese()}”，请选择系统管理员、安全管理员或审计管理员。"
        : $"角色：未启用三员分立，不能设置为“{role.ToChinese()}”。";
}
