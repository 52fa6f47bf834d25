using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Infrastructure.Jobs;

/// <summary>A job this instance holds the lease of; <see cref="Claim"/> is the fencing token every later change names.</summary>
public sealed record ClaimedJob(Guid Id, string Name, string Kind, string? Argument, bool Recurring, int Attempt, long Claim);

/// <summary>
/// The job table's state changes (ADR 0018), each one conditional UPDATE: claim a due job or one whose lease lapsed,
/// renew the lease, finish, fail with back-off or give up. Two instances racing for one change: one row changes, the
/// other sees 0 and leaves.
/// </summary>
public sealed class JobStore(HarmonyDbContext db, JobOptions options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Queues a one-off job in <paramref name="db"/>'s unit of work (saved with the change that asks for it).</summary>
    public static BackgroundJob Queue(HarmonyDbContext db, string kind, string argument, DateTime nowUtc)
    {
        var job = new BackgroundJob
        {
            Id = Guid.CreateVersion7(), Name = $"{kind}/{argument}", Kind = kind, Argument = argument, NextRunAtUtc = nowUtc, CreatedAtUtc = nowUtc,
        };
        db.BackgroundJobs.Add(job);
        return job;
    }

    /// <summary>Adds the recurring job's row, due now, unless it exists (an instance adding it at the same time wins on the unique name).</summary>
    public async Task EnsureRecurringAsync(string name, CancellationToken ct)
    {
        if (await db.BackgroundJobs.AnyAsync(j => j.Name == name, ct))
        {
            return;
        }

        db.BackgroundJobs.Add(new BackgroundJob { Id = Guid.CreateVersion7(), Name = name, Kind = name, Recurring = true, NextRunAtUtc = Now, CreatedAtUtc = Now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Claims the earliest due job of these kinds (waiting and due, or running with its lease lapsed); null when there is none.</summary>
    public async Task<ClaimedJob?> ClaimNextAsync(IReadOnlyCollection<string> kinds, CancellationToken ct)
    {
        var now = Now;
        var max = options.MaxAttempts;
        var due = await db.BackgroundJobs.AsNoTracking()
            .Where(j => kinds.Contains(j.Kind) && (
                ((j.Status == BackgroundJobStatus.Queued || (j.Status == BackgroundJobStatus.Failed && j.Recurring)) && j.NextRunAtUtc <= now)
                || (j.Status == BackgroundJobStatus.Running && j.LeaseUntilUtc < now && j.Attempts < max)))
            .OrderBy(j => j.NextRunAtUtc).Take(10).ToListAsync(ct);
        var until = now + options.Lease;
        foreach (var job in due)
        {
            var claimed = await db.BackgroundJobs.Where(j => j.Id == job.Id && j.Claims == job.Claims && j.Status == job.Status)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, BackgroundJobStatus.Running)
                    .SetProperty(j => j.LeaseOwner, options.InstanceId)
                    .SetProperty(j => j.LeaseUntilUtc, until)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.Claims, j => j.Claims + 1)
                    .SetProperty(j => j.LastStartedAtUtc, now), ct);
            if (claimed == 1)
            {
                return new ClaimedJob(job.Id, job.Name, job.Kind, job.Argument, job.Recurring, job.Attempts + 1, job.Claims + 1);
            }
        }

        return null;
    }

    /// <summary>
    /// Jobs whose lease lapsed on their last attempt: failed for good (a recurring one waits for its next interval).
    /// Returns the queued ones given up here, for their handler to tell the user.
    /// </summary>
    public async Task<IReadOnlyList<BackgroundJob>> AbandonLapsedAsync(IReadOnlyCollection<string> kinds, Func<string, TimeSpan> intervalOf, CancellationToken ct)
    {
        var now = Now;
        var max = options.MaxAttempts;
        var lapsed = await db.BackgroundJobs.AsNoTracking()
            .Where(j => kinds.Contains(j.Kind) && j.Status == BackgroundJobStatus.Running && j.LeaseUntilUtc < now && j.Attempts >= max)
            .ToListAsync(ct);
        var abandoned = new List<BackgroundJob>();
        foreach (var job in lapsed)
        {
            var error = $"已尝试 {job.Attempts} 次，运行它的实例均中途停止，不再重试。";
            var next = job.Recurring ? now + intervalOf(job.Kind) : job.NextRunAtUtc;
            var changed = await db.BackgroundJobs.Where(j => j.Id == job.Id && j.Claims == job.Claims && j.Status == BackgroundJobStatus.Running)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, BackgroundJobStatus.Failed)
                    .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null)
                    .SetProperty(j => j.Attempts, j => j.Recurring ? 0 : j.Attempts)
                    .SetProperty(j => j.NextRunAtUtc, next)
                    .SetProperty(j => j.LastFailedAtUtc, now)
                    .SetProperty(j => j.LastError, error), ct);
            if (changed == 1 && !job.Recurring)
            {
                job.LastError = error;
                abandoned.Add(job);
            }
        }

        return abandoned;
    }

    /// <summary>Extends the lease of a job this instance still holds; false once another instance took it over.</summary>
    public async Task<bool> RenewAsync(ClaimedJob job, CancellationToken ct)
    {
        var until = Now + options.Lease;
        return await Held(job).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntilUtc, until), ct) == 1;
    }

    /// <summary>Marks a held queued job done; 0 when it is no longer this run's (to be called in the handler's transaction).</summary>
    public async Task<bool> MarkDoneAsync(ClaimedJob job, CancellationToken ct)
    {
        var now = Now;
        return await Held(job).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, BackgroundJobStatus.Done)
            .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(j => j.LastSucceededAtUtc, now)
            .SetProperty(j => j.LastError, (string?)null), ct) == 1;
    }

    /// <summary>A recurring job's run succeeded: it waits for its next interval.</summary>
    public async Task<bool> RescheduleAsync(ClaimedJob job, TimeSpan interval, CancellationToken ct)
    {
        var now = Now;
        var next = now + interval;
        return await Held(job).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, BackgroundJobStatus.Queued)
            .SetProperty(j => j.Attempts, 0)
            .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(j => j.NextRunAtUtc, next)
            .SetProperty(j => j.LastSucceededAtUtc, now)
            .SetProperty(j => j.LastError, (string?)null), ct) == 1;
    }

    /// <summary>
    /// A run failed: retried after the back-off while attempts remain, else failed for good (a recurring job then
    /// waits for its next interval). True when the job was given up here.
    /// </summary>
    public async Task<bool> FailAsync(ClaimedJob job, string error, bool final, TimeSpan interval, CancellationToken ct)
    {
        var now = Now;
        var givingUp = final || job.Attempt >= options.MaxAttempts;
        var retryAt = now + options.BackOff(job.Attempt);
        var text = givingUp
            ? $"第 {job.Attempt} 次运行失败，不再重试：{error}"
            : $"第 {job.Attempt} 次运行失败，将在“下次运行”时重试：{error}";
        text = text.Length > BackgroundJob.ErrorMaxLength ? text[..BackgroundJob.ErrorMaxLength] : text;
        var next = givingUp ? (job.Recurring ? now + interval : now) : retryAt;
        var status = givingUp ? BackgroundJobStatus.Failed : BackgroundJobStatus.Queued;
        var attempts = givingUp && job.Recurring ? 0 : job.Attempt;
        var changed = await Held(job).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status)
            .SetProperty(j => j.Attempts, attempts)
            .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(j => j.NextRunAtUtc, next)
            .SetProperty(j => j.LastFailedAtUtc, now)
            .SetProperty(j => j.LastError, text), ct);
        return changed == 1 && givingUp;
    }

    private IQueryable<BackgroundJob> Held(ClaimedJob job) =>
        db.BackgroundJobs.Where(j => j.Id == job.Id && j.Claims == job.Claim && j.Status == BackgroundJobStatus.Running && j.LeaseOwner == options.InstanceId);
}
