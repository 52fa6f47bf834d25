using MailKit.Security;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>The email channel, bound from <c>Notifications:Smtp</c>. Off unless <see cref="Enabled"/> is set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    /// <summary>When off (the default) no email is written to the outbox and nothing is sent; in-app notifications are made all the same.</summary>
    public bool Enabled { get; set; }

    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>
    /// MailKit's choice of TLS: <c>StartTls</c> (the default, port 587), <c>SslOnConnect</c> (port 465),
    /// <c>StartTlsWhenAvailable</c>, <c>Auto</c> or <c>None</c> (a relay on the same network only).
    /// </summary>
    public SecureSocketOptions Tls { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Leave empty for a relay that does not authenticate.</summary>
    public string? UserName { get; set; }

    /// <summary>Keep it out of appsettings: <c>Notifications__Smtp__Password</c> in the environment, or user secrets.</summary>
    public string? Password { get; set; }

    public string FromAddress { get; set; } = "";

    public string FromDisplayName { get; set; } = "协调劳动关系三方工作平台";

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts per message, the first included; a failed attempt waits twice as long as the one before.</summary>
    public int MaxAttempts { get; set; } = 4;

    public double RetryDelaySeconds { get; set; } = 30;

    /// <summary>Emails one sender call claims and sends at most (one SMTP connection for the batch).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// The interval of the job "email-outbox" (<see cref="EmailOutboxJob"/>): how often due emails are sent. Held to at
    /// least <c>Jobs:PollSeconds</c>, how often an instance looks for due jobs.
    /// </summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>
    /// Whether this instance runs the sender (registers the job "email-outbox"). Every instance writes to the outbox;
    /// the job runs on one instance at a time. Turn off on instances that should only serve pages.
    /// </summary>
    public bool RunSender { get; set; } = true;

    /// <summary>How long a claimed batch is held before another instance may take it over (its sender presumed dead).</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(TimeoutSeconds * (BatchSize + 2));

    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(Host) && Port is > 0 and < 65536 && EmailAddress.IsValid(FromAddress)
        && TimeoutSeconds > 0 && MaxAttempts > 0 && RetryDelaySeconds >= 0 && BatchSize > 0 && PollSeconds > 0;
}
