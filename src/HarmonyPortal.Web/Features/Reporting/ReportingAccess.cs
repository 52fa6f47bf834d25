using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Reporting;

/// <summary>Who may report and who may return: the one place the reporting feature asks.</summary>
public static class ReportingAccess
{
    /// <summary>Counties report to their city, cities to their province; the province is the top.</summary>
    public static bool Reports(RegionLevel level) => level is RegionLevel.County or RegionLevel.City;

    /// <summary>A clerk or reviewer of the region itself marks its ledgers as reported.</summary>
    public static bool CanReport(UserScope scope, Region region) =>
        scope.RegionId == region.Id && scope.Role is UserRole.Clerk or UserRole.Reviewer && Reports(region.Level);

    /// <summary>A reviewer of any region above returns a report.</summary>
    public static bool CanReturn(UserScope scope, Region region) =>
        scope.Role == UserRole.Reviewer && region.Id != scope.RegionId && scope.CanRead(region.Path);

    public static async Task<Region> RegionInScopeAsync(HarmonyDbContext db, UserScope scope, int regionId, CancellationToken ct) =>
        await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == regionId, ct)
        ?? throw new OutOfScopeException();
}
