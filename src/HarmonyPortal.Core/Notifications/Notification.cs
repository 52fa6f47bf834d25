namespace HarmonyPortal.Core.Notifications;

/// <summary>
/// One in-app message to one user: a short Chinese title, an optional body, and a link inside the
/// portal that opening the notification leads to. Unread while <see cref="ReadAtUtc"/> is null.
/// </summary>
public class Notification
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 1000;
    public const int LinkMaxLength = 500;
    public const int DedupKeyMaxLength = 200;

    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Body { get; set; }

    /// <summary>A path inside the portal ("/ledgers/…"), never an absolute or protocol-relative URL.</summary>
    public string Link { get; set; } = "/";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    /// <summary>
    /// Names the event a notification is about (e.g. <c>deadline:23:mediation:2026:1:7</c>) so that
    /// the same event reaches the same user once, however many runs or instances raise it.
    /// </summary>
    public string? DedupKey { get; set; }

    /// <summary>
    /// True for a path inside the portal: starts with one "/" and cannot be read by a browser as
    /// another host ("//host", "/\host") or contain control characters.
    /// </summary>
    public static bool IsPortalLink(string? link) =>
        link is { Length: > 0 and <= LinkMaxLength }
        && link[0] == '/'
        && (link.Length == 1 || (link[1] != '/' && link[1] != '\\'))
        && !link.Any(char.IsControl);
}
