using HarmonyPortal.Core.Exports;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using Microsoft.AspNetCore.Authorization;

namespace HarmonyPortal.Web.Features.YearEnd;

/// <summary>
/// Who has 年终汇总: reviewers and admins holding the 系统管理 duty (ADR 0020) of a province or a city (the menu shows it to them only). The same rule
/// guards every route (the <see cref="Policy"/>), the background run, and each download, where it is asked of the
/// user as the database has them now, so that a workbook stops downloading once its maker is moved, demoted or disabled.
/// </summary>
public static class YearEndAccess
{
    public const string Policy = "YearEnd";

    public static bool Allows(UserRole role, RegionLevel level) => (role == UserRole.Reviewer || role.Holds(AdminDuty.System)) && level <= RegionLevel.City;

    public static bool Allows(UserScope? scope) => scope is not null && Allows(scope.Role, scope.RegionLevel);

    /// <summary>A job's maker as stored now may still have it: not disabled, still of the job's region, with a role and level that has 年终汇总.</summary>
    public static bool AllowsJob(bool isDisabled, int regionId, UserRole role, RegionLevel level, ExportJob job) =>
        !isDisabled && regionId == job.RegionId && Allows(role, level);

    public static void AddPolicy(AuthorizationOptions options) =>
        options.AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireAssertion(context => Allows(UserScope.FromPrincipal(context.User))));
}
