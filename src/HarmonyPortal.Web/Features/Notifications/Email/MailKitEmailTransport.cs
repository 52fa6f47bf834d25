using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>
/// Sends over SMTP with MailKit (Microsoft's docs point new code to it instead of System.Net.Mail.SmtpClient): one
/// connection per batch, TLS as <see cref="SmtpOptions.Tls"/> says, authentication when a user name is set. The subject
/// and the sender's name are cleaned to one line (<see cref="EmailHeaderText"/>) so that no text can start a header of
/// its own; the body keeps its lines.
/// </summary>
public sealed class MailKitEmailTransport(IOptions<SmtpOptions> options) : IEmailTransport
{
    public async Task<IEmailConnection> ConnectAsync(CancellationToken ct)
    {
        var o = options.Value;
        var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(o.Host, o.Port, o.Tls, ct);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            }

            return new Connection(client, o);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client, SmtpOptions o) : IEmailConnection
    {
        public async Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            using var mime = new MimeMessage();
            mime.From.Add(new MailboxAddress(EmailHeaderText.Clean(o.FromDisplayName), o.FromAddress));
            mime.To.Add(MailboxAddress.Parse(message.To));
            mime.Subject = EmailHeaderText.Clean(message.Subject);
            mime.Body = new TextPart(TextFormat.Plain) { Text = message.Body.ReplaceLineEndings("\r\n") };
            await client.SendAsync(mime, ct);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(quit: true, quit.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or MailKit.ServiceNotConnectedException or MailKit.ProtocolException or OperationCanceledException)
            {
                // The message was sent or its failure recorded; a failed goodbye changes neither.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
