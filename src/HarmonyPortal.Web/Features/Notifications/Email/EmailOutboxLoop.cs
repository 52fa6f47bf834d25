using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>
/// Drives <see cref="EmailOutboxSender.SendDueAsync"/> on this instance: again at once while batches come back full,
/// otherwise every <see cref="SmtpOptions.PollSeconds"/>. Off when the channel is off or <see cref="SmtpOptions.RunSender"/>
/// is false. (Issue 19: to move onto the portal's one job mechanism; the sender itself needs no change.)
/// </summary>
public sealed class EmailOutboxLoop(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, ILogger<EmailOutboxLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled || !o.RunSender)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<EmailOutboxSender>().SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The email outbox could not be read or updated; trying again in {Seconds} s", o.PollSeconds);
            }

            if (claimed < o.BatchSize)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(o.PollSeconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
