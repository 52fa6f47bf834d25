using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>
/// Sends one batch of due emails from the outbox (<see cref="SendDueAsync"/>). Safe to call from several instances at
/// once: a batch is claimed by one conditional UPDATE that only takes rows nobody holds (no lease, or an expired one)
/// and stamps them with this call's own token, and every later write is conditioned on that token. On PostgreSQL a
/// competing UPDATE waits for the row lock and then re-checks the condition, so it skips rows just claimed; on SQLite
/// writers are serialised. A sent row is marked sent; a failed attempt is counted and the next one waits
/// <see cref="SmtpOptions.RetryDelaySeconds"/> × 2^(attempts − 1); the last attempt (or a failure retrying cannot mend)
/// marks the row failed, for an admin to see and send again. Delivery is at least once: a sender that dies after the
/// server accepted a message but before marking it sent leaves it to be sent again when its lease runs out.
/// </summary>
public sealed class EmailOutboxSender(
    HarmonyDbContext db, IEmailTransport transport, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<EmailOutboxSender> logger)
{
    /// <summary>Claims up to <see cref="SmtpOptions.BatchSize"/> due emails and sends them; returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var token = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        token = token[^Math.Min(token.Length, EmailOutbox.ClaimedByMaxLength)..];
        var now = clock.GetUtcNow().UtcDateTime;
        var due = db.EmailOutbox.Where(e => e.SentAtUtc == null && e.FailedAtUtc == null && e.NextAttemptAtUtc <= now
            && (e.ClaimedUntilUtc == null || e.ClaimedUntilUtc < now));
        var candidates = await due.OrderBy(e => e.NextAttemptAtUtc).ThenBy(e => e.Id).Select(e => e.Id).Take(o.BatchSize).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var until = now + o.Lease;
        await due.Where(e => candidates.Contains(e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, token).SetProperty(e => e.ClaimedUntilUtc, until), ct);
        var batch = await db.EmailOutbox.AsNoTracking().Where(e => e.ClaimedBy == token).OrderBy(e => e.NextAttemptAtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        IEmailConnection? connection = null;
        try
        {
            foreach (var (row, index) in batch.Select((row, index) => (row, index)))
            {
                try
                {
                    connection ??= await transport.ConnectAsync(ct);
                    await connection.SendAsync(new EmailMessage(row.To, row.Subject, row.Body), ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    var failure = EmailFailure.Of(ex);
                    if (connection is null)
                    {
                        // The server cannot be reached: every claimed email fails this attempt alike.
                        foreach (var rest in batch.Skip(index))
                        {
                            await FailAsync(rest, token, failure, o, ct);
                        }

                        return batch.Count;
                    }

                    await FailAsync(row, token, failure, o, ct);
                    await connection.DisposeAsync();
                    connection = null;
                    continue;
                }

                // The server has the message: record it even when shutting down, or it would go out twice.
                var sentAt = clock.GetUtcNow().UtcDateTime;
                await db.EmailOutbox.Where(e => e.Id == row.Id && e.ClaimedBy == token).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.SentAtUtc, sentAt).SetProperty(e => e.Attempts, e => e.Attempts + 1)
                    .SetProperty(e => e.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Email {EmailId} sent to {Recipient} (attempt {Attempt})", row.Id, EmailAddress.Mask(row.To), row.Attempts + 1);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand the rest of the batch back at once instead of at the end of the lease.
            await db.EmailOutbox.Where(e => e.ClaimedBy == token && e.SentAtUtc == null && e.FailedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
            throw;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }

        return batch.Count;
    }

    private async Task FailAsync(EmailOutbox row, string token, EmailFailure failure, SmtpOptions o, CancellationToken ct)
    {
        var attempt = row.Attempts + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = failure.Reason.Length > EmailOutbox.LastErrorMaxLength ? failure.Reason[..EmailOutbox.LastErrorMaxLength] : failure.Reason;
        var recipient = EmailAddress.Mask(row.To);
        if (failure.Permanent || attempt >= o.MaxAttempts)
        {
            await db.EmailOutbox.Where(e => e.Id == row.Id && e.ClaimedBy == token).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Attempts, attempt).SetProperty(e => e.FailedAtUtc, now).SetProperty(e => e.LastError, reason)
                .SetProperty(e => e.ClaimedUntilUtc, (DateTime?)null), ct);
            logger.LogError("Email {EmailId} to {Recipient} given up after attempt {Attempt}: {Failure}", row.Id, recipient, attempt, reason);
            return;
        }

        var delay = TimeSpan.FromSeconds(o.RetryDelaySeconds * Math.Pow(2, attempt - 1));
        var next = now + delay;
        await db.EmailOutbox.Where(e => e.Id == row.Id && e.ClaimedBy == token).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Attempts, attempt).SetProperty(e => e.NextAttemptAtUtc, next).SetProperty(e => e.LastError, reason)
            .SetProperty(e => e.ClaimedUntilUtc, (DateTime?)null), ct);
        logger.LogWarning("Email {EmailId} to {Recipient} failed (attempt {Attempt} of {MaxAttempts}): {Failure}; retrying in {Delay}",
            row.Id, recipient, attempt, o.MaxAttempts, reason, delay);
    }
}
