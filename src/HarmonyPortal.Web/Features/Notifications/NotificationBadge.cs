using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Notifications;

/// <summary>
/// The number on the layout's "通知" link: the user's unread notifications, one indexed count per page, read
/// afresh on every page so that a notification created or read shows at once. The layout writes the link itself
/// (issue 21: a view component and its view per page cost more than the count).
/// </summary>
public sealed class NotificationBadge(HarmonyDbContext db)
{
    /// <summary>More than this shows as "99+".</summary>
    public const int Shown = 99;

    // Compiled: the layout asks it on every page (issue 21).
    private static readonly CompiledPerModel<Func<HarmonyDbContext, string, CancellationToken, Task<int>>> Unread = new(
        () => EF.CompileAsyncQuery((HarmonyDbContext db, string userId, CancellationToken ct) =>
            db.Notifications.Count(n => n.UserId == userId && n.ReadAtUtc == null)));

    public Task<int> UnreadAsync(string userId, CancellationToken ct) => Unread.For(db)(db, userId, ct);

    /// <summary>The badge's text, or null for no badge.</summary>
    public static string? Text(int unread) => unread <= 0 ? null : unread > Shown ? "99+" : unread.ToString();
}
