using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Notifications;

/// <summary>The signed-in user's own notifications: list, open, mark all read. Nobody sees another's.</summary>
public sealed class NotificationInbox(HarmonyDbContext db, UserScope scope, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Newest first, <see cref="PageSize"/> at a time, paged by id below <paramref name="before"/>.</summary>
    public async Task<NotificationListViewModel> ListAsync(long? before, CancellationToken ct)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == scope.UserId);
        var page = mine;
        if (before is { } id)
        {
            page = page.Where(n => n.Id < id);
        }

        var rows = await page.OrderByDescending(n => n.Id).Take(PageSize + 1)
            .Select(n => new NotificationRow(n.Id, n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc == null))
            .ToListAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, ct);
        var next = rows.Count > PageSize ? rows[PageSize - 1].Id : (long?)null;
        return new NotificationListViewModel(rows.Take(PageSize).ToList(), unread, before is not null, next);
    }

    /// <summary>Marks the notification read (once) and returns its link; another user's id is out of scope.</summary>
    public async Task<string> OpenAsync(long id, CancellationToken ct)
    {
        var link = await db.Notifications.Where(n => n.Id == id && n.UserId == scope.UserId).Select(n => n.Link).SingleOrDefaultAsync(ct)
            ?? throw new OutOfScopeException();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.Id == id && n.UserId == scope.UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        return link;
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.UserId == scope.UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }
}

public sealed record NotificationRow(long Id, string Title, string? Body, string Link, DateTime CreatedAtUtc, bool IsUnread);

public sealed record NotificationListViewModel(IReadOnlyList<NotificationRow> Items, int UnreadCount, bool IsLaterPage, long? NextBefore);
