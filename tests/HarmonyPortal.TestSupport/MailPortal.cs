using System.Net;
using System.Net.Sockets;
using HarmonyPortal.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.TestSupport;

/// <summary>How a <see cref="MailPortal"/>'s email channel is set up.</summary>
public enum MailMode
{
    /// <summary>Enabled and pointed at the portal's <see cref="FakeSmtpServer"/>.</summary>
    Enabled,

    /// <summary>Host and port of the fake server configured, Enabled left at its default (off).</summary>
    Disabled,

    /// <summary>Enabled, pointed at a loopback port where nothing listens; two quick attempts.</summary>
    ServerDown,
}

/// <summary>The portal with its email channel configured against a fake SMTP server the test can read.</summary>
public class MailPortal(DatabaseProvider provider, MailMode mode) : PortalFactory(provider)
{
    public const string PublicBaseUrl = "https://harmony.example.cn";

    public FakeSmtpServer Smtp { get; } = new();

    public MailMode Mode => mode;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", (mode == MailMode.ServerDown ? ClosedPort() : Smtp.Port).ToString());
        builder.UseSetting("Notifications:Smtp:Tls", "None");
        builder.UseSetting("Notifications:Smtp:PollSeconds", "0.1");
        builder.UseSetting("Jobs:PollSeconds", "0.1"); // the job loop looks for the due "email-outbox" job this often
        builder.UseSetting("Notifications:Smtp:FromAddress", "noreply@harmony.example.cn");
        builder.UseSetting("Notifications:Smtp:TimeoutSeconds", "5");
        builder.UseSetting("Notifications:Smtp:MaxAttempts", "2");
        builder.UseSetting("Notifications:Smtp:RetryDelaySeconds", "0.2");
        if (mode != MailMode.Disabled)
        {
            builder.UseSetting("Notifications:Smtp:Enabled", "true");
        }
    }

    /// <summary>
    /// The sender is the recurring job "email-outbox" (ADR 0018), due every 0.1 s of the portal's clock, which tests
    /// hold still: when its next run is ahead of the clock, moves the clock there, so that the instance's job loop runs
    /// it. Returns the time from which it is due.
    /// </summary>
    public async Task<DateTime> DriveEmailJobAsync()
    {
        await using var db = CreateDbContext();
        var next = await db.BackgroundJobs.AsNoTracking().Where(j => j.Name == EmailJob).Select(j => (DateTime?)j.NextRunAtUtc).SingleOrDefaultAsync();
        var now = Clock.GetUtcNow().UtcDateTime;
        if (next > now)
        {
            Clock.Advance(next.Value - now);
            return next.Value;
        }

        return now;
    }

    /// <summary>Moves the clock to the email job's next run and waits until the instance has run it through.</summary>
    public async Task RunEmailJobAsync()
    {
        var due = await DriveEmailJobAsync();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < until)
        {
            await using var db = CreateDbContext();
            if (await db.BackgroundJobs.AsNoTracking().AnyAsync(j => j.Name == EmailJob && j.LastSucceededAtUtc >= due))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The job \"email-outbox\" did not run.");
    }

    /// <summary>Waits for an email <paramref name="match"/>ing, running the email job (<see cref="DriveEmailJobAsync"/>) meanwhile.</summary>
    public async Task<SmtpMessage> WaitForMailAsync(Func<SmtpMessage, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            await DriveEmailJobAsync();
            try
            {
                return await Smtp.WaitForAsync(match, TimeSpan.FromMilliseconds(300));
            }
            catch (TimeoutException) when (DateTime.UtcNow < until)
            {
                // not sent yet: the job runs again once the clock reaches its next run
            }
        }
    }

    private const string EmailJob = "email-outbox";

    protected override async Task DisposeFixtureAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeFixtureAsync();
    }

    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
