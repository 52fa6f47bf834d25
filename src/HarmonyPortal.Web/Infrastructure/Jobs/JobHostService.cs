namespace HarmonyPortal.Web.Infrastructure.Jobs;

/// <summary>Wakes this instance's job loop at once when a job is queued here (the other instances find it at their next poll).</summary>
public sealed class JobSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Dispose() => signal.Dispose();

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already awake
        }
    }

    /// <summary>
    /// Waits for a wake-up or for <paramref name="poll"/> to pass, on the portal's <paramref name="clock"/> or on the
    /// wall clock, whichever comes first. In production both are the system clock. A test's clock (ADR 0032) moved past
    /// the poll wakes the loop at once, so advancing it past a job's interval runs the job; the wall-clock bound keeps
    /// the loop polling while a test holds its clock still or sets it back.
    /// </summary>
    /// <returns>True when woken by <see cref="Wake"/>.</returns>
    public async Task<bool> WaitAsync(TimeSpan poll, TimeProvider clock, CancellationToken ct)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = signal.WaitAsync(poll, waiting.Token);
        var tick = clock == TimeProvider.System ? woken : Task.Delay(poll, clock, waiting.Token);
        await Task.WhenAny(woken, tick);
        await waiting.CancelAsync();
        ct.ThrowIfCancellationRequested();
        try
        {
            return await woken;
        }
        catch (OperationCanceledException)
        {
            return false; // the clock's poll came first: the signal's wait was given up, its count kept
        }
    }
}

/// <summary>
/// The one background loop of an instance (ADR 0018): claims due jobs from the job table, up to
/// <see cref="JobOptions.Concurrency"/> at once, and waits for a signal or the poll interval (on the portal's clock,
/// bounded by the wall clock) when there is none.
/// </summary>
public sealed class JobHostService(
    JobEngine engine, JobSignal signal, JobOptions options, TimeProvider clock, ILogger<JobHostService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var started = false;
        var running = new List<Task>();
        Task<bool>? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            ClaimedJob? claimed = null;
            try
            {
                if (!started)
                {
                    await engine.StartAsync(stoppingToken);
                    started = true;
                }

                if (running.Count < options.Concurrency)
                {
                    claimed = await engine.ClaimNextAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Background jobs: could not look for due jobs; trying again");
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (claimed is not null)
            {
                running.Add(engine.RunAsync(claimed, stoppingToken));
                continue;
            }

            wake ??= signal.WaitAsync(options.Poll, clock, stoppingToken);
            await Task.WhenAny([.. running, wake]);
            if (wake.IsCompleted)
            {
                wake = null;
            }
        }

        await Task.WhenAll(running);
    }
}
