using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>
/// Sends one message over SMTP with System.Net.Mail; a new connection per message. The subject and the sender's name
/// are cleaned to one line (<see cref="EmailHeaderText"/>): System.Net.Mail refuses a subject with a line break, which
/// would fail the message on every attempt. The body keeps its lines (it travels base64-encoded).
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options)
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds)); // SmtpClient.Timeout covers synchronous sends only

        using var client = new SmtpClient(o.Host, o.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = o.UseStartTls,
            UseDefaultCredentials = false,
            Timeout = o.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(o.UserName))
        {
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        }

        using var mail = new MailMessage
        {
            From = new MailAddress(o.FromAddress, EmailHeaderText.Clean(o.FromDisplayName), Encoding.UTF8),
            Subject = EmailHeaderText.Clean(message.Subject),
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = message.Body.ReplaceLineEndings("\r\n"),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        mail.To.Add(new MailAddress(message.To));
        await client.SendMailAsync(mail, timeout.Token);
    }
}
