using System.Net.Sockets;
using MailKit.Net.Smtp;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>
/// Why an attempt failed, as an admin reads it (Chinese, with the kind of error and the SMTP code), and whether
/// retrying can help. Never the server's reply text: it may quote the address or the message.
/// </summary>
public sealed record EmailFailure(string Reason, bool Permanent)
{
    public static EmailFailure Of(Exception ex) => ex switch
    {
        SmtpCommandException smtp => new($"邮件服务器拒绝（SMTP {(int)smtp.StatusCode}，{smtp.ErrorCode}）", (int)smtp.StatusCode >= 500),
        SocketException socket => new($"无法连接邮件服务器（{socket.SocketErrorCode}）", false),
        MailKit.Security.AuthenticationException => new("邮件服务器登录失败，请检查用户名和密码（AuthenticationException）", false),
        MailKit.Security.SslHandshakeException => new("与邮件服务器的 TLS 握手失败（SslHandshakeException）", false),
        OperationCanceledException or TimeoutException => new($"邮件服务器无响应（超时，{ex.GetType().Name}）", false),
        MimeKit.ParseException or FormatException or ArgumentException => new($"收件地址或邮件内容无效（{ex.GetType().Name}）", true),
        SmtpProtocolException or IOException => new($"与邮件服务器的连接中断（{ex.GetType().Name}）", false),
        _ => new($"发送失败（{ex.GetType().Name}）", false),
    };
}
