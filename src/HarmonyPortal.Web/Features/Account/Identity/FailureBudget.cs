using System.Threading.RateLimiting;

namespace HarmonyPortal.Web.Features.Account.Identity;

/// <summary>
/// A number of failures allowed per key (a client address, a trusted device) in a sliding window. Only failures
/// spend the budget, so the many successful sign-ins of an office behind one address never use it up.
/// </summary>
public sealed class FailureBudget : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public FailureBudget(int failures, TimeSpan window)
    {
        Failures = failures;
        Window = window;
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ =>
            new SlidingWindowRateLimiterOptions
            {
                PermitLimit = failures,
                Window = window,
                SegmentsPerWindow = 10,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public int Failures { get; }

    public TimeSpan Window { get; }

    public bool IsSpent(string key) => limiter.GetStatistics(key)?.CurrentAvailablePermits is <= 0;

    public void Spend(string key)
    {
        using var lease = limiter.AttemptAcquire(key);
    }

    public void Dispose() => limiter.Dispose();
}
