using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.YearEnd;
using Microsoft.AspNetCore.Authorization;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Role policies that mirror what the menu and the pages show each role, checked before an action runs, so that a
/// form posted by hand is refused (403) exactly where its button is absent. The services keep their finer checks
/// (own region, the sheet's state); these only make sure the role comes first. Admin policies: <see cref="SecuritySetup"/>.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Ledger writing: the 新增 / 导入 / 编辑 buttons are shown to clerks only.</summary>
    public const string Clerk = "Clerk";

    /// <summary>择优 and 发布名单: shown to reviewers only, of the level that confers the honour (the service checks which).</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>系统管理: regions, plans and rules, the e-mail outbox (ADR 0020; who holds it: <see cref="AdminDuties"/>).</summary>
    public const string SystemDuty = "SystemDuty";

    /// <summary>系统管理 at a province or a city: the regions pages.</summary>
    public const string RegionDuty = "RegionDuty";

    /// <summary>安全管理: users, roles, member units, unlocks and password resets.</summary>
    public const string SecurityDuty = "SecurityDuty";

    /// <summary>审计管理: the audit log viewer and its export.</summary>
    public const string AuditDuty = "AuditDuty";

    /// <summary>True when the signed-in user's role holds <paramref name="duty"/>; the menu asks the same.</summary>
    public static bool Holds(System.Security.Claims.ClaimsPrincipal user, AdminDuty duty) =>
        Core.Scope.UserScope.FromPrincipal(user) is { } scope && scope.Holds(duty);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SystemDuty, p => p.RequireAssertion(c => Holds(c.User, AdminDuty.System)));
        options.AddPolicy(RegionDuty, p => p.RequireAssertion(c =>
            Core.Scope.UserScope.FromPrincipal(c.User) is { } scope && scope.CanManageRegionsUnder(scope.RegionPath)));
        options.AddPolicy(SecurityDuty, p => p.RequireAssertion(c => Holds(c.User, AdminDuty.Security)));
        options.AddPolicy(AuditDuty, p => p.RequireAssertion(c => Holds(c.User, AdminDuty.Audit)));
        options.AddPolicy(Clerk, p => p.RequireRole(nameof(UserRole.Clerk)));
        options.AddPolicy(Reviewer, p => p.RequireRole(nameof(UserRole.Reviewer)));
        YearEndAccess.AddPolicy(options);
    }
}
