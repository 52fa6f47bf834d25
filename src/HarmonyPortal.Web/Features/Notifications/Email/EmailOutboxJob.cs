using HarmonyPortal.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>
/// The email outbox's sender as a recurring job of the job table (ADR 0018, 0019): one row "email-outbox", run every
/// <see cref="SmtpOptions.PollSeconds"/> (held to at least <see cref="JobOptions.Poll"/>, how often an instance looks
/// for due jobs) by one instance at a time. A run sends batch after batch while they come back full. Registered only
/// when the channel is enabled and <see cref="SmtpOptions.RunSender"/> is true; the outbox's own claims keep it safe
/// should several instances send at once.
/// </summary>
public sealed class EmailOutboxJob(EmailOutboxSender sender, IOptions<SmtpOptions> options, JobOptions jobs) : IPortalJob
{
    public const string JobName = "email-outbox";

    public string Name => JobName;

    public string Title => "邮件发送";

    public TimeSpan Interval => IntervalOf(options.Value, jobs);

    public static TimeSpan IntervalOf(SmtpOptions smtp, JobOptions jobs) =>
        TimeSpan.FromSeconds(Math.Max(smtp.PollSeconds, jobs.Poll.TotalSeconds));

    public async Task RunAsync(CancellationToken ct)
    {
        var batch = options.Value.BatchSize;
        while (await sender.SendDueAsync(ct) >= batch)
        {
            ct.ThrowIfCancellationRequested();
        }
    }
}
