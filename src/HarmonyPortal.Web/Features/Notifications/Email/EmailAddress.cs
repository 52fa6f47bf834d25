using MimeKit;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>Checks and masks email addresses; logs only ever carry the masked form.</summary>
public static class EmailAddress
{
    /// <summary>A bare address (no display name, no angle brackets) with a local part and a domain, as MimeKit parses it.</summary>
    public static bool IsValid(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || !MailboxAddress.TryParse(address, out var parsed))
        {
            return false;
        }

        var at = parsed.Address.LastIndexOf('@');
        return string.IsNullOrEmpty(parsed.Name) && parsed.Route.Count == 0 && parsed.Address == address.Trim()
            && at > 0 && at < parsed.Address.Length - 1;
    }

    /// <summary>"zhangsan@example.cn" → "z***@example.cn"; anything unparsable → "***".</summary>
    public static string Mask(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at <= 0 ? "***" : address![0] + "***" + address[at..];
    }
}
