using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Input;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Materials;

/// <summary>
/// 材料报送, the region's clerk's side: make a material (title, summary, 1–10 files) for a task the region owes, edit a
/// draft or a returned one, delete a draft, submit it by the due date, withdraw it before the reviewer decides.
/// Everything is checked before anything is saved; each step leaves a history event and an audit entry.
/// </summary>
public sealed class MaterialSubmitterService(HarmonyDbContext db, UserScope scope, ExpectedSubmissions expected, MaterialSteps steps, MaterialNotifier notifier,
    Ledgers.RecycleBin.RecycleBinOptions recycle)
{
    public async Task<(ServiceResult Result, long? Id)> CreateAsync(int regionId, int year, int jurisdictionRegionId, string? taskId, string? title, string? summary,
        IReadOnlyList<MaterialUpload> files, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == regionId, ct) ?? throw new OutOfScopeException();
        if (MaterialReview.SubmitRefusal(region, scope) is not null)
        {
            throw new WriteForbiddenException();
        }

        if (PortalYears.Refusal(year, steps.Today) is { } badYear)
        {
            return (ServiceResult.Fail("Year", badYear), null);
        }

        var owed = (await expected.ForRegionAsync(region, year, TaskKind.Material, ct)).FirstOrDefault(e => e.JurisdictionRegionId == jurisdictionRegionId && e.Task.Id == taskId);
        if (owed is null)
        {
            return (ServiceResult.Fail("TaskId", $"报送任务：{region.Name} {year} 年度没有该材料报送任务（规划可能已更新），请刷新页面"), null);
        }

        var (t, s) = ((title ?? "").Trim(), (summary ?? "").Trim());
        var result = new ServiceResult();
        foreach (var (field, message) in MaterialWorkflow.TextRefusals(t, s))
        {
            result.Add(field, message);
        }

        if (files.Count == 0)
        {
            result.Add("Files", $"附件：请上传至少 1 个文件（{Core.Nominations.EvidenceFile.Accepted}，每个不超过 5 MB，最多 {MaterialWorkflow.MaxFiles} 个）");
        }

        var kept = await MaterialUploads.CheckAsync(files, 0, result, steps.NowUtc, ct);
        if (!result.Succeeded)
        {
            return (result, null);
        }

        var material = new MaterialSubmission
        {
            RegionId = region.Id, JurisdictionRegionId = owed.JurisdictionRegionId, TaskId = owed.Task.Id, Year = year, RuleSetVersionId = owed.Version.Id,
            TaskName = owed.Task.Name, Kind = owed.Task.Material ?? MaterialKind.Summary, Title = t, Summary = s,
            CreatedById = scope.UserId, CreatedBy = scope.UserName, CreatedAtUtc = steps.NowUtc,
        };
        material.Files.AddRange(kept);
        steps.Event(material, MaterialAction.Created, $"附件 {kept.Count} 个：{string.Join("、", kept.Select(f => f.FileName))}");
        db.MaterialSubmissions.Add(material);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        steps.Audit(AuditActions.MaterialCreated, material, region.Name, $"（{owed.JurisdictionName}规划“{owed.Task.Name}”），附件 {kept.Count} 个");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (ServiceResult.Ok, material.Id);
    }

    public async Task<ServiceResult> EditAsync(long id, int version, string? title, string? summary, IReadOnlyList<long> removeFileIds, IReadOnlyList<MaterialUpload> files, CancellationToken ct)
    {
        var material = await steps.ForSubmitterAsync(id, ct);
        if ((MaterialSteps.Stale(material, version) ?? MaterialWorkflow.EditRefusal(material)) is { } refusal)
        {
            return ServiceResult.Fail("Version", refusal);
        }

        var (t, s) = ((title ?? "").Trim(), (summary ?? "").Trim());
        var result = new ServiceResult();
        foreach (var (field, message) in MaterialWorkflow.TextRefusals(t, s))
        {
            result.Add(field, message);
        }

        var removed = material.Files.Where(f => removeFileIds.Contains(f.Id)).ToList();
        var remaining = material.Files.Count - removed.Count;
        var kept = await MaterialUploads.CheckAsync(files, remaining, result, steps.NowUtc, ct);
        if (result.Succeeded && remaining + kept.Count == 0)
        {
            result.Add("Files", "附件：材料至少保留 1 个文件，请先上传新文件再删除原文件");
        }

        if (!result.Succeeded)
        {
            return result;
        }

        var changes = new List<string>();
        if (t != material.Title || s != material.Summary)
        {
            changes.Add(t != material.Title ? $"标题“{material.Title}”改为“{t}”" : "修改内容摘要");
            material.Title = t;
            material.Summary = s;
            steps.Event(material, MaterialAction.Edited, changes[^1]);
        }

        foreach (var file in removed)
        {
            material.Files.Remove(file);
            steps.Event(material, MaterialAction.FileRemoved, file.FileName);
            changes.Add($"删除附件“{file.FileName}”");
        }

        foreach (var file in kept)
        {
            material.Files.Add(file);
            steps.Event(material, MaterialAction.FileAdded, file.FileName);
            changes.Add($"上传附件“{file.FileName}”");
        }

        if (changes.Count == 0)
        {
            return ServiceResult.Fail("", "没有需要保存的修改");
        }

        steps.Audit(AuditActions.MaterialUpdated, material, material.Region.Name, "：" + string.Join("；", changes));
        return await steps.SaveAsync(material, ct);
    }

    public async Task<ServiceResult> DeleteAsync(long id, int version, bool confirmed, CancellationToken ct)
    {
        var material = await steps.ForSubmitterAsync(id, ct);
        if ((MaterialSteps.Stale(material, version) ?? MaterialWorkflow.DeleteRefusal(material) ?? MaterialSteps.Unconfirmed(confirmed, "删除")) is { } refusal)
        {
            return ServiceResult.Fail("Confirmed", refusal);
        }

        // Into the recycle bin: restorable by the region's clerk for the recycle days, then purged.
        material.Status = ReviewStatus.Deleted;
        steps.Event(material, MaterialAction.Deleted, null);
        steps.Audit(AuditActions.MaterialDeleted, material, material.Region.Name, $"（草稿，附件 {material.Files.Count} 个）已删除，移入回收站");
        return await steps.SaveAsync(material, ct);
    }

    /// <summary>Brings a deleted draft back from the recycle bin while its retention lasts; the region's clerk only.</summary>
    public async Task<ServiceResult> RestoreAsync(long id, CancellationToken ct)
    {
        var material = await steps.DeletedForSubmitterAsync(id, ct);
        if (MaterialSteps.RestoreRefusal(material, steps.NowUtc, recycle.Days) is { } refusal)
        {
            return ServiceResult.Fail("Restore", refusal);
        }

        material.Status = ReviewStatus.Draft;
        steps.Event(material, MaterialAction.Restored, null);
        steps.Audit(AuditActions.MaterialRestored, material, material.Region.Name, "（草稿）已从回收站恢复");
        return await steps.SaveAsync(material, ct);
    }

    public async Task<ServiceResult> SubmitAsync(long id, int version, bool confirmed, CancellationToken ct)
    {
        var material = await steps.ForSubmitterAsync(id, ct);
        var owed = (await expected.ForRegionAsync(material.Region, material.Year, TaskKind.Material, ct))
            .FirstOrDefault(e => e.JurisdictionRegionId == material.JurisdictionRegionId && e.Task.Id == material.TaskId);
        var today = steps.Today;
        var refusal = MaterialSteps.Stale(material, version)
            ?? (owed is null ? $"报送任务：{material.Region.Name} {material.Year} 年度已没有“{material.TaskName}”（规划可能已更新），不能提交" : null)
            ?? MaterialWorkflow.SubmitRefusal(material, MaterialWorkflow.WasReturned(material), owed?.Due, today)
            ?? MaterialSteps.Unconfirmed(confirmed, "提交");
        if (refusal is not null)
        {
            return ServiceResult.Fail("Confirmed", refusal);
        }

        var again = material.Status == ReviewStatus.Returned;
        material.Status = ReviewStatus.Submitted;
        material.SubmittedAtUtc = steps.NowUtc;
        material.SubmittedBy = $"{scope.UserName}（{material.Region.Name}）";
        material.DueDate = owed!.Due;
        material.DaysLate = MaterialTasks.DaysLate(owed.Due, today);
        material.ReviewedAtUtc = null;
        material.ReviewedBy = null;
        var timeliness = ReviewStatusTexts.Timeliness(material.SubmittedAtUtc, material.DaysLate);
        steps.Event(material, MaterialAction.Submitted, $"{(again ? "退回后重新提交，" : "")}{timeliness}（期限 {owed.DueText}）");
        steps.Audit(AuditActions.MaterialSubmitted, material, material.Region.Name, $"{(again ? "重新" : "")}提交，{timeliness}");
        if (material.Region.ParentId is { } parentId)
        {
            await notifier.SubmittedAsync(material, material.Region.Name, parentId, ct);
        }

        return await steps.SaveAsync(material, ct);
    }

    /// <summary>Withdraws a submitted material to draft; <paramref name="why"/> is checked by <see cref="WithdrawReasonInputValidator"/>.</summary>
    public async Task<ServiceResult> WithdrawAsync(long id, int version, string why, bool confirmed, CancellationToken ct)
    {
        var material = await steps.ForSubmitterAsync(id, ct);
        if ((MaterialSteps.Stale(material, version) ?? MaterialWorkflow.WithdrawRefusal(material) ?? MaterialSteps.Unconfirmed(confirmed, "撤回")) is { } refusal)
        {
            return ServiceResult.Fail("Reason", refusal);
        }

        material.Status = ReviewStatus.Draft;
        steps.Event(material, MaterialAction.Withdrawn, why);
        steps.Audit(AuditActions.MaterialWithdrawn, material, material.Region.Name, $"撤回为草稿：{why}");
        return await steps.SaveAsync(material, ct);
    }
}
