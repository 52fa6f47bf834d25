using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Exports;
using HarmonyPortal.Core.Jobs;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.YearEnd;

/// <summary>One row of the admin's 后台任务 table: a job of the job table with what it is about.</summary>
public sealed record BackgroundJobRow(string Title, BackgroundJob Job);

public sealed record BackgroundJobsView(IReadOnlyList<BackgroundJobRow> Recurring, IReadOnlyList<BackgroundJobRow> Exports, int MaxAttempts);

/// <summary>
/// 后台任务 for admins on the 年终汇总 page (ADR 0018): the recurring jobs of every instance, and the year-end
/// exports of the admin's regions that are not done — where each runs, until when its lease holds, how many
/// attempts it took and why it failed.
/// </summary>
public sealed class YearEndJobStatus(HarmonyDbContext db, UserScope scope, JobEngine engine)
{
    private const int Shown = 20;

    public async Task<BackgroundJobsView?> ForAdminAsync(CancellationToken ct)
    {
        if (!scope.Holds(AdminDuty.System))
        {
            return null;
        }

        var titles = await engine.TitlesAsync(ct);
        var recurring = (await db.BackgroundJobs.AsNoTracking().Where(j => j.Recurring).OrderBy(j => j.Name).ToListAsync(ct))
            .Select(j => new BackgroundJobRow(titles.TryGetValue(j.Name, out var title) ? title : j.Name, j)).ToList();

        var regions = db.Regions.InScope(scope).Select(r => r.Id);
        var exports = await db.ExportJobs.AsNoTracking().Where(j => regions.Contains(j.RegionId) && j.Status != ExportJobStatus.Done)
            .OrderByDescending(j => j.CreatedAtUtc).Take(Shown)
            .Join(db.Regions, j => j.RegionId, r => r.Id, (j, r) => new { j.Id, j.Year, Region = r.Name })
            .ToListAsync(ct);
        var names = exports.Select(e => $"{YearEndJobRunner.Kind}/{e.Id}").ToList();
        var jobs = await db.BackgroundJobs.AsNoTracking().Where(j => names.Contains(j.Name)).ToDictionaryAsync(j => j.Name, ct);
        var rows = exports.Where(e => jobs.ContainsKey($"{YearEndJobRunner.Kind}/{e.Id}"))
            .Select(e => new BackgroundJobRow($"年终汇总 {e.Region} {e.Year} 年度", jobs[$"{YearEndJobRunner.Kind}/{e.Id}"])).ToList();
        return new BackgroundJobsView(recurring, rows, engine.Options.MaxAttempts);
    }
}
