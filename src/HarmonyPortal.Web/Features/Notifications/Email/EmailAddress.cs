using System.Net.Mail;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>Checks and masks email addresses; logs only ever carry the masked form.</summary>
public static class EmailAddress
{
    public static bool IsValid(string? address) =>
        !string.IsNullOrWhiteSpace(address) && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address.Trim();

    /// <summary>"zhangsan@example.cn" → "z***@example.cn"; anything unparsable → "***".</summary>
    public static string Mask(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at <= 0 ? "***" : address![0] + "***" + address[at..];
    }
}
