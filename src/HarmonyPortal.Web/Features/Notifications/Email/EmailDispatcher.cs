using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>
/// Sends queued emails one after another, off the request path. A failed message is put back after
/// a growing delay, up to <see cref="SmtpOptions.MaxAttempts"/>; later messages do not wait for it.
/// Logs carry the masked address and the kind of failure, never the server's reply (it may quote the address).
/// </summary>
public sealed class EmailDispatcher(EmailQueue queue, SmtpEmailSender sender, IOptions<SmtpOptions> options, ILogger<EmailDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!queue.Enabled)
        {
            return;
        }

        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendOnceAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; unsent messages are lost with the process, the in-app notifications remain.
        }
    }

    private async Task SendOnceAsync(EmailMessage message, CancellationToken stoppingToken)
    {
        var recipient = EmailAddress.Mask(message.To);
        try
        {
            await sender.SendAsync(message, stoppingToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Notification email sent to {Recipient} (attempt {Attempt})", recipient, message.Attempt);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            var failure = ex is SmtpException smtp ? $"{ex.GetType().Name} {smtp.StatusCode}" : ex.GetType().Name;
            var o = options.Value;
            if (ex is FormatException or ArgumentException || message.Attempt >= o.MaxAttempts)
            {
                logger.LogError("Notification email to {Recipient} given up after attempt {Attempt}: {Failure}", recipient, message.Attempt, failure);
                return;
            }

            var delay = TimeSpan.FromSeconds(o.RetryDelaySeconds * Math.Pow(2, message.Attempt - 1));
            logger.LogWarning("Notification email to {Recipient} failed (attempt {Attempt} of {MaxAttempts}): {Failure}; retrying in {Delay}",
                recipient, message.Attempt, o.MaxAttempts, failure, delay);
            _ = RetryLaterAsync(message with { Attempt = message.Attempt + 1 }, delay, stoppingToken);
        }
    }

    private async Task RetryLaterAsync(EmailMessage message, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            queue.TryEnqueue(message);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
