using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Keeps the job table and the email outbox from growing without end: once a day it deletes the rows of one-off jobs
/// (year-end exports) that finished or failed, and the emails that were sent or gave up, older than
/// <see cref="JobOptions.KeepFinishedDays"/> (90 by default). Recurring jobs' rows, queued or running work and unsent
/// email are never touched; the export's own row (its file and status) stays for its user.
/// </summary>
public sealed class FinishedWorkPurgeJob(HarmonyDbContext db, JobOptions options, TimeProvider clock, ILogger<FinishedWorkPurgeJob> logger) : IPortalJob
{
    public string Name => "finished-work-purge";

    public string Title => "清理已完成的后台任务和已发送的邮件";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var (jobs, emails) = await PurgeAsync(clock.GetUtcNow().UtcDateTime, ct);
        if (jobs + emails > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Finished work purged: {Jobs} job rows, {Emails} outbox rows", jobs, emails);
        }
    }

    /// <summary>Deletes what finished before <paramref name="nowUtc"/> less the retention; returns the counts.</summary>
    public async Task<(int Jobs, int Emails)> PurgeAsync(DateTime nowUtc, CancellationToken ct)
    {
        var cutoff = nowUtc.AddDays(-options.KeepFinishedDays);
        var jobs = await db.BackgroundJobs
            .Where(j => !j.Recurring && (j.Status == BackgroundJobStatus.Done || j.Status == BackgroundJobStatus.Failed)
                && (j.LastSucceededAtUtc ?? j.LastFailedAtUtc ?? j.CreatedAtUtc) < cutoff)
            .ExecuteDeleteAsync(ct);
        var emails = await db.EmailOutbox
            .Where(e => (e.SentAtUtc != null && e.SentAtUtc < cutoff) || (e.SentAtUtc == null && e.FailedAtUtc != null && e.FailedAtUtc < cutoff))
            .ExecuteDeleteAsync(ct);
        return (jobs, emails);
    }
}
