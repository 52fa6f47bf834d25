using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Notifications;
using HarmonyPortal.Web.Features.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Notifications;

/// <summary>
/// Raises notifications: one in-app row per enabled user the target reaches, and the same message
/// by email (when the channel is on) to those with an email address. The email is a row of the
/// outbox written with the notification, sent later by <see cref="EmailOutboxSender"/>: never on the
/// caller's time, and its failures never reach the caller.
/// </summary>
/// <remarks>
/// Two ways in. <see cref="AddAsync"/> only adds rows to the caller's unit of work, so a workflow
/// transition, its notifications and their emails are saved by the same <c>SaveChangesAsync</c>.
/// <see cref="NotifyAsync"/> inserts at once and is the one to use with a dedup key raised by jobs
/// (reminders): a key the user already has is skipped by the database itself, so two runs or two
/// portal instances racing create one row (and one email) and neither fails.
/// </remarks>
public sealed class NotificationService(
    HarmonyDbContext db, EmailOutboxWriter email, NotificationEmail composer, TimeProvider clock, ILogger<NotificationService> logger)
{

    /// <summary>
    /// Adds the notifications and their emails to the DbContext without saving; the caller's next
    /// successful save commits both (a rolled-back save writes neither). A dedup key the user already has (saved or added) is
    /// skipped; two writers racing with the same key would make the second save fail, so jobs use
    /// <see cref="NotifyAsync"/>. Returns the number of rows added.
    /// </summary>
    public async Task<int> AddAsync(NotificationTarget target, string title, string? body, string link, string? dedupKey, CancellationToken ct)
    {
        Check(title, body, link, dedupKey);
        var recipients = await RecipientsAsync(target, ct);
        if (dedupKey is not null && recipients.Count > 0)
        {
            var ids = recipients.Select(r => r.Id).ToList();
            var taken = (await db.Notifications.Where(n => n.DedupKey == dedupKey && ids.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(ct))
                .Concat(db.ChangeTracker.Entries<Notification>()
                    .Where(e => e.State == EntityState.Added && e.Entity.DedupKey == dedupKey)
                    .Select(e => e.Entity.UserId))
                .ToHashSet(StringComparer.Ordinal);
            recipients = recipients.Where(r => !taken.Contains(r.Id)).ToList();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var recipient in recipients)
        {
            var row = new Notification
            {
                UserId = recipient.Id, Title = title, Body = body, Link = link, CreatedAtUtc = now, DedupKey = dedupKey,
            };
            db.Notifications.Add(row);
            if (recipient.Address is not null)
            {
                email.Add(composer.Compose(recipient.Address, title, body, link), recipient.RegionId, row);
            }
        }

        return recipients.Count;
    }

    /// <summary>
    /// Inserts the notifications and their emails now, without saving anything else the caller has
    /// pending. Rows whose (user, dedup key) already exists are skipped with their emails, even under a
    /// race. Inside the caller's open transaction both commit or roll back with it. Returns the number
    /// of rows created.
    /// </summary>
    public async Task<int> NotifyAsync(NotificationTarget target, string title, string? body, string link, string? dedupKey, CancellationToken ct)
    {
        Check(title, body, link, dedupKey);
        var recipients = await RecipientsAsync(target, ct);
        if (recipients.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<Recipient>();
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (ownTransaction)
        {
            foreach (var recipient in recipients)
            {
                if (await InsertUnlessDuplicateAsync(recipient.Id, title, body, link, now, dedupKey, ct) is { } id)
                {
                    created.Add(recipient);
                    if (recipient.Address is not null)
                    {
                        await email.InsertAsync(composer.Compose(recipient.Address, title, body, link), recipient.RegionId, id, ct);
                    }
                }
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
        }

        if (created.Count < recipients.Count && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Notification {DedupKey}: {Skipped} of {Count} recipients already had it", dedupKey, recipients.Count - created.Count, recipients.Count);
        }

        return created.Count;
    }

    private sealed record Recipient(string Id, int RegionId, string? Address);

    private async Task<List<Recipient>> RecipientsAsync(NotificationTarget target, CancellationToken ct)
    {
        var users = db.Users.Where(u => !u.IsDisabled);
        if (target.RegionId is { } regionId)
        {
            var roles = target.Roles.ToList();
            users = users.Where(u => u.RegionId == regionId && roles.Contains(u.Role));
        }
        else
        {
            var ids = target.UserIds.ToList();
            users = users.Where(u => ids.Contains(u.Id));
        }

        var found = await users.OrderBy(u => u.Id).Select(u => new { u.Id, u.RegionId, u.Email }).ToListAsync(ct);
        return found.Select(u => new Recipient(u.Id, u.RegionId, EmailAddress.IsValid(u.Email) ? u.Email!.Trim() : null)).ToList();
    }

    /// <summary>One row and its id, or none when the user already has the dedup key (<see cref="NotificationInsert"/>, per provider).</summary>
    private async Task<long?> InsertUnlessDuplicateAsync(string userId, string title, string? body, string link, DateTime now, string? dedupKey, CancellationToken ct)
    {
        var ids = await db.Database.SqlQuery<long>(
            NotificationInsert.UnlessDuplicate(HarmonyDatabase.ProviderOf(db.Database), userId, title, body, link, now, dedupKey)).ToListAsync(ct);
        return ids.Count == 1 ? ids[0] : null;
    }

    private static void Check(string title, string? body, string link, string? dedupKey)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > Notification.TitleMaxLength)
        {
            throw new ArgumentException($"A title of 1 to {Notification.TitleMaxLength} characters is required.", nameof(title));
        }

        if (body?.Length > Notification.BodyMaxLength)
        {
            throw new ArgumentException($"The body is longer than {Notification.BodyMaxLength} characters.", nameof(body));
        }

        if (!Notification.IsPortalLink(link))
        {
            throw new ArgumentException("The link must be a path inside the portal, starting with a single '/'.", nameof(link));
        }

        if (dedupKey is not null && (dedupKey.Length == 0 || dedupKey.Length > Notification.DedupKeyMaxLength))
        {
            throw new ArgumentException($"A dedup key has 1 to {Notification.DedupKeyMaxLength} characters.", nameof(dedupKey));
        }
    }
}
