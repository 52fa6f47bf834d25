using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>
/// Hands emails from requests to <see cref="EmailDispatcher"/>. Writing never waits: when the
/// channel is off nothing is queued, and when the queue is full the message is dropped and logged.
/// </summary>
public sealed class EmailQueue
{
    private readonly Channel<EmailMessage> channel;
    private readonly ILogger<EmailQueue> logger;

    public EmailQueue(IOptions<SmtpOptions> options, ILogger<EmailQueue> logger)
    {
        this.logger = logger;
        Enabled = options.Value.Enabled;
        channel = Channel.CreateBounded<EmailMessage>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse rather than wait or evict silently
            SingleReader = true,
        });
    }

    public bool Enabled { get; }

    internal ChannelReader<EmailMessage> Reader => channel.Reader;

    public bool TryEnqueue(EmailMessage message)
    {
        if (!Enabled)
        {
            return false;
        }

        if (channel.Writer.TryWrite(message))
        {
            return true;
        }

        logger.LogWarning("Notification email to {Recipient} dropped: the email queue is full", EmailAddress.Mask(message.To));
        return false;
    }
}
