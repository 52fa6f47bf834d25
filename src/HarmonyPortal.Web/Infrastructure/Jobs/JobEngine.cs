using HarmonyPortal.Core.Data;

namespace HarmonyPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Claims and runs this instance's background jobs through the job table (ADR 0018): a recurring job's class or a
/// queued job's handler is resolved in its own scope, a heartbeat renews the lease while it runs (a lost lease
/// cancels the run), and a failure is retried with back-off up to <see cref="JobOptions.MaxAttempts"/>.
/// </summary>
public sealed class JobEngine(
    IServiceScopeFactory scopes, IEnumerable<PortalJobType> recurring, IEnumerable<QueuedJobKind> queued, JobOptions options, TimeProvider clock, ILogger<JobEngine> logger)
    : IDisposable
{
    private readonly Dictionary<string, Type> handlers = queued.ToDictionary(q => q.Kind, q => q.HandlerType);
    private readonly SemaphoreSlim starting = new(1, 1);
    private Dictionary<string, (Type Type, TimeSpan Interval, string Title)>? jobs;

    public JobOptions Options => options;

    public void Dispose() => starting.Dispose();

    /// <summary>The recurring jobs' Chinese titles by name, for the admin page.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TitlesAsync(CancellationToken ct) =>
        (await JobsAsync(ct)).ToDictionary(p => p.Key, p => p.Value.Title);

    /// <summary>Adds the recurring jobs' rows and queues work made before the job table; safe on every instance at once.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = StoreOf(scope);
        foreach (var name in (await JobsAsync(ct)).Keys.Where(n => !options.IsDisabled(n)))
        {
            await store.EnsureRecurringAsync(name, ct);
        }

        var db = scope.ServiceProvider.GetRequiredService<HarmonyDbContext>();
        foreach (var (kind, type) in handlers.Where(h => !options.IsDisabled(h.Key)))
        {
            var handler = (IQueuedJobHandler)scope.ServiceProvider.GetRequiredService(type);
            foreach (var argument in await handler.OrphansAsync(ct))
            {
                JobStore.Queue(db, kind, argument, clock.GetUtcNow().UtcDateTime);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (Microsoft.EntityFrameworkCore.DbUpdateException)
                {
                    db.ChangeTracker.Clear(); // another instance queued it first
                }
            }
        }
    }

    /// <summary>Gives up jobs whose last attempt's instance stopped, then claims the next due job (of <paramref name="kinds"/> only, when given).</summary>
    public async Task<ClaimedJob?> ClaimNextAsync(CancellationToken ct, IReadOnlyCollection<string>? kinds = null)
    {
        var known = (await JobsAsync(ct)).Keys.Concat(handlers.Keys).Where(k => !options.IsDisabled(k) && (kinds is null || kinds.Contains(k))).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var store = StoreOf(scope);
        foreach (var job in await store.AbandonLapsedAsync(known, IntervalOf, ct))
        {
            await GiveUpAsync(job.Kind, job.Argument ?? "", null, ct);
        }

        return await store.ClaimNextAsync(known, ct);
    }

    /// <summary>Runs a claimed job to its end; never throws (a failure is recorded on the job).</summary>
    public async Task RunAsync(ClaimedJob job, CancellationToken stopping)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var finished = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(job, run, finished.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (job.Recurring)
            {
                await ((IPortalJob)scope.ServiceProvider.GetRequiredService((await JobsAsync(run.Token))[job.Kind].Type)).RunAsync(run.Token);
                await StoreOf(scope).RescheduleAsync(job, IntervalOf(job.Kind), CancellationToken.None);
            }
            else
            {
                await ((IQueuedJobHandler)scope.ServiceProvider.GetRequiredService(handlers[job.Kind])).RunAsync(new JobRun(job, options, clock), run.Token);
            }
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Stopping with the instance, or taken over: the lease lapses (or has) and another instance runs the job.
            logger.LogWarning("Background job {Job} (attempt {Attempt}) stopped before finishing; {Reason}", job.Name, job.Attempt,
                stopping.IsCancellationRequested ? "this instance is stopping" : "another instance took it over");
        }
        catch (Exception e)
        {
            logger.LogError(e, "Background job {Job} (attempt {Attempt}) failed", job.Name, job.Attempt);
            var refusal = (e as JobRefusedException)?.Message;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var reason = refusal ?? $"运行出错（{e.GetType().Name}），详见服务器日志。";
                if (await StoreOf(scope).FailAsync(job, reason, refusal is not null, IntervalOf(job.Kind), CancellationToken.None) && !job.Recurring)
                {
                    await GiveUpAsync(job.Kind, job.Argument ?? "", refusal, CancellationToken.None);
                }
            }
            catch (Exception again)
            {
                logger.LogError(again, "Background job {Job}: its failure could not be recorded; its lease will lapse", job.Name);
            }
        }
        finally
        {
            await finished.CancelAsync();
            await heartbeat;
        }
    }

    private async Task HeartbeatAsync(ClaimedJob job, CancellationTokenSource run, CancellationToken finished)
    {
        while (!finished.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Heartbeat, clock, finished);
                await using var scope = scopes.CreateAsyncScope();
                if (!await StoreOf(scope).RenewAsync(job, finished))
                {
                    logger.LogWarning("Background job {Job}: lease lost to another instance; stopping this run", job.Name);
                    await run.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Background job {Job}: lease renewal failed; trying again", job.Name);
            }
        }
    }

    private async Task GiveUpAsync(string kind, string argument, string? refusal, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await ((IQueuedJobHandler)scope.ServiceProvider.GetRequiredService(handlers[kind])).GiveUpAsync(argument, refusal, ct);
    }

    private TimeSpan IntervalOf(string kind) => jobs is not null && jobs.TryGetValue(kind, out var job) ? job.Interval : TimeSpan.Zero;

    private JobStore StoreOf(AsyncServiceScope scope) => new(scope.ServiceProvider.GetRequiredService<HarmonyDbContext>(), options, clock);

    /// <summary>The recurring jobs, read once from their classes (name, interval, title).</summary>
    private async Task<Dictionary<string, (Type Type, TimeSpan Interval, string Title)>> JobsAsync(CancellationToken ct)
    {
        if (jobs is not null)
        {
            return jobs;
        }

        await starting.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return jobs ??= recurring.Select(r => (r.JobType, Job: (IPortalJob)scope.ServiceProvider.GetRequiredService(r.JobType)))
                .ToDictionary(r => r.Job.Name, r => (r.JobType, r.Job.Interval, r.Job.Title));
        }
        finally
        {
            starting.Release();
        }
    }
}
