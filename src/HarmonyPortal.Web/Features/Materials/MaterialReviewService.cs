using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Shared;

namespace HarmonyPortal.Web.Features.Materials;

/// <summary>
/// 材料审核, the level above's side: the reviewers of the submitting region's parent accept a submitted material or
/// return it with a reason, and may undo an acceptance with a reason (it is then submitted again, awaiting a decision).
/// The region's clerks are told; each step leaves a history event and an audit entry.
/// </summary>
public sealed class MaterialReviewService(UserScope scope, MaterialSteps steps, MaterialNotifier notifier)
{
    public async Task<ServiceResult> AcceptAsync(long id, int version, bool confirmed, CancellationToken ct)
    {
        var material = await steps.ForReviewerAsync(id, ct);
        if ((MaterialSteps.Stale(material, version) ?? MaterialWorkflow.DecideRefusal(material) ?? MaterialSteps.Unconfirmed(confirmed, "接收")) is { } refusal)
        {
            return ServiceResult.Fail("Confirmed", refusal);
        }

        material.Status = ReviewStatus.Accepted;
        material.ReviewedAtUtc = steps.NowUtc;
        material.ReviewedBy = Reviewer;
        steps.Event(material, MaterialAction.Accepted, null);
        steps.Audit(AuditActions.MaterialAccepted, material, material.Region.Name, "已接收");
        await notifier.AcceptedAsync(material, ct);
        return await steps.SaveAsync(material, ct);
    }

    /// <summary>Returns a submitted material; <paramref name="why"/> is checked by <see cref="ReturnReasonInputValidator"/>.</summary>
    public async Task<ServiceResult> ReturnAsync(long id, int version, string why, bool confirmed, CancellationToken ct)
    {
        var material = await steps.ForReviewerAsync(id, ct);
        if ((MaterialSteps.Stale(material, version) ?? MaterialWorkflow.DecideRefusal(material) ?? MaterialSteps.Unconfirmed(confirmed, "退回")) is { } refusal)
        {
            return ServiceResult.Fail("Reason", refusal);
        }

        material.Status = ReviewStatus.Returned;
        material.ReviewedAtUtc = steps.NowUtc;
        material.ReviewedBy = Reviewer;
        material.ReturnReason = why;
        steps.Event(material, MaterialAction.Returned, why);
        steps.Audit(AuditActions.MaterialReturned, material, material.Region.Name, $"已退回：{why}");
        await notifier.ReturnedAsync(material, why, ct);
        return await steps.SaveAsync(material, ct);
    }

    /// <summary>Undoes an acceptance; <paramref name="why"/> is checked by <see cref="UndoAcceptanceReasonInputValidator"/>.</summary>
    public async Task<ServiceResult> UndoAcceptanceAsync(long id, int version, string why, bool confirmed, CancellationToken ct)
    {
        var material = await steps.ForReviewerAsync(id, ct);
        if ((MaterialSteps.Stale(material, version) ?? MaterialWorkflow.UndoAcceptanceRefusal(material) ?? MaterialSteps.Unconfirmed(confirmed, "撤销接收")) is { } refusal)
        {
            return ServiceResult.Fail("Reason", refusal);
        }

        material.Status = ReviewStatus.Submitted;
        material.ReviewedAtUtc = null;
        material.ReviewedBy = null;
        material.ReturnReason = why;
        steps.Event(material, MaterialAction.AcceptanceUndone, why);
        steps.Audit(AuditActions.MaterialAcceptanceUndone, material, material.Region.Name, $"撤销接收，待重新审核：{why}");
        return await steps.SaveAsync(material, ct);
    }

    private string Reviewer => $"{scope.UserName}（{scope.RegionName}）";
}
