namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>Where the outbox's emails leave the portal: one connection per batch, one message after another.</summary>
public interface IEmailTransport
{
    Task<IEmailConnection> ConnectAsync(CancellationToken ct);
}

/// <summary>An open connection to the mail server; disposing it says goodbye.</summary>
public interface IEmailConnection : IAsyncDisposable
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
