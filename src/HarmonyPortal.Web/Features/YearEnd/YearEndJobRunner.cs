using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Exports;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Infrastructure;
using HarmonyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.YearEnd;

/// <summary>
/// Runs one year-end export, as the job table's handler of kind <see cref="Kind"/> (ADR 0018): counts the rows,
/// writes the workbook to this attempt's own part file with progress saved as it goes, then — only while it still
/// holds the job's lease — moves it into place and marks the export done in the same transaction as the job, so an
/// attempt taken over by another instance (its own stopped, or too slow to renew) writes nothing the user sees.
/// The scope is rebuilt from the user as it is now: the job of a user since disabled, moved or demoted is refused.
/// </summary>
public sealed class YearEndJobRunner(HarmonyDbContext db, YearEndWorkbook workbook, PortalOptions options, TimeProvider clock, ILogger<YearEndJobRunner> logger)
    : IQueuedJobHandler
{
    public const string Kind = "year-end";

    /// <summary>What the user reads when every attempt failed.</summary>
    public const string FailedMessage = "生成失败，请重试；如仍失败请联系管理员。";

    /// <summary>How often progress is saved at most.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var jobId = Guid.Parse(run.Argument);
        var job = await db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.Status.IsFinished())
        {
            await run.CompleteAsync(db, _ => Task.CompletedTask, ct); // nothing left to do (the export was deleted with its user)
            return;
        }

        var scope = await ScopeOfAsync(job, ct) ?? throw new JobRefusedException("账号已停用、所属地区或角色已变更，无法生成。");
        await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportJobStatus.Running).SetProperty(j => j.RowsWritten, 0), ct);
        var total = await workbook.CountRowsAsync(scope, job.Year, ct);
        await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.RowsTotal, total), ct);

        var folder = YearEndJobs.Folder(options);
        var fileName = job.Id.ToString("N") + ".xlsx";
        var part = Path.Combine(folder, $"{job.Id:N}.{run.Attempt}.xlsx.part"); // this attempt's own: a late attempt cannot write over another's
        try
        {
            OwnerOnlyFiles.CreateDirectory(folder);
            var lastSaved = clock.GetTimestamp();
            long written;
            await using (var file = OwnerOnlyFiles.Create(part))
            {
                written = await workbook.WriteAsync(scope, job.Year, file, async (rows, token) =>
                {
                    if (clock.GetElapsedTime(lastSaved) >= ProgressInterval)
                    {
                        lastSaved = clock.GetTimestamp();
                        await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.RowsWritten, rows), token);
                    }
                }, ct);
            }

            // The lease was just renewed, so no other instance can take the job over before this attempt has finished it.
            if (!await run.HoldsLeaseAsync(db, ct))
            {
                logger.LogWarning("Year-end export {JobId}: attempt {Attempt} was taken over; its file is discarded", jobId, run.Attempt);
                return;
            }

            File.Move(part, Path.Combine(folder, fileName), overwrite: true);
            var finished = clock.GetUtcNow().UtcDateTime;
            var completed = await run.CompleteAsync(db, token => db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Done)
                .SetProperty(j => j.RowsWritten, written)
                .SetProperty(j => j.RowsTotal, Math.Max(total, written))
                .SetProperty(j => j.FileName, fileName)
                .SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.FinishedAtUtc, finished), token), CancellationToken.None);
            if (!completed)
            {
                logger.LogWarning("Year-end export {JobId}: attempt {Attempt} lost the job while finishing; the attempt that holds it finishes it", jobId, run.Attempt);
            }
        }
        finally
        {
            File.Delete(part);
        }
    }

    /// <summary>Every attempt failed, or the user lost the right to the export: it fails with the reason.</summary>
    public async Task GiveUpAsync(string argument, string? refusal, CancellationToken ct)
    {
        var jobId = Guid.Parse(argument);
        var finished = clock.GetUtcNow().UtcDateTime;
        var error = refusal ?? FailedMessage;
        await db.ExportJobs.Where(j => j.Id == jobId && j.Status != ExportJobStatus.Done).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportJobStatus.Failed)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.FinishedAtUtc, finished), ct);
    }

    /// <summary>Exports queued or left running before the job table existed.</summary>
    public async Task<IReadOnlyList<string>> OrphansAsync(CancellationToken ct)
    {
        var ids = await db.ExportJobs.AsNoTracking()
            .Where(j => j.Status == ExportJobStatus.Queued || j.Status == ExportJobStatus.Running)
            .Select(j => j.Id).ToListAsync(ct);
        var names = ids.Select(id => $"{Kind}/{id}").ToList();
        var queued = (await db.BackgroundJobs.AsNoTracking().Where(j => names.Contains(j.Name)).Select(j => j.Name).ToListAsync(ct)).ToHashSet();
        return ids.Where(id => !queued.Contains($"{Kind}/{id}")).Select(id => id.ToString()).ToList();
    }

    private async Task<UserScope?> ScopeOfAsync(ExportJob job, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Region).Include(u => u.Unit).SingleOrDefaultAsync(u => u.Id == job.UserId, ct);
        if (user is null || !YearEndAccess.AllowsJob(user.IsDisabled, user.RegionId, user.Role, user.Region.Level, job))
        {
            return null;
        }

        return new UserScope(user.Id, user.UserName ?? "", user.RegionId, user.Region.Path, user.Region.Level, user.Region.Name, user.UnitId, user.Unit?.ShortName ?? "", user.Role);
    }
}
