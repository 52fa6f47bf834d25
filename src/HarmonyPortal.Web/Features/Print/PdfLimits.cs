namespace HarmonyPortal.Web.Features.Print;

/// <summary>
/// How much of the shared browser one request and one user may take, bound from <c>Pdf</c>. A user beyond
/// <see cref="PerUserConcurrency"/> printing documents waits in a short queue of <see cref="PerUserQueue"/>
/// places, or is answered at once that the system is busy; no request waits longer than
/// <see cref="QueueTimeoutSeconds"/> for its turn, and no document prints longer than <see cref="RenderTimeoutSeconds"/>.
/// </summary>
public sealed class PdfLimits
{
    public const string Section = "Pdf";

    /// <summary>Documents printed at once by the whole portal (browser contexts open together).</summary>
    public int MaxConcurrentRenders { get; set; } = 4;

    /// <summary>Documents one user prints at once.</summary>
    public int PerUserConcurrency { get; set; } = 1;

    /// <summary>A user's further requests that wait for their turn; beyond them the answer is "busy" at once.</summary>
    public int PerUserQueue { get; set; } = 2;

    /// <summary>Documents a user may print in a row before <see cref="PerUserPerMinute"/> applies.</summary>
    public int PerUserBurst { get; set; } = 5;

    /// <summary>Documents a user prints a minute once the burst is used; a request beyond it waits for its turn (queue timeout).</summary>
    public double PerUserPerMinute { get; set; } = 10;

    /// <summary>Longest wait for a turn (the user's and then the portal's) before the answer is "busy".</summary>
    public double QueueTimeoutSeconds { get; set; } = 20;

    /// <summary>Longest time one document may take to print; the browser context is then closed.</summary>
    public double RenderTimeoutSeconds { get; set; } = 30;

    public static PdfLimits From(IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<PdfLimits>() ?? new PdfLimits();
        if (limits.MaxConcurrentRenders < 1 || limits.PerUserConcurrency < 1 || limits.PerUserQueue < 0 || limits.PerUserBurst < 1
            || limits.PerUserPerMinute is <= 0 or > 600
            || limits.QueueTimeoutSeconds <= 0 || limits.RenderTimeoutSeconds <= 0)
        {
            throw new InvalidOperationException(
                "Pdf: MaxConcurrentRenders, PerUserConcurrency and PerUserBurst must be at least 1, PerUserQueue at least 0, PerUserPerMinute above 0 and at most 600, QueueTimeoutSeconds and RenderTimeoutSeconds above 0.");
        }

        return limits;
    }
}

/// <summary>A document not printed because the portal was too busy (no turn in time) or the document took too long.</summary>
public sealed class PdfBusyException(string message) : Exception(message);

/// <summary>A turn at the shared browser (the user's place and the portal's); disposing it gives both back.</summary>
public sealed class PdfTurn(System.Threading.RateLimiting.RateLimitLease? userTurn, System.Threading.RateLimiting.RateLimitLease pageTurn) : IDisposable
{
    public bool IsDisposed { get; private set; }

    public void Dispose()
    {
        if (!IsDisposed)
        {
            IsDisposed = true;
            pageTurn.Dispose();
            userTurn?.Dispose();
        }
    }
}
