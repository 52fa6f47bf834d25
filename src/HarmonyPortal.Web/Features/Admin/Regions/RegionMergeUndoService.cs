using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Web.Features.Shared;

namespace HarmonyPortal.Web.Features.Admin.Regions;

/// <summary>The confirmation page of 撤回合并: the merged-away region, what would move back, and why it cannot.</summary>
public sealed record RegionMergeUndoPage(Region Region, MergeUndoPlan Plan, string? Reason = null);

/// <summary>
/// 撤回合并: what a merge moved goes back to the merged-away region, which reopens (<see cref="RegionMergeUndo"/>).
/// The administrator must be able to change both regions (as for the merge); confirmed, all-or-nothing, logged on
/// both regions' histories and audited.
/// </summary>
public sealed class RegionMergeUndoService(HarmonyDbContext db, RegionChangeService changes, TimeProvider clock)
{
    private const string Confirm = nameof(RegionMergeUndoReasonInput.Confirm);

    public async Task<RegionMergeUndoPage> PageAsync(int id, CancellationToken ct)
    {
        var source = await changes.ChangeableAsync(id, ct);
        var plan = await RegionMergeUndo.PlanAsync(db, source, ct);
        if (plan.Target is { } target)
        {
            await changes.ChangeableAsync(target.Id, ct);
        }

        return new RegionMergeUndoPage(source, plan);
    }

    /// <summary>Undoes the merge when it can be exact, the reason is valid and the box is ticked; otherwise the page with the errors.</summary>
    public async Task<(ServiceResult Result, RegionMergeUndoPage Page)> UndoAsync(int id, StepReason reason, bool confirmed, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var page = await PageAsync(id, ct) with { Reason = reason.Why };
        var (source, plan) = (page.Region, page.Plan);
        var result = new ServiceResult();
        if (!plan.CanUndo)
        {
            result.Add("", "不能撤回合并，未做任何改动：" + string.Join(" ", plan.Refusals));
            return (result, page);
        }

        if (reason.Refusal is not null)
        {
            result.Add(nameof(RegionMergeUndoReasonInput.Reason), reason.Refusal);
        }

        if (!confirmed)
        {
            result.Add(Confirm, "确认：请勾选“我已核对”后再提交。");
        }

        if (!result.Succeeded)
        {
            return (result, page);
        }

        var (merge, target) = (plan.Merge!, plan.Target!);
        await RegionMergeUndo.UndoAsync(db, source, plan, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        changes.Log(source, RegionChangeKind.MergeUndone, target.Id, today, reason.Why,
            $"撤回 {merge.EffectiveOn:yyyy-MM-dd} 并入“{target.Name}”：移回{plan.Summary}；本地区恢复，重新应报送。", AuditActions.RegionMergeUndone);
        changes.Log(target, RegionChangeKind.AbsorptionUndone, source.Id, today, reason.Why,
            $"撤回“{source.Name}”的并入：移回{plan.Summary}；合并后本地区新增的数据保留。", AuditActions.RegionMergeUndone);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (result, page);
    }
}
