using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Indicators;

/// <summary>The reported figures the quota engine and the pages read: the latest report counts.</summary>
public static class IndicatorReports
{
    /// <summary>The latest figure <paramref name="regionId"/> reported for the task of the jurisdiction's plan in the year, or null.</summary>
    public static async Task<decimal?> LatestAsync(HarmonyDbContext db, int regionId, int jurisdictionRegionId, string taskId, int year, CancellationToken ct = default) =>
        await Of(db, regionId, jurisdictionRegionId, year).Where(r => r.TaskId == taskId)
            .OrderByDescending(r => r.Id).Select(r => (decimal?)r.Value).FirstOrDefaultAsync(ct);

    /// <summary>Every report (without file contents) of the region for the jurisdiction's plans in the year, newest first.</summary>
    public static async Task<List<IndicatorReport>> HistoryAsync(HarmonyDbContext db, int regionId, IReadOnlyCollection<int> jurisdictionRegionIds, int year, CancellationToken ct = default)
    {
        var reports = await db.IndicatorReports.AsNoTracking()
            .Where(r => r.RegionId == regionId && r.Year == year && jurisdictionRegionIds.Contains(r.JurisdictionRegionId))
            .OrderByDescending(r => r.Id).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var files = await db.IndicatorEvidence.AsNoTracking().Where(e => ids.Contains(e.ReportId))
            .Select(e => new IndicatorEvidence { Id = e.Id, ReportId = e.ReportId, FileName = e.FileName, ContentType = e.ContentType, Size = e.Size, Sha256 = e.Sha256 })
            .ToListAsync(ct);
        foreach (var report in reports)
        {
            report.Evidence.AddRange(files.Where(f => f.ReportId == report.Id).OrderBy(f => f.Id));
        }

        return reports;
    }

    private static IQueryable<IndicatorReport> Of(HarmonyDbContext db, int regionId, int jurisdictionRegionId, int year) =>
        db.IndicatorReports.AsNoTracking().Where(r => r.RegionId == regionId && r.JurisdictionRegionId == jurisdictionRegionId && r.Year == year);
}
