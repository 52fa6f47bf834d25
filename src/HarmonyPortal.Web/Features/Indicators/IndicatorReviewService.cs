using System.Globalization;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Input;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Materials;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Indicators;

/// <summary>
/// 指标审核: the reviewers of the level directly above a region (<see cref="MaterialReview"/>) accept its latest figure,
/// return it with a reason, undo an acceptance with a reason, or give it a later date; 指标汇总: every figure owed in the
/// user's subtree. Every step is audited and the region's clerks are told.
/// </summary>
public sealed class IndicatorReviewService(HarmonyDbContext db, UserScope scope, IndicatorFigures figures, TaskExtensionService extensions,
    IndicatorNotifier notifier, Offices.UnitContacts.UnitContactService contacts, AuditLog audit, TimeProvider clock)
{
    /// <summary>The review table of a region in the user's subtree (the user's own by default): reviewers only.</summary>
    public async Task<IndicatorReviewPage> ReviewPageAsync(int? regionId, int? year, CancellationToken ct)
    {
        if (scope.Role != UserRole.Reviewer)
        {
            throw new WriteForbiddenException();
        }

        var region = await RegionAsync(regionId ?? scope.RegionId, ct);
        var y = PortalYears.Checked(year, Today);
        var rows = await figures.OfSubtreeAsync(region, y, r => r.ParentId == region.Id, ct);
        var tasks = rows.GroupBy(r => (r.JurisdictionRegionId, r.TaskId)).Select(g =>
        {
            var first = g.First();
            return new ReviewTask(first.JurisdictionRegionId, first.JurisdictionName, first.TaskId, first.TaskName, first.Label, g.ToList());
        }).ToList();
        var overdue = rows.Where(r => MaterialStatus.IsOverdue(r.Due, r.Status, Today)).Select(r => r.RegionId).Distinct().ToList();
        return new IndicatorReviewPage(y, Years(y), region.Id, region.Name, region.Id == scope.RegionId, tasks)
        {
            Today = Today,
            Contacts = await contacts.ForRegionsAsync(overdue, ct),
        };
    }

    /// <summary>The roll-up of the user's whole subtree: every region owing a figure, grouped by city.</summary>
    public async Task<IndicatorRollupPage> RollupAsync(int? year, CancellationToken ct)
    {
        var root = await RegionAsync(scope.RegionId, ct);
        var y = PortalYears.Checked(year, Today);
        var rows = await figures.OfSubtreeAsync(root, y, _ => true, ct);
        var groups = rows.GroupBy(r => r.GroupName ?? r.RegionName)
            .Select(g => (g.Key, (IReadOnlyList<RegionFigure>)g.ToList())).ToList();
        return new IndicatorRollupPage(y, Years(y), root.Name, groups);
    }

    /// <summary>
    /// Accepts, returns or undoes the acceptance of the region's latest report. The region outside the subtree or a
    /// report not of the region answers 404; a user who is not a reviewer of the level above 403. <paramref name="invalid"/>
    /// holds the validator's refusals of the typed reason (<see cref="ReturnReasonInputValidator"/>), shown after the report's own.
    /// </summary>
    public async Task<ServiceResult<ReviewPlace>> StepAsync(int regionId, long reportId, IndicatorReviewStep step, string? reason, bool confirmed, ServiceResult invalid, CancellationToken ct)
    {
        var region = await RegionAsync(regionId, ct);
        if (MaterialReview.ReviewRefusal(region, scope) is not null)
        {
            throw new WriteForbiddenException();
        }

        var report = await db.IndicatorReports.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == reportId && r.RegionId == region.Id, ct) ?? throw new OutOfScopeException();
        var outcome = new ServiceResult<ReviewPlace> { Value = new(region.ParentId!.Value, report.Year) };
        var latestId = await db.IndicatorReports.Where(r => r.RegionId == region.Id && r.JurisdictionRegionId == report.JurisdictionRegionId
            && r.TaskId == report.TaskId && r.Year == report.Year).MaxAsync(r => r.Id, ct);
        if (latestId != report.Id)
        {
            outcome.Add("ReportId", $"{region.Name}已重新报送“{report.Label}”，审核的是最新一次报送。请刷新页面后再审核");
            return outcome;
        }

        if (IndicatorReview.StepRefusal(step, report.Status) is { } refused)
        {
            outcome.Add("Status", refused);
            return outcome;
        }

        var why = (reason ?? "").Trim();
        foreach (var (field, message) in invalid.Errors)
        {
            outcome.Add(field, message);
        }

        if (!confirmed)
        {
            outcome.Add("Confirmed", "请勾选确认后再提交");
        }

        if (!outcome.Succeeded)
        {
            return outcome;
        }

        // The step applies only while the report is still the latest and in the status the reviewer saw: a report made
        // or a review taken meanwhile makes it change nothing (checked by the database in the same statement).
        var from = report.Status;
        report.Status = IndicatorReview.After(step);
        report.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
        report.ReviewedBy = $"{scope.UserName}（{scope.RegionName}）";
        report.ReviewReason = step == IndicatorReviewStep.Accept ? null : why;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.IndicatorReports
            .Where(r => r.Id == report.Id && r.Status == from && !db.IndicatorReports.Any(o => o.RegionId == report.RegionId
                && o.JurisdictionRegionId == report.JurisdictionRegionId && o.TaskId == report.TaskId && o.Year == report.Year && o.Id > report.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, report.Status).SetProperty(r => r.ReviewedAtUtc, report.ReviewedAtUtc)
                .SetProperty(r => r.ReviewedBy, report.ReviewedBy).SetProperty(r => r.ReviewReason, report.ReviewReason), ct);
        if (changed == 0)
        {
            outcome.Add("ReportId", $"{region.Name}的“{report.Label}”刚刚已重新报送或已被审核，请刷新页面后再审核");
            return outcome;
        }

        var (action, verb) = step switch
        {
            IndicatorReviewStep.Accept => (AuditActions.IndicatorAccepted, "接收"),
            IndicatorReviewStep.Return => (AuditActions.IndicatorReturned, "退回"),
            _ => (AuditActions.IndicatorAcceptanceUndone, "撤销接收"),
        };
        audit.Add(action, AuditOutcome.Success, IndicatorService.ObjectType, report.Id.ToString(CultureInfo.InvariantCulture),
            $"{verb} {region.Name} {report.Year} 年 {report.Label} = {IndicatorQuotas.Amount(report.Value, report.Unit)}{(why.Length > 0 && step != IndicatorReviewStep.Accept ? "：" + why : "")}", regionId: region.Id);
        await notifier.ReviewedAsync(region, report, step, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    /// <summary>A later date for one region's figure (<see cref="TaskExtensionService"/>, audited); the region's clerks are told.</summary>
    public async Task<ServiceResult<ReviewPlace>> ExtendAsync(int regionId, int jurisdictionRegionId, string? taskId, int year, DateOnly newDate, string reason, CancellationToken ct)
    {
        var region = await RegionAsync(regionId, ct);
        var result = await extensions.GrantAsync(regionId, jurisdictionRegionId, taskId, year, TaskKind.Indicator, newDate, reason, ct);
        if (result.Succeeded)
        {
            var label = (await figures.OfSubtreeAsync(region, year, r => r.Id == region.Id, ct)).FirstOrDefault(f => f.JurisdictionRegionId == jurisdictionRegionId && f.TaskId == taskId)?.Label ?? taskId ?? "";
            await notifier.ExtendedAsync(region, year, label, newDate, ct);
            await db.SaveChangesAsync(ct);
        }

        return result.With(new ReviewPlace(region.ParentId ?? region.Id, year));
    }

    /// <summary>An extension the validator refused: the review page of the region's level above shows the reasons.</summary>
    public async Task<ServiceResult<ReviewPlace>> RefusedAsync(int regionId, int year, ServiceResult refused, CancellationToken ct)
    {
        var region = await RegionAsync(regionId, ct);
        return refused.With(new ReviewPlace(region.ParentId ?? region.Id, year));
    }

    private async Task<Region> RegionAsync(int regionId, CancellationToken ct) =>
        await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == regionId, ct) ?? throw new OutOfScopeException();

    private IReadOnlyList<int> Years(int year)
    {
        var years = PortalYears.Choices(Today);
        return years.Contains(year) ? years : [.. years.Append(year).OrderDescending()];
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}

/// <summary>Where a review step leaves the reviewer: the review page of the region above, for the year.</summary>
public sealed record ReviewPlace(int ReviewRegionId, int Year);
