using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Exports;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using HarmonyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.YearEnd;

public sealed record YearEndPage(int Year, IReadOnlyList<int> Years, IReadOnlyList<ExportJob> Jobs, string RegionName, IReadOnlySet<Guid> Expired, int RetentionHours)
{
    /// <summary>后台任务, for admins only (null for reviewers).</summary>
    public BackgroundJobsView? Background { get; init; }
}

public sealed record YearEndDownload(string Path, string FileName);

/// <summary>
/// The user's side of year-end exports: start one, list one's own, follow and download them. Only the owner sees a
/// job, only while the owner still has the job's region and a role with 年终汇总, and only within the retention of
/// personal-data files (<see cref="PersonalFileRetention"/>).
/// </summary>
public sealed class YearEndJobs(HarmonyDbContext db, UserScope scope, AuditLog audit, JobSignal signal, PortalOptions options, PersonalFileRetention retention, TimeProvider clock)
{
    public const string ObjectType = "ExportJob";

    private int ThisYear => clock.GetLocalNow().Year;

    public static string Folder(PortalOptions options) => options.ExportsDirectory;

    public async Task<YearEndPage> PageAsync(int? year, CancellationToken ct)
    {
        var jobs = await db.ExportJobs.AsNoTracking().Where(j => j.UserId == scope.UserId && j.RegionId == scope.RegionId)
            .OrderByDescending(j => j.CreatedAtUtc).Take(20).ToListAsync(ct);
        var years = Enumerable.Range(ThisYear - 4, 5).Reverse().ToList();
        if (year is { } asked && !years.Contains(asked))
        {
            throw new Core.Input.InvalidInputException($"年度：{asked} 不在 {years[^1]} 至 {years[0]} 之间");
        }

        var expired = jobs.Where(j => j.Status == ExportJobStatus.Done && HasExpired(j)).Select(j => j.Id).ToHashSet();
        return new YearEndPage(year ?? ThisYear, years, jobs, scope.RegionName, expired, retention.Hours);
    }

    /// <summary>Queues the export of the user's region for <paramref name="year"/> (in range: <see cref="YearEndStartInputValidator"/>); refused while another of the user's exports is unfinished.</summary>
    public async Task<ServiceResult> StartAsync(int year, CancellationToken ct)
    {
        if (await db.ExportJobs.AnyAsync(j => j.UserId == scope.UserId && (j.Status == ExportJobStatus.Queued || j.Status == ExportJobStatus.Running), ct))
        {
            return ServiceResult.Fail("", "上一份年终汇总尚未生成完毕，请稍后再试。");
        }

        var job = new ExportJob
        {
            Id = PersonalFileRetention.NewId(clock), // its name carries its age for the sweep
            UserId = scope.UserId,
            RegionId = scope.RegionId,
            Year = year,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ExportJobs.Add(job);
        JobStore.Queue(db, YearEndJobRunner.Kind, job.Id.ToString(), job.CreatedAtUtc); // saved with the export: never one without the other
        audit.Add(AuditActions.YearEndExportStarted, AuditOutcome.Success, ObjectType, job.Id.ToString(), $"{scope.RegionName} {year}");
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return ServiceResult.Done($"已开始生成 {year} 年度年终汇总，完成后可在下方下载。");
    }

    /// <summary>The user's own job, or null (someone else's job is as missing as an unknown one).</summary>
    public Task<ExportJob?> FindAsync(Guid id, CancellationToken ct) =>
        db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.UserId == scope.UserId, ct);

    /// <summary>
    /// The finished file of the user's own job, audited; null when there is none to download or the user, as stored
    /// now, no longer has the job's region or a role with 年终汇总; <see cref="PersonalFileExpiredException"/> once
    /// the file is past its retention.
    /// </summary>
    public async Task<YearEndDownload?> DownloadAsync(Guid id, CancellationToken ct)
    {
        var job = await FindAsync(id, ct);
        if (job is not { Status: ExportJobStatus.Done, FileName: { } fileName } || !await StillEntitledAsync(job, ct))
        {
            return null;
        }

        var path = Path.Combine(Folder(options), fileName);
        if (HasExpired(job))
        {
            File.Delete(path);
            throw new PersonalFileExpiredException(retention.ExpiredMessage("年终汇总", "重新生成"));
        }

        if (!File.Exists(path))
        {
            return null;
        }

        await audit.RecordAsync(AuditActions.YearEndExportDownloaded, AuditOutcome.Success, ObjectType, job.Id.ToString(), $"{scope.RegionName} {job.Year}", ct: ct);
        return new YearEndDownload(path, $"{scope.RegionName}{job.Year}年度年终汇总.xlsx");
    }

    private bool HasExpired(ExportJob job) => retention.HasExpired(new DateTimeOffset(DateTime.SpecifyKind(job.CreatedAtUtc, DateTimeKind.Utc)), clock);

    /// <summary>The user as the database has them now (not as the sign-in cookie remembers): same region, a role and level with 年终汇总, not disabled.</summary>
    private async Task<bool> StillEntitledAsync(ExportJob job, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == scope.UserId)
            .Select(u => new { u.RegionId, u.Role, u.IsDisabled, u.Region.Level }).SingleOrDefaultAsync(ct);
        return user is not null && YearEndAccess.AllowsJob(user.IsDisabled, user.RegionId, user.Role, user.Level, job);
    }
}

