using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Notifications;

/// <summary>
/// One email waiting to be sent, being sent, sent or given up: the durable outbox. A notification's email is added
/// by the same save (the same transaction) as the notification, so both are committed or neither is. A sender claims
/// a row by a conditional UPDATE that sets <see cref="ClaimedBy"/> and a lease (<see cref="ClaimedUntilUtc"/>), so
/// two portal instances never send the same row at once; a failure counts an attempt and moves
/// <see cref="NextAttemptAtUtc"/> out (exponential back-off) until the last attempt marks it failed.
/// </summary>
public class EmailOutbox : IRegionOwned
{
    public const int ToMaxLength = 320;
    public const int SubjectMaxLength = 300;
    public const int ClaimedByMaxLength = 100;
    public const int LastErrorMaxLength = 500;

    public long Id { get; set; }

    /// <summary>The recipient's address: the only personal data the row holds.</summary>
    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>The recipient's region (the user's, or the member unit's): whose admins see the row.</summary>
    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    /// <summary>The notification this is the email twin of; null for emails to member-unit contacts.</summary>
    public long? NotificationId { get; set; }

    public Notification? Notification { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Attempts made so far (0 until the first one).</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>The sender call that holds the row; only meaningful while <see cref="ClaimedUntilUtc"/> is in the future.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>Set when the last attempt failed (or the failure cannot pass by retrying); an admin may send it again.</summary>
    public DateTime? FailedAtUtc { get; set; }

    /// <summary>Why the last attempt failed, in Chinese, with the kind of error and the SMTP code; never the server's reply text.</summary>
    public string? LastError { get; set; }
}
