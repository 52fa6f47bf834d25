namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>The email channel, bound from <c>Notifications:Smtp</c>. Off unless <see cref="Enabled"/> is set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    public bool Enabled { get; set; }

    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>Upgrades the connection with STARTTLS (System.Net.Mail's EnableSsl).</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>Leave empty for a relay that does not authenticate.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "";

    public string FromDisplayName { get; set; } = "协调劳动关系三方工作平台";

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts per message, the first included; a failed attempt waits twice as long as the one before.</summary>
    public int MaxAttempts { get; set; } = 4;

    public double RetryDelaySeconds { get; set; } = 30;

    /// <summary>Messages waiting to be sent; beyond it new messages are dropped (and logged), never awaited.</summary>
    public int QueueCapacity { get; set; } = 1000;

    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(Host) && Port is > 0 and < 65536 && EmailAddress.IsValid(FromAddress)
        && TimeoutSeconds > 0 && MaxAttempts > 0 && RetryDelaySeconds >= 0 && QueueCapacity > 0;
}
