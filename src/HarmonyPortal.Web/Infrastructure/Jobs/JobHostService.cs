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

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

/// <summary>
/// The one background loop of an instance (ADR 0018): claims due jobs from the job table, up to
/// <see cref="JobOptions.Concurrency"/> at once, and waits for a signal or the poll interval when there is none.
/// </summary>
public sealed class JobHostService(JobEngine engine, JobSignal signal, JobOptions options, ILogger<JobHostService> logger) : BackgroundService
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

            wake ??= signal.WaitAsync(options.Poll, stoppingToken);
            await Task.WhenAny([.. running, wake]);
            if (wake.IsCompleted)
            {
                wake = null;
            }
        }

        await Task.WhenAll(running);
    }
}
