using System.Globalization;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Reporting;

/// <summary>
/// A region's ledgers of a year are locked while a live (not returned) report covers them: the region's own report or
/// that of a region above it. Every write of ledger rows (create, edit, delete, import, carry-forward, confirm) asks
/// here first and refuses with the message, which says who reported when and who can return the report.
/// </summary>
public sealed class LedgerYearLock(HarmonyDbContext db, TimeProvider clock)
{
    /// <summary>Why the rows of <paramref name="regionId"/> in <paramref name="year"/> cannot be written, or null when they can.</summary>
    public async Task<string?> RefusalAsync(int regionId, int year, CancellationToken ct)
    {
        var path = await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => r.Path).SingleOrDefaultAsync(ct);
        if (path is null)
        {
            return null;
        }

        var chain = Region.IdsLeafToRoot(path);
        var live = await db.LedgerReports.AsNoTracking()
            .Where(r => r.Year == year && r.ReturnedAtUtc == null && chain.Contains(r.RegionId))
            .Select(r => new { r.RegionId, r.Region.Name, r.Region.ParentId, r.ReportedAtUtc, r.ReportedByName })
            .ToListAsync(ct);
        // The nearest report is the one to return first.
        var report = live.OrderBy(r => chain.IndexOf(r.RegionId)).FirstOrDefault();
        if (report is null)
        {
            return null;
        }

        var above = report.ParentId is { } parentId
            ? await db.Regions.AsNoTracking().Where(r => r.Id == parentId).Select(r => r.Name).SingleOrDefaultAsync(ct)
            : null;
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(report.ReportedAtUtc, DateTimeKind.Utc), clock.LocalTimeZone)
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{report.Name} {year} 年度台账已于 {at} 报送（{report.ReportedByName}），该年度台账已锁定，不能新增、修改、删除、导入或确认记录。"
            + $"如需更正，请联系{above ?? "上级"}的审核员在“台账报送”中退回本次报送。";
    }
}
