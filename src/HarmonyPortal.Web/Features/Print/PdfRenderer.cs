using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Playwright;

namespace HarmonyPortal.Web.Features.Print;

public sealed record PdfOptions(bool Landscape);

/// <summary>
/// Prints HTML to PDF with one warm headless Chromium shared by the whole process (ADR 0003): launched on
/// first use, relaunched if it died, closed on shutdown. Each document gets its own browser context. Turns are
/// rationed with System.Threading.RateLimiting (<see cref="PdfLimits"/>): a few documents per user, a few for the
/// whole portal, a bounded wait for a turn and a bounded time to print, so one user's flood cannot stall everyone.
/// </summary>
public sealed partial class PdfRenderer : IAsyncDisposable
{
    private readonly IConfiguration configuration;
    private readonly ILogger<PdfRenderer> logger;
    private readonly PdfLimits limits;
    private readonly ConcurrencyLimiter pages;
    private readonly PartitionedRateLimiter<string> perUser;
    private readonly SemaphoreSlim launch = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private int launchCount;
    private bool disposed;

    public PdfRenderer(IConfiguration configuration, ILogger<PdfRenderer> logger)
    {
        this.configuration = configuration;
        this.logger = logger;
        limits = PdfLimits.From(configuration);
        pages = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.MaxConcurrentRenders,
            QueueLimit = int.MaxValue, // bounded by the queue timeout instead
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        // A user's share: so many documents at once, and so many a minute after a first burst (a user who prints without
        // pause would otherwise keep one of the machine's cores for itself).
        perUser = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetConcurrencyLimiter(user, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.PerUserConcurrency,
                QueueLimit = limits.PerUserQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })),
            PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.PerUserBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / limits.PerUserPerMinute),
                QueueLimit = limits.PerUserQueue + limits.PerUserConcurrency,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })));
    }

    /// <summary>Documents printing or waiting for one of the portal's turns now (0 when the printer is idle).</summary>
    public long DocumentsInProgress =>
        pages.GetStatistics() is { } s ? limits.MaxConcurrentRenders - s.CurrentAvailablePermits + s.CurrentQueuedCount : 0;

    /// <summary>How many times a browser was started; tests check that requests share one.</summary>
    public int LaunchCount => Volatile.Read(ref launchCount);

    /// <summary>Prints for the portal itself (no user's share), waiting for a turn like any other document.</summary>
    public async Task<byte[]> RenderAsync(string html, PdfOptions options, CancellationToken ct)
    {
        using var turn = await WaitForTurnAsync(null, ct);
        return await RenderAsync(turn, html, options, ct);
    }

    /// <summary>
    /// Waits for a turn of <paramref name="requester"/> (a user's id; null for the portal itself): one of the user's
    /// places, then one of the portal's. Throws <see cref="PdfBusyException"/> at once when the user's queue is full, and
    /// when no turn came within the queue timeout. Dispose the turn when the document is printed.
    /// </summary>
    public async Task<PdfTurn> WaitForTurnAsync(string? requester, CancellationToken ct)
    {
        // Starting the browser (the first document, or after a crash) holds no turn, so nobody's queue time runs out on it.
        await BrowserAsync(ct);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        waiting.CancelAfter(TimeSpan.FromSeconds(limits.QueueTimeoutSeconds));
        var userTurn = requester is null ? null : await TurnAsync(perUser.AcquireAsync(requester, 1, waiting.Token), ct);
        try
        {
            return new PdfTurn(userTurn, await TurnAsync(pages.AcquireAsync(1, waiting.Token), ct));
        }
        catch
        {
            userTurn?.Dispose();
            throw;
        }
    }

    /// <summary>Prints within a turn; throws <see cref="PdfBusyException"/> when the document takes longer than the render timeout.</summary>
    public async Task<byte[]> RenderAsync(PdfTurn turn, string html, PdfOptions options, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(turn.IsDisposed, turn);
        var started = Stopwatch.GetTimestamp();
        var current = await BrowserAsync(ct);
        using var rendering = CancellationTokenSource.CreateLinkedTokenSource(ct);
        rendering.CancelAfter(TimeSpan.FromSeconds(limits.RenderTimeoutSeconds)); // the document's time, not the browser's start
        // Documents are self-contained (styles inlined, no scripts): nothing is fetched. JavaScript stays on, though
        // the page numbers are now CSS counters in the page margin (PrintStyles.PageFooter), not a footer template.
        var context = await current.NewContextAsync(new BrowserNewContextOptions { Offline = true, Locale = "zh-CN" });
        try
        {
            var pdf = await PrintAsync(context, html, options).WaitAsync(rendering.Token);
            var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogPrinted(logger, pdf.Length, elapsed);
            return pdf;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            LogRenderTimeout(logger, limits.RenderTimeoutSeconds);
            throw new PdfBusyException($"The document took longer than {limits.RenderTimeoutSeconds} s to print.");
        }
        finally
        {
            // Closing the context also ends a page still printing after a timeout or an aborted request.
            await context.CloseAsync();
        }
    }

    private static async Task<byte[]> PrintAsync(IBrowserContext context, string html, PdfOptions options)
    {
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = 0 });
        return await page.PdfAsync(PageOptions(options.Landscape));
    }

    /// <summary>
    /// How every document is printed: A4, the margins, backgrounds. Public so that the benchmark prints its variants
    /// from the portal's own options.
    /// </summary>
    public static PagePdfOptions PageOptions(bool landscape) => new()
    {
        Format = "A4",
        Landscape = landscape,
        PrintBackground = true,
        // The page-number footer is the document's own (PrintStyles.PageFooter): Chromium's header/footer
        // template lays out a document of its own for every page (ADR 0040).
        DisplayHeaderFooter = false,
        Margin = new Margin { Top = "15mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
    };

    /// <summary>The lease of a turn, or <see cref="PdfBusyException"/> when refused or not given before the queue timeout.</summary>
    private async Task<RateLimitLease> TurnAsync(ValueTask<RateLimitLease> acquiring, CancellationToken ct)
    {
        RateLimitLease lease;
        try
        {
            lease = await acquiring;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            LogBusy(logger, "no turn within the queue timeout");
            throw new PdfBusyException($"No turn to print within {limits.QueueTimeoutSeconds} s.");
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            LogBusy(logger, "the user's queue is full");
            throw new PdfBusyException("The user's print queue is full.");
        }

        return lease;
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (browser is { IsConnected: true } warm)
        {
            return warm;
        }

        await launch.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (browser is { IsConnected: true } other)
            {
                return other;
            }

            if (browser is not null)
            {
                LogRelaunch(logger);
                await browser.DisposeAsync();
            }

            playwright ??= await Playwright.CreateAsync();
            var path = configuration["Pdf:ChromiumPath"] is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
            string[] args = ["--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions"];
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                // Playwright adds --no-sandbox when the sandbox is off; Chromium refuses to start sandboxed as root.
                ChromiumSandbox = configuration.GetValue<bool?>("Pdf:Sandbox") ?? !RunsAsRoot(),
                Args = args,
            });
            Interlocked.Increment(ref launchCount);
            var version = browser.Version;
            LogStarted(logger, path, version);
            return browser;
        }
        finally
        {
            launch.Release();
        }
    }

    /// <summary>Closes the browser as a crash would, so tests can check that the next document relaunches it.</summary>
    internal async Task CloseBrowserAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Printed a PDF of {Bytes} bytes in {Elapsed} ms")]
    private static partial void LogPrinted(ILogger logger, int bytes, int elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started the PDF browser {Path} ({Version})")]
    private static partial void LogStarted(ILogger logger, string path, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A PDF was refused as busy: {Reason}")]
    private static partial void LogBusy(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A PDF took longer than {Seconds} s to print and was abandoned")]
    private static partial void LogRenderTimeout(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PDF browser is no longer connected; starting a new one")]
    private static partial void LogRelaunch(ILogger logger);

    private static bool RunsAsRoot() => Environment.UserName == "root";

    public async ValueTask DisposeAsync()
    {
        await launch.WaitAsync();
        try
        {
            disposed = true;
            if (browser is not null)
            {
                await browser.CloseAsync();
                await browser.DisposeAsync();
                browser = null;
            }

            playwright?.Dispose();
            playwright = null;
            pages.Dispose();
            perUser.Dispose();
        }
        finally
        {
            launch.Release();
        }
    }
}
