using System.Globalization;
using System.Security.Cryptography;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Input;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Materials;
using HarmonyPortal.Web.Features.Rules;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Indicators;

/// <summary>
/// 指标报送: the indicator tasks the region owes in a year (<see cref="ExpectedSubmissions"/>: the plans up its chain,
/// with the due date of the step or the region's extension), the figures its clerk reports with evidence (each
/// correction a new report, the latest under review by the level above), read-only for the levels above.
/// </summary>
public sealed class IndicatorService(HarmonyDbContext db, UserScope scope, ExpectedSubmissions expected, IndicatorNotifier notifier, AuditLog audit, TimeProvider clock)
{
    public const string ObjectType = "indicator-report";

    /// <summary>Files one report carries: at least one (evidence is required), at most five of 5 MB each.</summary>
    public const int MaxFilesPerReport = 5;

    public async Task<IndicatorPage> PageAsync(int? regionId, int? year, CancellationToken ct)
    {
        var region = await RegionAsync(regionId ?? scope.RegionId, ct);
        var today = Today;
        var y = PortalYears.Checked(year, today);
        var owed = await expected.ForRegionAsync(region, y, TaskKind.Indicator, ct);
        var ancestors = Region.IdsOnPath(region.Path);
        var names = await db.Regions.AsNoTracking().Where(r => ancestors.Contains(r.Id)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var history = await IndicatorReports.HistoryAsync(db, region.Id, owed.Select(t => t.JurisdictionRegionId).Distinct().ToList(), y, ct);
        var rows = owed.Select(t =>
        {
            var reports = history.Where(h => h.JurisdictionRegionId == t.JurisdictionRegionId && h.TaskId == t.Task.Id).ToList();
            var latest = reports.FirstOrDefault();
            var quotas = (IndicatorQuotas.Holding(t.Task, region, t.JurisdictionRegionId, y) ?? [])
                .Select(q => new QuotaLine(RuleTexts.Scope(q, c => names.GetValueOrDefault(c, c)), RuleTexts.Period(q), RuleTexts.Requirement(q),
                    IndicatorQuotas.Judge(t.Task.Indicator!, q, latest?.Value))).ToList();
            var status = MaterialStatus.OfIndicator(latest is null ? null : (latest.Status, latest.ReportedAtUtc, latest.DaysLate), reports.Count);
            return new IndicatorRow(t.JurisdictionRegionId, t.JurisdictionName, t.Version.PlanText, t.Task, t.Task.Indicator!, quotas,
                reports.Select(r => new ReportLine(r.Id, IndicatorQuotas.Amount(r.Value, r.Unit), r.Note, r.ReportedBy, Local(r.ReportedAtUtc), r.Evidence,
                    ReviewStatusTexts.Name(r.Status), ReviewStatusTexts.Timeliness(r.ReportedAtUtc, r.DaysLate))).ToList(),
                status, t.DueText, latest?.ReviewReason is { } reason && latest.Status != ReviewStatus.Accepted ? reason : null,
                IndicatorReview.ReportRefusal(latest?.Status, t.Due, t.Extended is not null, today), IndicatorReview.ReplacementNotice(latest?.Status));
        }).ToList();

        var below = await db.Regions.AsNoTracking().Where(r => r.ParentId == region.Id && r.Level != RegionLevel.Town)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var parent = region.Id != scope.RegionId && region.ParentId is { } parentId
            ? await db.Regions.AsNoTracking().InScope(scope).Where(r => r.Id == parentId).Select(r => new { r.Id, r.Name }).SingleOrDefaultAsync(ct)
            : null;
        var years = PortalYears.Choices(today);
        return new IndicatorPage(y, years.Contains(y) ? years : [.. years.Append(y).OrderDescending()], region.Id, region.Name, scope.CanWriteRecordsOf(region.Id), rows,
            below.Select(b => (b.Id, b.Name)).ToList(), parent is null ? null : (parent.Id, parent.Name), scope.Role == UserRole.Reviewer);
    }

    /// <summary>
    /// Adds a report of the region's clerk: the figure, a note and at least one evidence file, all checked before
    /// anything is saved, submitted for review with its due date and lateness fixed now. After the due date it is
    /// refused unless an extension is in force or the latest report was returned. A region outside the user's subtree
    /// answers 404, one the user may only read 403.
    /// </summary>
    public async Task<ServiceResult> ReportAsync(int regionId, int year, int jurisdictionRegionId, string? taskId, string? value, string? note,
        IReadOnlyList<(string FileName, long Length, Func<Stream> Open)> files, CancellationToken ct)
    {
        var region = await RegionAsync(regionId, ct);
        if (!scope.CanWriteRecordsOf(region.Id))
        {
            throw new WriteForbiddenException();
        }

        var today = Today;
        if (PortalYears.Refusal(year, today) is { } refusal)
        {
            return ServiceResult.Fail("Year", refusal);
        }

        var target = (await expected.ForRegionAsync(region, year, TaskKind.Indicator, ct)).FirstOrDefault(t => t.JurisdictionRegionId == jurisdictionRegionId && t.Task.Id == taskId);
        if (target is null)
        {
            return ServiceResult.Fail("TaskId", $"指标：{region.Name} {year} 年度没有该报送指标（规划可能已更新），请刷新页面后重新填写");
        }

        var indicator = target.Task.Indicator!;
        var result = new ServiceResult();
        var latest = await db.IndicatorReports.AsNoTracking()
            .Where(r => r.RegionId == region.Id && r.JurisdictionRegionId == jurisdictionRegionId && r.TaskId == target.Task.Id && r.Year == year)
            .OrderByDescending(r => r.Id).Select(r => (ReviewStatus?)r.Status).FirstOrDefaultAsync(ct);
        if (IndicatorReview.ReportRefusal(latest, target.Due, target.Extended is not null, today) is { } late)
        {
            result.Add("DueDate", late);
        }

        var (parsed, valueError) = IndicatorQuotas.Parse(indicator, value);
        if (valueError is not null)
        {
            result.Add("Value", valueError);
        }

        var text = (note ?? "").Trim();
        if (text.Length > IndicatorReport.NoteMaxLength)
        {
            result.Add("Note", $"说明：不能超过 {IndicatorReport.NoteMaxLength} 字，现有 {text.Length} 字");
        }

        var evidence = await EvidenceAsync(files, result, ct);
        if (!result.Succeeded)
        {
            return result;
        }

        var report = new IndicatorReport
        {
            RegionId = region.Id,
            JurisdictionRegionId = jurisdictionRegionId,
            TaskId = target.Task.Id,
            Year = year,
            RuleSetVersionId = target.Version.Id,
            Label = indicator.Label,
            Unit = indicator.Unit,
            Value = parsed!.Value,
            Note = text.Length == 0 ? null : text,
            ReportedById = scope.UserId,
            ReportedBy = scope.UserName,
            ReportedAtUtc = clock.GetUtcNow().UtcDateTime,
            Status = ReviewStatus.Submitted,
            DueDate = target.Due,
            DaysLate = MaterialTasks.DaysLate(target.Due, today),
        };
        report.Evidence.AddRange(evidence);
        db.IndicatorReports.Add(report);
        await notifier.ReportedAsync(region, report, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var timeliness = ReviewStatusTexts.Timeliness(report.ReportedAtUtc, report.DaysLate);
        await audit.RecordAsync(AuditActions.IndicatorReported, AuditOutcome.Success, ObjectType, report.Id.ToString(CultureInfo.InvariantCulture),
            $"{region.Name} {year} 年 {indicator.Label} = {IndicatorQuotas.Amount(report.Value, indicator.Unit)}（规划 {target.JurisdictionName} 任务 {target.Task.Id}），附件 {evidence.Count} 个，{timeliness}", regionId: region.Id, ct: ct);
        await tx.CommitAsync(ct);
        return ServiceResult.Ok;
    }

    /// <summary>A file of a report in the user's subtree (with its bytes: at most 5 MB), or 404 as for a missing one.</summary>
    public async Task<IndicatorEvidence> EvidenceFileAsync(long id, CancellationToken ct)
    {
        var reportId = await db.IndicatorEvidence.Where(e => e.Id == id).Select(e => (long?)e.ReportId).SingleOrDefaultAsync(ct);
        var path = reportId is null ? null : await db.IndicatorReports.Where(r => r.Id == reportId).Select(r => r.Region.Path).SingleAsync(ct);
        if (path is null || !scope.CanRead(path))
        {
            throw new OutOfScopeException();
        }

        return await db.IndicatorEvidence.AsNoTracking().SingleAsync(e => e.Id == id, ct);
    }

    private async Task<List<IndicatorEvidence>> EvidenceAsync(IReadOnlyList<(string FileName, long Length, Func<Stream> Open)> files, ServiceResult result, CancellationToken ct)
    {
        var kept = new List<IndicatorEvidence>();
        var posted = files.Where(f => f.Length > 0).ToList();
        if (posted.Count == 0)
        {
            // Evidence is optional (issue 18: "a note and optional evidence"); the level above sees that none came.
            return kept;
        }

        if (posted.Count > MaxFilesPerReport)
        {
            result.Add("Files", $"证明材料：每次报送最多 {MaxFilesPerReport} 个文件，选择了 {posted.Count} 个。请将材料合并后上传");
            return kept;
        }

        foreach (var (fileName, length, open) in posted)
        {
            if (length > EvidenceFile.MaxBytes)
            {
                result.Add("Files", $"证明材料“{fileName}”：大小 {length / 1048576.0:0.0} MB，超过上限 5 MB");
                continue;
            }

            using var buffer = new MemoryStream();
            await using (var stream = open())
            {
                await stream.CopyToAsync(buffer, ct);
            }

            var bytes = buffer.ToArray();
            if (EvidenceFile.Detect(bytes) is not { } contentType)
            {
                result.Add("Files", $"证明材料“{fileName}”：文件内容不是 {EvidenceFile.Accepted} 之一（按文件内容判断，与扩展名无关）");
                continue;
            }

            if (EvidenceFile.ActiveContent(bytes, contentType) is { } active)
            {
                result.Add("Files", $"证明材料“{fileName}”：{active}，打开时可能执行脚本或访问外部地址，已拒绝。请去掉这些内容，或用“打印为 PDF”另存后重新上传");
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]);
            name = (name.Length == 0 ? "证明材料" : name[..Math.Min(name.Length, 150)]) + EvidenceFile.Extension(contentType);
            kept.Add(new IndicatorEvidence { FileName = name, ContentType = contentType, Size = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Content = bytes });
        }

        return kept;
    }

    private async Task<Region> RegionAsync(int regionId, CancellationToken ct) =>
        await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == regionId, ct) ?? throw new OutOfScopeException();

    /// <summary>The year when the portal accepts it, else null (the page then shows the current year).</summary>
    public int? ValidYear(int year) => PortalYears.Contains(year, Today) ? year : null;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
