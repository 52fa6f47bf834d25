using System.Diagnostics;
using Microsoft.Playwright;

namespace HarmonyPortal.Web.Features.Printables;

public sealed record PdfOptions(bool Landscape);

/// <summary>
/// Prints HTML to PDF with one warm headless Chromium shared by the whole process (ADR 0003): launched on
/// first use, relaunched if it died, closed on shutdown. Each document gets its own browser context, and at
/// most <see cref="MaxConcurrentPages"/> documents print at once.
/// </summary>
public sealed partial class PdfRenderer(IConfiguration configuration, ILogger<PdfRenderer> logger) : IAsyncDisposable
{
    public const int MaxConcurrentPages = 4;

    private const string FooterTemplate =
        "<div style=\"width:100%;font-size:8px;text-align:center;color:#444;font-family:'Noto Sans CJK SC',sans-serif\">" +
        "第 <span class=\"pageNumber\"></span> 页 / 共 <span class=\"totalPages\"></span> 页</div>";

    private readonly SemaphoreSlim pages = new(MaxConcurrentPages, MaxConcurrentPages);
    private readonly SemaphoreSlim launch = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private int launchCount;
    private bool disposed;

    /// <summary>How many times a browser was started; tests check that requests share one.</summary>
    public int LaunchCount => Volatile.Read(ref launchCount);

    public async Task<byte[]> RenderAsync(string html, PdfOptions options, CancellationToken ct)
    {
        await pages.WaitAsync(ct);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var current = await BrowserAsync(ct);
            // Documents are self-contained (styles inlined, no scripts): nothing is fetched. JavaScript stays on because
            // Chromium fills the footer's page numbers with it.
            var context = await current.NewContextAsync(new BrowserNewContextOptions { Offline = true, Locale = "zh-CN" });
            try
            {
                var page = await context.NewPageAsync();
                await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
                var pdf = await page.PdfAsync(new PagePdfOptions
                {
                    Format = "A4",
                    Landscape = options.Landscape,
                    PrintBackground = true,
                    DisplayHeaderFooter = true,
                    HeaderTemplate = "<span></span>",
                    FooterTemplate = FooterTemplate,
                    Margin = new Margin { Top = "15mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
                });
                var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogPrinted(logger, pdf.Length, elapsed);
                return pdf;
            }
            finally
            {
                await context.CloseAsync();
            }
        }
        finally
        {
            pages.Release();
        }
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
        }
        finally
        {
            launch.Release();
        }
    }
}
