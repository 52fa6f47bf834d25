using System.Globalization;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Reporting;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Notifications;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Web.Features.Reporting;

/// <summary>The outcome of a reporting step, with the message to flash (in Chinese) and the region whose page to show next.</summary>

/// <summary>
/// The two steps of the yearly roll-up: a region reports its ledgers of a year (with the deadline in force and
/// a snapshot of its rows), and a reviewer above returns a report with a reason so the region reports again.
/// Each step is saved with its audit entry in one unit of work.
/// </summary>
public sealed class LedgerReportingService(HarmonyDbContext db, UserScope scope, AuditLog audit, ReportingDeadlines deadlines, TimeProvider clock,
    NotificationService notifications)
{
    public const string ObjectType = "ledger-report";

    /// <summary>What the form must carry: the clerk ticked that the rows shown are the ones to send.</summary>
    public const string ConfirmRequired = "请先核对将要报送的台账记录，并勾选“我已核对以上台账记录，确认报送”后再报送。";

    /// <param name="year">Within the portal's years (<see cref="ReportInputValidator"/>).</param>
    /// <param name="confirmed">The report form's required tick box: 报送 locks the year's ledgers, so it is never one click.</param>
    public async Task<ServiceResult<int?>> ReportAsync(int regionId, int year, bool confirmed, CancellationToken ct)
    {
        var region = await ReportingAccess.RegionInScopeAsync(db, scope, regionId, ct);
        if (!ReportingAccess.CanReport(scope, region))
        {
            throw new WriteForbiddenException();
        }

        var today = Today;
        var live = await LiveReports(region.Id, year).AsNoTracking().FirstOrDefaultAsync(ct);
        if (live is not null)
        {
            return ServiceResult.Refused<int?>(AlreadyReported(region.Name, year, live), null);
        }

        if (!confirmed)
        {
            return ServiceResult.Refused<int?>(ConfirmRequired, null);
        }

        var deadline = await deadlines.ForAsync(region, year, ct);
        var daysLate = deadline.DaysLateOn(today);
        var counts = LedgerRowCounts.ForSubtrees(await LedgerRollup.LoadAsync(db, region.Path, year, ct), [region])[region.Id];
        db.LedgerReports.Add(new LedgerReport
        {
            RegionId = region.Id, Year = year, ReportedAtUtc = clock.GetUtcNow().UtcDateTime, ReportedByUserId = scope.UserId,
            ReportedByName = scope.UserName, Deadline = deadline.Earliest, LedgerDeadlines = deadline.ToJson(), IsLate = daysLate > 0, DaysLate = daysLate,
            RowCounts = LedgerRowCounts.ToJson(counts),
        });
        var timeliness = deadline.IsNone ? "无报送期限" : Timeliness(deadline, today);
        audit.Add(AuditActions.LedgerReported, AuditOutcome.Success, ObjectType, ObjectId(region.Id, year),
            $"{year}: {timeliness}, deadlines {deadline.ToJson()}, rows {LedgerRowCounts.ToJson(counts)}", regionId: region.Id);
        if (region.ParentId is { } above)
        {
            await notifications.AddAsync(NotificationTarget.Region(above, UserRole.Reviewer, UserRole.Admin),
                $"{region.Name}报送了 {year} 年度台账（共 {counts.Values.Sum()} 条，{timeliness}），请查阅", null, $"/reporting?year={year}&regionId={above}", null, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone of the same region reported in the meantime and the unique live index refused this one.
            db.ChangeTracker.Clear();
            if (!await LiveReports(region.Id, year).AnyAsync(ct))
            {
                throw;
            }

            return ServiceResult.Refused<int?>($"{region.Name} {year} 年度台账已报送，无需重复报送。", null);
        }

        return ServiceResult.Done<int?>($"已报送{region.Name} {year} 年度台账（{timeliness}，{deadline.Explanation}）。{year} 年度台账已锁定，上级退回前不能修改。", null);
    }

    public async Task<ServiceResult<int?>> ReturnAsync(int regionId, int year, string? reason, CancellationToken ct)
    {
        var region = await ReportingAccess.RegionInScopeAsync(db, scope, regionId, ct);
        if (!ReportingAccess.CanReturn(scope, region))
        {
            throw new WriteForbiddenException();
        }

        reason = reason!.Trim(); // required and within its length: ReturnReportInputValidator
        var live = await LiveReports(region.Id, year).FirstOrDefaultAsync(ct);
        if (live is null)
        {
            return ServiceResult.Refused<int?>($"{region.Name} {year} 年度台账尚未报送，无需退回。", region.ParentId);
        }

        live.ReturnedAtUtc = clock.GetUtcNow().UtcDateTime;
        live.ReturnedByUserId = scope.UserId;
        live.ReturnedByName = scope.UserName;
        live.ReturnReason = reason;
        audit.Add(AuditActions.LedgerReportReturned, AuditOutcome.Success, ObjectType, ObjectId(region.Id, year), $"{year}: {reason}", regionId: region.Id);
        await notifications.AddAsync(NotificationTarget.Region(region.Id, UserRole.Clerk, UserRole.Reviewer),
            $"{year} 年度台账报送被{scope.RegionName}退回：{(reason.Length <= 60 ? reason : reason[..59] + "…")}", null, $"/reporting?year={year}", null, ct);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Done<int?>($"已退回{region.Name} {year} 年度台账报送，该地区台账已解锁，需补正后重新报送。", region.ParentId);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>On time, or late by days: for one shared deadline in a word, else per late ledger.</summary>
    private static string Timeliness(ReportingDeadline deadline, DateOnly day)
    {
        var late = deadline.Ledgers.Where(l => l.DaysLateOn(day) > 0).ToList();
        return late.Count == 0 ? "按时"
            : deadline.IsUniform ? $"逾期 {late[0].DaysLateOn(day)} 天"
            : string.Join("，", late.Select(l => $"{l.Title}逾期 {l.DaysLateOn(day)} 天"));
    }

    private IQueryable<LedgerReport> LiveReports(int regionId, int year) =>
        db.LedgerReports.Where(r => r.RegionId == regionId && r.Year == year && r.ReturnedAtUtc == null);

    private string AlreadyReported(string regionName, int year, LedgerReport live) =>
        $"{regionName} {year} 年度台账已于 {TimeZoneInfo.ConvertTimeFromUtc(live.ReportedAtUtc, clock.LocalTimeZone):yyyy-MM-dd HH:mm} 报送，无需重复报送。";

    private static string ObjectId(int regionId, int year) => string.Create(CultureInfo.InvariantCulture, $"{regionId}/{year}");
}
