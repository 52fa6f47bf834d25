using System.Globalization;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Notifications;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Notifications.Email;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Admin.Emails;

/// <summary>
/// 邮件发送: the outbox's unsent emails of the admin's subtree (waiting, retrying, failed) with their attempts and the
/// reason of the last failure, and 重新发送 for a failed one (confirmed, audited).
/// </summary>
public sealed class EmailOutboxAdmin(HarmonyDbContext db, AuditLog audit, UserScope scope, TimeProvider clock)
{
    public const int ListLimit = 200;

    public async Task<EmailOutboxListViewModel> ListAsync(CancellationToken ct)
    {
        var mine = db.EmailOutbox.AsNoTracking().InScope(scope);
        var unsent = mine.Where(e => e.SentAtUtc == null);
        var rows = await unsent.Include(e => e.Region)
            .OrderByDescending(e => e.FailedAtUtc != null).ThenByDescending(e => e.CreatedAtUtc).ThenByDescending(e => e.Id)
            .Take(ListLimit).ToListAsync(ct);
        var failed = await unsent.CountAsync(e => e.FailedAtUtc != null, ct);
        var pending = await unsent.CountAsync(e => e.FailedAtUtc == null, ct);
        var weekAgo = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        var sent = await mine.CountAsync(e => e.SentAtUtc != null && e.SentAtUtc >= weekAgo, ct);
        return new EmailOutboxListViewModel(rows, failed, pending, sent);
    }

    public async Task<EmailOutbox> FindAsync(long id, CancellationToken ct) =>
        await db.EmailOutbox.InScope(scope).Include(e => e.Region).SingleOrDefaultAsync(e => e.Id == id, ct)
        ?? throw new OutOfScopeException();

    /// <summary>Puts a failed email back to be sent at once, with a fresh count of attempts; the last failure's reason stays until the next attempt.</summary>
    public async Task<ServiceResult> ResendAsync(long id, CancellationToken ct)
    {
        var email = await FindAsync(id, ct);
        if (email.FailedAtUtc is null)
        {
            return ServiceResult.Fail("", email.SentAtUtc is null ? "这封邮件还在发送队列中，不需要重新发送。" : "这封邮件已经发送成功。");
        }

        var attempts = email.Attempts;
        email.FailedAtUtc = null;
        email.Attempts = 0;
        email.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime;
        email.ClaimedBy = null;
        email.ClaimedUntilUtc = null;
        audit.Add(AuditActions.EmailResent, AuditOutcome.Success, "email", email.Id.ToString(CultureInfo.InvariantCulture),
            $"{email.Subject}；收件人 {EmailAddress.Mask(email.To)}；此前失败 {attempts} 次：{email.LastError}", regionId: email.RegionId);
        await db.SaveChangesAsync(ct);
        return new ServiceResult();
    }

    /// <summary>The state of an unsent email as the list shows it.</summary>
    public static string StatusOf(EmailOutbox e, DateTime nowUtc) =>
        e.SentAtUtc is not null ? "已发送"
        : e.FailedAtUtc is not null ? "发送失败"
        : e.ClaimedUntilUtc is { } until && until > nowUtc ? "发送中"
        : e.Attempts > 0 ? "等待重试"
        : "待发送";
}

public sealed record EmailOutboxListViewModel(IReadOnlyList<EmailOutbox> Emails, int Failed, int Pending, int SentLastWeek);
