using System.Net;
using System.Net.Sockets;
using HarmonyPortal.Core.Data;
using Microsoft.AspNetCore.Hosting;

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
        builder.UseSetting("Notifications:Smtp:FromAddress", "noreply@harmony.example.cn");
        builder.UseSetting("Notifications:Smtp:TimeoutSeconds", "5");
        builder.UseSetting("Notifications:Smtp:MaxAttempts", "2");
        builder.UseSetting("Notifications:Smtp:RetryDelaySeconds", "0.2");
        if (mode != MailMode.Disabled)
        {
            builder.UseSetting("Notifications:Smtp:Enabled", "true");
        }
    }

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
