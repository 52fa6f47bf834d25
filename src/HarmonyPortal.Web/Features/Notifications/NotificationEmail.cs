using HarmonyPortal.Web.Features.Notifications.Email;
using HarmonyPortal.Web.Infrastructure;

namespace HarmonyPortal.Web.Features.Notifications;

/// <summary>The email twin of a notification: its title as subject, its body, and where to open it.</summary>
public sealed class NotificationEmail(PortalOptions portal)
{
    public EmailMessage Compose(string to, string title, string? body, string link)
    {
        var text = new System.Text.StringBuilder();
        if (!string.IsNullOrWhiteSpace(body))
        {
            text.AppendLine(body.Trim()).AppendLine();
        }

        text.Append("查看详情：").AppendLine(AbsoluteLink(link)).AppendLine();
        text.AppendLine("此邮件由协调劳动关系三方工作平台自动发送，请勿直接回复。");
        return new EmailMessage(to, title, text.ToString());
    }

    /// <summary>The link under <c>Portal:PublicBaseUrl</c> when it is set, otherwise the path as it is.</summary>
    public string AbsoluteLink(string link) =>
        portal.PublicBaseUrl is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') + link : link;
}
