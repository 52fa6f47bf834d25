using HarmonyPortal.Core.Users;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// 三员分立 (ADR 0020), <c>Security:SeparateAdministrators</c> (false by default): when on, accounts are given
/// 系统管理员, 安全管理员 or 审计管理员 instead of the single 管理员. What each role may do is decided in
/// <see cref="AdminDuties"/>; this switch only decides which roles can be given.
/// </summary>
public sealed record AdministratorSeparation(bool Enabled)
{
    public const string Setting = "Security:SeparateAdministrators";

    public static AdministratorSeparation Read(IConfiguration config) => new(config.GetValue(Setting, false));

    public IReadOnlyList<UserRole> Assignable => AdminDuties.Assignable(Enabled);

    /// <summary>True when an account may be given <paramref name="role"/>, or keeps it (<paramref name="current"/>): an account keeps the role it has.</summary>
    public bool MayGive(UserRole role, UserRole? current = null) => role == current || Assignable.Contains(role);
}
