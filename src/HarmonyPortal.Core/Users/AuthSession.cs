namespace HarmonyPortal.Core.Users;

/// <summary>
/// A signed-in session kept on the server: the browser's cookie carries only <see cref="Id"/>. Signing out
/// deletes the row, so a copied cookie stops working at once; a session also ends 12 hours after sign-in
/// whatever its activity, and after 30 idle minutes.
/// </summary>
public class AuthSession
{
    /// <summary>A random key (256 bits, base64url): the only thing the cookie holds.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The authentication ticket, serialized and protected with the Data Protection keys.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Sliding: pushed forward as the user works.</summary>
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Fixed at sign-in: <see cref="CreatedAtUtc"/> plus the absolute lifetime.</summary>
    public DateTime AbsoluteExpiresAtUtc { get; set; }
}
