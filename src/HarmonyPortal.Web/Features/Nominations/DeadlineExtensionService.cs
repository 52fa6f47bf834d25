using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// The level above grants one region a later deadline of one step for a category, year and batch, with a reason: a
/// county's submission to the city, or a city's report upward. The other step keeps its date. The date and the reason
/// are checked before by <see cref="Shared.ExtensionInputValidator"/>.
/// </summary>
public sealed class DeadlineExtensionService(HarmonyDbContext db, UserScope scope, AuditLog audit, TimeProvider clock)
{
    public async Task<ServiceResult> ExtendAsync(int regionId, GoldCategory category, int year, int batch, DateOnly newDate, string reason, CancellationToken ct,
        DeadlineStep? step = null, string? honour = null)
    {
        honour ??= "";
        category = OfficeHonour.CategoryOf(category, honour);
        var region = await ExtendedRegionAsync(regionId, ct);
        var reasons = new List<string>();
        var regionStep = SheetEvaluator.StepOf(region.Level);
        if (region.Level is not (Core.Regions.RegionLevel.County or Core.Regions.RegionLevel.City))
        {
            reasons.Add($"延期环节：{region.Name}没有需要提交或上报的推荐表，不能延期");
        }
        else if (step is { } asked && asked != regionStep)
        {
            reasons.Add(regionStep == DeadlineStep.Submit
                ? $"延期环节：{region.Name}是县级，只能延长向市级提交推荐表的期限"
                : $"延期环节：{region.Name}是市级，只能延长上报推荐表的期限");
        }

        var why = reason.Trim();
        if (reasons.Count > 0)
        {
            return ServiceResult.Refused(reasons);
        }

        var extension = new DeadlineExtension
        {
            RegionId = region.Id, Category = category, HonourTaskId = honour, Year = year, Batch = batch, Step = regionStep, NewDate = newDate, Reason = why,
            GrantedBy = $"{scope.UserName}（{scope.RegionName}）", GrantedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.DeadlineExtensions.Add(extension);
        if (await db.NominationSheets.SingleOrDefaultAsync(s => s.RegionId == region.Id && s.Category == category && s.HonourTaskId == honour && s.Year == year && s.Batch == batch, ct) is { } sheet)
        {
            db.SheetTransitions.Add(new SheetTransition
            {
                SheetId = sheet.Id, Action = WorkflowAction.Extend, FromStatus = sheet.Status, ToStatus = sheet.Status,
                ActorId = scope.UserId, ActorName = scope.UserName, ActorRegion = scope.RegionName, AtUtc = extension.GrantedAtUtc,
                Reason = $"{RuleTexts.StepName(regionStep)}截止日期延至 {extension.NewDate:yyyy-MM-dd}：{why}",
            });
        }

        audit.Add(AuditActions.DeadlineExtended, AuditOutcome.Success, "region", region.Id.ToString(), $"{(OfficeHonour.Is(honour) ? honour : category)} {year} 批次 {batch} {regionStep} 延至 {extension.NewDate:yyyy-MM-dd}：{why}", regionId: region.Id);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    /// <summary>
    /// A 延期 whose date or reason <see cref="Shared.ExtensionInputValidator"/> refused: a region outside the user's
    /// scope or reach is still answered 404/403 first, as if the input were right.
    /// </summary>
    public async Task<ServiceResult> RefusedAsync(int regionId, IReadOnlyList<string> reasons, CancellationToken ct)
    {
        await ExtendedRegionAsync(regionId, ct);
        return ServiceResult.Refused(reasons);
    }

    private async Task<Core.Regions.Region> ExtendedRegionAsync(int regionId, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == regionId, ct) ?? throw new OutOfScopeException();
        if (SheetWorkflow.ExtensionRefusal(region, scope) is not null)
        {
            throw new WriteForbiddenException();
        }

        return region;
    }
}
