using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Exports;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.YearEnd;

/// <summary>
/// Runs one queued year-end export: claims it (a conditional UPDATE, so one instance wins), counts the rows, writes
/// the workbook to a part file under the data directory with progress saved as it goes, then renames it and marks
/// the job done. The scope is rebuilt from the user as it is now: the job of a user since disabled, moved or demoted fails.
/// </summary>
public sealed class YearEndJobRunner(HarmonyDbContext db, YearEndWorkbook workbook, PortalOptions options, TimeProvider clock, ILogger<YearEndJobRunner> logger)
{
    /// <summary>How often progress is saved at most.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        var claimed = await db.ExportJobs.Where(j => j.Id == jobId && j.Status == ExportJobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportJobStatus.Running), ct);
        if (claimed != 1)
        {
            return;
        }

        var job = await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        var folder = YearEndJobs.Folder(options);
        var fileName = job.Id.ToString("N") + ".xlsx";
        var part = Path.Combine(folder, fileName + ".part");
        try
        {
            var scope = await ScopeOfAsync(job, ct) ?? throw new YearEndRefusedException("账号已停用、所属地区或角色已变更，无法生成。");
            var total = await workbook.CountRowsAsync(scope, job.Year, ct);
            await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.RowsTotal, total), ct);
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

            File.Move(part, Path.Combine(folder, fileName), overwrite: true);
            var finished = clock.GetUtcNow().UtcDateTime;
            await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Done)
                .SetProperty(j => j.RowsWritten, written)
                .SetProperty(j => j.RowsTotal, Math.Max(total, written))
                .SetProperty(j => j.FileName, fileName)
                .SetProperty(j => j.FinishedAtUtc, finished), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Year-end export {JobId} failed", jobId);
            File.Delete(part);
            var error = e is YearEndRefusedException refused ? refused.Message : "生成失败，请重试；如仍失败请联系管理员。";
            var finished = clock.GetUtcNow().UtcDateTime;
            await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Failed)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.FinishedAtUtc, finished), CancellationToken.None);
            if (e is OperationCanceledException)
            {
                throw;
            }
        }
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

/// <summary>A job that must not run, with the reason shown to the user.</summary>
public sealed class YearEndRefusedException(string message) : Exception(message);

/// <summary>
/// Runs queued year-end exports one at a time. At start it also picks up jobs left queued in the database (a
/// restart, or a request served by an instance that stopped), so a job is never stranded.
/// </summary>
public sealed class YearEndExportService(IServiceScopeFactory scopes, YearEndQueue queue, ILogger<YearEndExportService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HarmonyDbContext>();
            foreach (var id in await db.ExportJobs.Where(j => j.Status == ExportJobStatus.Queued).OrderBy(j => j.CreatedAtUtc).Select(j => j.Id).ToListAsync(stoppingToken))
            {
                queue.Enqueue(id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not look for queued year-end exports");
        }

        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<YearEndJobRunner>().RunAsync(id, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Year-end export {JobId} could not run", id);
            }
        }
    }
}
