using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// The reviewer's side of attested conditions: the reviewer of the level above (the one who decides on the nominee —
/// the city for a county's nominee, the level that selects for a city's own) confirms or rejects the clerk's
/// evidence, and approving a nominee is refused while its verdict still needs a condition confirmed.
/// </summary>
public sealed partial class SheetWorkflowService
{
    /// <summary>Confirms (or rejects, with a reason) the evidence of one attested condition of a nominee.</summary>
    public async Task<ServiceResult> ReviewAttestationAsync(long nominationId, string? criterionId, bool confirm, StepReason reason, CancellationToken ct)
    {
        var nomination = await db.Nominations.Include(n => n.Sheet).ThenInclude(s => s.Region).Include(n => n.CitySheet!).ThenInclude(s => s.Region)
            .Include(n => n.Attestations)
            .InScope(scope).SingleOrDefaultAsync(n => n.Id == nominationId, ct) ?? throw new OutOfScopeException();
        if (AttestationReviewRefusal(nomination, scope) is { } refusal)
        {
            return refusal.Forbidden ? throw new WriteForbiddenException() : ServiceResult.Refused(refusal.Message);
        }

        if (Invalid(reason) is { } missing)
        {
            return missing;
        }

        var attestation = nomination.Attestations.FirstOrDefault(a => a.CriterionId == criterionId);
        if (attestation is null)
        {
            return ServiceResult.Refused("证明事项：填报员尚未提供该条件的证明材料，无法确认；如需补充，请退回推荐表");
        }

        var decided = SheetWorkflow.IsCountySheet(nomination.Sheet.Region) ? nomination.CityDecision : nomination.ProvinceDecision;
        if (decided == Decision.Yes)
        {
            return ServiceResult.Refused($"{nomination.Name} 已审核通过，不能再更改证明事项的确认");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        attestation.State = confirm ? AttestationState.Confirmed : AttestationState.Rejected;
        // The reviewer's name as shown to people (the form prints it), not the login.
        attestation.ReviewedBy = await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) is { Length: > 0 } name ? name : scope.UserName;
        attestation.ReviewedAtUtc = now;
        attestation.ReviewReason = confirm ? null : reason.Why;
        nomination.UpdatedAtUtc = now;
        audit.Add(confirm ? AuditActions.NominationAttestationConfirmed : AuditActions.NominationAttestationRejected, AuditOutcome.Success,
            NominationService.ObjectType, nomination.Id.ToString(), $"{nomination.Name} 证明事项 {criterionId}" + (confirm ? " 确认" : "：不予确认，" + attestation.ReviewReason),
            regionId: nomination.RegionId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Who confirms a nominee's attested conditions: whoever decides on it — the reviewer who may 通过 a county's nominee
    /// (<see cref="WorkflowAction.Decide"/>), the reviewer who may select a city's own (<see cref="WorkflowAction.Select"/>).
    /// </summary>
    public static WorkflowRefusal? AttestationReviewRefusal(Nomination nomination, UserScope actor) =>
        SheetWorkflow.IsCountySheet(nomination.Sheet.Region)
            ? SheetWorkflow.Refusal(WorkflowAction.Decide, nomination.Sheet, nomination.Sheet.Region, actor)
            : nomination.CitySheet is { } city
                ? SheetWorkflow.Refusal(WorkflowAction.Select, city, city.Region, actor)
                : new WorkflowRefusal("只有上一级的审核员可以确认证明事项", Forbidden: true);

    /// <summary>
    /// Why a nominee may not be approved (通过, 入选) now: its verdict needs conditions still awaiting a reviewer, or
    /// does not meet the criteria (a condition the reviewer rejected); null when it may. With <paramref name="record"/>,
    /// the verdict it passes with is kept (<see cref="NominationEvaluation"/>), with each condition's confirmation.
    /// </summary>
    private async Task<ServiceResult?> CriteriaRefusalAsync(Nomination nomination, CancellationToken ct, bool record = true)
    {
        var entry = db.Entry(nomination);
        if (!entry.Collection(n => n.Attestations).IsLoaded)
        {
            await entry.Collection(n => n.Attestations).LoadAsync(ct);
        }

        var sheet = nomination.Sheet ?? await db.NominationSheets.SingleAsync(s => s.Id == nomination.SheetId, ct);
        if (sheet.Region is null)
        {
            await db.Entry(sheet).Reference(s => s.Region).LoadAsync(ct);
        }

        var report = await checks.CheckAsync(sheet, sheet.Region!, [nomination], Today, ct);
        if (report.Nominees[0].Verdict is not { } verdict)
        {
            return null;
        }

        if (verdict.Outcome == Outcome.Met)
        {
            if (record && report.Rules.VerdictVersion is { } ruleVersion)
            {
                db.NominationEvaluations.Add(new NominationEvaluation
                {
                    NominationId = nomination.Id,
                    RuleSetVersionId = ruleVersion.Id,
                    RuleSetVersion = ruleVersion.Version,
                    EvaluatedOn = Today,
                    EvaluatedAtUtc = clock.GetUtcNow().UtcDateTime,
                    Outcome = verdict.Outcome,
                    Attested = string.Join(",", nomination.Attestations.Where(a => a.State == AttestationState.Confirmed).Select(a => a.CriterionId).Order()),
                    VerdictJson = SheetChecks.VerdictJson(verdict),
                });
            }

            return null;
        }

        // Not met whatever is confirmed (a rejected condition, a ledger fact): say why, rather than ask for confirmations.
        if (verdict.Outcome == Outcome.NotMet)
        {
            return ServiceResult.Refused($"{nomination.Name}：不符合选树条件，不能审核通过——" + string.Join("；", SheetChecks.Report.UnmetReasons(verdict)));
        }

        var pending = SheetChecks.AwaitingReview(verdict);
        return pending.Count > 0
            ? ServiceResult.Refused($"{nomination.Name}：以下条件待审核确认，不能审核通过。请先在推荐对象页面逐项确认或不予确认：{string.Join("；", pending)}")
            : ServiceResult.Refused($"{nomination.Name}：缺少证明材料，不能审核通过——" + string.Join("；", SheetChecks.Report.UnmetReasons(verdict)));
    }
}
