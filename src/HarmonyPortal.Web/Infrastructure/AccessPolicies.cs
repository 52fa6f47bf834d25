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

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Clerk, p => p.RequireRole(nameof(UserRole.Clerk)));
        options.AddPolicy(Reviewer, p => p.RequireRole(nameof(UserRole.Reviewer)));
        YearEndAccess.AddPolicy(options);
    }
}
