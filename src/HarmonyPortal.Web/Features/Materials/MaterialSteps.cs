using System.Globalization;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Materials;

/// <summary>
/// What every step on a material shares: finding it in the user's subtree (404 outside) and checking the user's part
/// (403), the stale-form and confirmation checks, the history event, the audit entry and the save that bumps the
/// version (a concurrent change is refused, never overwritten).
/// </summary>
public sealed class MaterialSteps(HarmonyDbContext db, UserScope scope, AuditLog audit, TimeProvider clock)
{
    public const string ObjectType = MaterialSubmission.AuditObjectType;

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>A material the user's region's clerk works on; another region's answers 404 (outside) or 403 (read-only).</summary>
    public async Task<MaterialSubmission> ForSubmitterAsync(long id, CancellationToken ct)
    {
        var material = await LoadAsync(id, ct);
        return MaterialReview.SubmitRefusal(material.Region, scope) is null ? material : throw new WriteForbiddenException();
    }

    /// <summary>A material the user reviews: only the reviewers of the submitting region's parent (403 for the others).</summary>
    public async Task<MaterialSubmission> ForReviewerAsync(long id, CancellationToken ct)
    {
        var material = await LoadAsync(id, ct);
        return MaterialReview.ReviewRefusal(material.Region, scope) is null ? material : throw new WriteForbiddenException();
    }

    /// <summary>A deleted draft of the user's region, from the recycle bin (404 outside the subtree or when not deleted, 403 read-only).</summary>
    public async Task<MaterialSubmission> DeletedForSubmitterAsync(long id, CancellationToken ct)
    {
        var material = await db.MaterialSubmissions.IgnoreQueryFilters().InScope(scope).Include(m => m.Region).Include(m => m.Events)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id && m.Status == ReviewStatus.Deleted, ct) ?? throw new OutOfScopeException();
        return MaterialReview.SubmitRefusal(material.Region, scope) is null ? material : throw new WriteForbiddenException();
    }

    /// <summary>When the draft went into the recycle bin (its latest deletion).</summary>
    public static DateTime? DeletedAtUtc(MaterialSubmission material) =>
        material.Events.Where(e => e.Action == MaterialAction.Deleted).Select(e => (DateTime?)e.AtUtc).Max();

    /// <summary>Why a deleted draft can no longer be restored (its retention is over), or null.</summary>
    public static string? RestoreRefusal(MaterialSubmission material, DateTime nowUtc, int days) =>
        DeletedAtUtc(material) is { } at && at.AddDays(days) <= nowUtc
            ? $"恢复：草稿“{material.Title}”删除已超过回收站保留期 {days} 天，不能恢复"
            : null;

    private async Task<MaterialSubmission> LoadAsync(long id, CancellationToken ct) =>
        await db.MaterialSubmissions.InScope(scope).Include(m => m.Region).Include(m => m.Files).Include(m => m.Events)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new OutOfScopeException();

    /// <summary>The form was read at another version: someone changed the material since.</summary>
    public static string? Stale(MaterialSubmission material, int version) => material.Version == version ? null
        : "该材料在您打开页面后已被修改（可能是他人或另一窗口的操作），本次操作未保存。请刷新页面，核对后重新操作";

    public static string? Unconfirmed(bool confirmed, string what) => confirmed ? null : $"确认：请勾选“确认{what}”后再操作";

    public void Event(MaterialSubmission material, MaterialAction action, string? reason) =>
        material.Events.Add(new MaterialEvent
        {
            Action = action, ById = scope.UserId, By = $"{scope.UserName}（{scope.RegionName}）", AtUtc = NowUtc,
            Reason = reason is { Length: > MaterialSubmission.ReasonMaxLength } ? reason[..(MaterialSubmission.ReasonMaxLength - 1)] + "…" : reason,
        });

    public void Audit(string action, MaterialSubmission material, string regionName, string details) =>
        audit.Add(action, AuditOutcome.Success, ObjectType, material.Id.ToString(CultureInfo.InvariantCulture),
            $"{regionName} {material.Year} 年度材料“{material.Title}”（{material.TaskName}）{details}", regionId: material.RegionId);

    /// <summary>Saves the step with its event, audit entry and notifications; a concurrent change refuses it whole.</summary>
    public async Task<ServiceResult> SaveAsync(MaterialSubmission material, CancellationToken ct, bool bump = true)
    {
        if (bump)
        {
            material.Version++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return ServiceResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ServiceResult.Fail("Version", Stale(material, -1)!);
        }
    }
}
