using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Account.Identity;

/// <summary>
/// Limits each client address on the sign-in page, whatever account names it tries: a few attempts at a time (more
/// wait in a short queue, beyond it they are refused), so that a burst cannot overrun the failure budget before its
/// failures are counted; and the failure budget itself, which once spent refuses the address without a password
/// check (no lockout counted, no hash spent) until the window slides.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly FailureBudget budget;
    private readonly PartitionedRateLimiter<string> inFlight;

    public SignInThrottle(IOptions<SignInLimits> options)
    {
        var limits = options.Value;
        budget = limits.AddressBudget();
        inFlight = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetConcurrencyLimiter(address, _ =>
            new ConcurrencyLimiterOptions
            {
                PermitLimit = Math.Max(1, limits.ConcurrentAttemptsPerAddress),
                QueueLimit = Math.Max(0, limits.QueuedAttemptsPerAddress),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
    }

    public string Message =>
        $"此网络地址登录失败次数过多，请 {(int)budget.Window.TotalMinutes} 分钟后再试。如需帮助请联系本级管理员。";

    public const string BusyMessage = "此网络地址同时提交的登录请求过多，请稍后再试。";

    /// <summary>A place among the address's attempts in progress; not acquired when too many are waiting.</summary>
    public ValueTask<RateLimitLease> EnterAsync(string address, CancellationToken ct) => inFlight.AcquireAsync(address, 1, ct);

    public bool IsSpent(string address) => budget.IsSpent(address);

    public void RecordFailure(string address) => budget.Spend(address);

    public void Dispose()
    {
        budget.Dispose();
        inFlight.Dispose();
    }
}
