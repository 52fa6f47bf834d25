using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>
/// Puts emails in the outbox as part of the caller's unit of work: <see cref="Add"/> only adds a row to the DbContext,
/// so the caller's save (and its transaction) commits the email with whatever it is about, or neither.
/// <see cref="InsertAsync"/> writes at once with SQL, inside the caller's open transaction, for callers that insert
/// their notifications the same way. With the channel off (<see cref="SmtpOptions.Enabled"/>) nothing is written.
/// </summary>
public sealed class EmailOutboxWriter(HarmonyDbContext db, IOptions<SmtpOptions> options, TimeProvider clock)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>Adds the email to the caller's next save; <paramref name="notification"/>'s id is filled in by that save.</summary>
    public void Add(EmailMessage message, int regionId, Notification? notification = null)
    {
        if (!Enabled)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.EmailOutbox.Add(new EmailOutbox
        {
            To = message.To, Subject = Fit(message.Subject), Body = message.Body, RegionId = regionId, Notification = notification,
            CreatedAtUtc = now, NextAttemptAtUtc = now,
        });
    }

    /// <summary>Inserts the email now, leaving anything else the caller has pending unsaved.</summary>
    public async Task InsertAsync(EmailMessage message, int regionId, long? notificationId, CancellationToken ct)
    {
        if (!Enabled)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subject = Fit(message.Subject);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "EmailOutbox" ("To", "Subject", "Body", "RegionId", "NotificationId", "CreatedAtUtc", "Attempts", "NextAttemptAtUtc")
            VALUES ({message.To}, {subject}, {message.Body}, {regionId}, {notificationId}, {now}, {0}, {now})
            """,
            ct);
    }

    private static string Fit(string subject) =>
        subject.Length <= EmailOutbox.SubjectMaxLength ? subject : subject[..(EmailOutbox.SubjectMaxLength - 1)] + "…";
}
