using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Tests.Materials.Publication;

/// <summary>
/// Materials and indicator reports written straight into the database, as the submit and review pages would leave
/// them (those pages are another part of issue 18): status, submission time, due date and lateness, reviewer, files.
/// </summary>
public static class MaterialTestData
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    /// <summary>A time of a day in Beijing time, as UTC (the portal stores UTC).</summary>
    public static DateTime Beijing(int year, int month, int day, int hour = 10) => new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    public static async Task<long> MaterialAsync(PortalFactory portal, string regionCode, string jurisdictionCode, string taskId, string taskName, MaterialKind kind, int year,
        ReviewStatus status, string title, DateTime? submittedUtc = null, DateOnly? due = null, string? reviewedBy = null, params string[] files)
    {
        await using var db = portal.CreateDbContext();
        var region = await db.Regions.SingleAsync(r => r.Code == regionCode);
        var jurisdiction = await db.Regions.SingleAsync(r => r.Code == jurisdictionCode);
        // A task of a jurisdiction without a plan of its own (a county's case for its city) points at any stored plan.
        var version = await db.RuleSetVersions.Where(v => v.RegionId == jurisdiction.Id).OrderByDescending(v => v.Version).Select(v => (int?)v.Id).FirstOrDefaultAsync()
            ?? await db.RuleSetVersions.Select(v => v.Id).FirstAsync();
        DateTime? sent = status == ReviewStatus.Draft ? null : submittedUtc ?? Beijing(year, 6, 1);
        var material = new MaterialSubmission
        {
            RegionId = region.Id, JurisdictionRegionId = jurisdiction.Id, TaskId = taskId, Year = year, RuleSetVersionId = version, TaskName = taskName, Kind = kind,
            Title = title, Summary = $"{title}的简要介绍", Status = status, CreatedById = "test", CreatedBy = "测试填报员", CreatedAtUtc = (sent ?? Beijing(year, 5, 1)).AddDays(-1),
            SubmittedAtUtc = sent, SubmittedBy = sent is null ? null : "测试填报员", DueDate = due,
            DaysLate = sent is { } s ? MaterialTasks.DaysLate(due, DateOnly.FromDateTime(s.AddHours(8))) : 0,
            ReviewedAtUtc = reviewedBy is null ? null : sent?.AddDays(3), ReviewedBy = reviewedBy,
        };
        foreach (var file in files)
        {
            material.Files.Add(new MaterialFile { FileName = file, ContentType = "application/pdf", Size = Pdf.Length, Sha256 = "", Content = Pdf, AddedAtUtc = material.CreatedAtUtc });
        }

        db.MaterialSubmissions.Add(material);
        await db.SaveChangesAsync();
        return material.Id;
    }

    public static async Task<long> IndicatorAsync(PortalFactory portal, string regionCode, string taskId, int year, decimal value, ReviewStatus status, DateTime reportedUtc,
        DateOnly? due = null, string? reviewedBy = null)
    {
        await using var db = portal.CreateDbContext();
        var region = await db.Regions.SingleAsync(r => r.Code == regionCode);
        var version = await db.RuleSetVersions.Where(v => v.RegionId == region.Id).OrderByDescending(v => v.Version).FirstAsync();
        var task = HarmonyPortal.Core.Rules.RuleSetCatalog.Parse(version).Tasks.Single(t => t.Id == taskId);
        var report = new IndicatorReport
        {
            RegionId = region.Id, JurisdictionRegionId = region.Id, TaskId = taskId, Year = year, RuleSetVersionId = version.Id, Label = task.Indicator!.Label, Unit = task.Indicator.Unit,
            Value = value, ReportedById = "test", ReportedBy = "测试填报员", ReportedAtUtc = reportedUtc, Status = status, DueDate = due,
            DaysLate = MaterialTasks.DaysLate(due, DateOnly.FromDateTime(reportedUtc.AddHours(8))), ReviewedBy = reviewedBy, ReviewedAtUtc = reviewedBy is null ? null : reportedUtc.AddDays(2),
        };
        db.IndicatorReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }
}
