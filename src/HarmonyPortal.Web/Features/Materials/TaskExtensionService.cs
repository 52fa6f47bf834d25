using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Materials;

/// <summary>
/// 延期: the reviewers of the level above give one region a later date for one material or indicator task of a year,
/// with the reason (audited). The latest grant wins; other regions keep the plan's date. The date and the reason are
/// checked before by <see cref="ExtensionInputValidator"/>.
/// </summary>
public sealed class TaskExtensionService(HarmonyDbContext db, UserScope scope, ExpectedSubmissions expected, AuditLog audit, TimeProvider clock)
{
    public const string ObjectType = "task-extension";

    public async Task<ServiceResult> GrantAsync(int regionId, int jurisdictionRegionId, string? taskId, int year, TaskKind kind, DateOnly newDate, string reason, CancellationToken ct)
    {
        var region = await ReviewedRegionAsync(regionId, ct);

        var owed = (await expected.ForRegionAsync(region, year, kind, ct)).FirstOrDefault(e => e.JurisdictionRegionId == jurisdictionRegionId && e.Task.Id == taskId);
        var result = new ServiceResult();
        if (owed is null)
        {
            return result.Add("TaskId", $"延期：{region.Name} {year} 年没有该报送任务（规划可能已更新），请刷新页面");
        }

        var why = reason.Trim();
        var extension = new TaskDeadlineExtension
        {
            RegionId = region.Id, JurisdictionRegionId = jurisdictionRegionId, TaskId = owed.Task.Id, Year = year, NewDate = newDate, Reason = why,
            GrantedBy = $"{scope.UserName}（{scope.RegionName}）", GrantedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.TaskDeadlineExtensions.Add(extension);
        audit.Add(AuditActions.TaskDeadlineExtended, AuditOutcome.Success, ObjectType, region.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{region.Name} {year} 年“{owed.Task.Name}”（{owed.JurisdictionName}规划）报送期限延至 {extension.NewDate:yyyy-MM-dd}：{why}", regionId: region.Id);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    /// <summary>
    /// A 延期 whose date or reason <see cref="ExtensionInputValidator"/> refused: a region outside the user's scope or
    /// review is still answered 404/403 first, as if the input were right.
    /// </summary>
    public async Task<ServiceResult> RefusedAsync(int regionId, ServiceResult refused, CancellationToken ct)
    {
        await ReviewedRegionAsync(regionId, ct);
        return refused;
    }

    private async Task<Core.Regions.Region> ReviewedRegionAsync(int regionId, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == regionId, ct) ?? throw new OutOfScopeException();
        if (MaterialReview.ReviewRefusal(region, scope) is not null)
        {
            throw new WriteForbiddenException();
        }

        return region;
    }
}
