namespace HarmonyPortal.Core.Audit;

/// <summary>
/// One recorded event: who did what to which object, from where, and how it ended.
/// Rows are only ever inserted; no feature updates or deletes them.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public int? RegionId { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>A stable event name such as <c>login.failed</c> or <c>user.disable</c>.</summary>
    public string Action { get; set; } = "";

    public string? ObjectType { get; set; }

    public string? ObjectId { get; set; }

    public AuditOutcome Outcome { get; set; }

    /// <summary>Free text or JSON with personal fields already masked.</summary>
    public string? Details { get; set; }
}

public enum AuditOutcome
{
    Success = 1,
    Failure = 2,
    Denied = 3,
}
