using System.Security.Claims;
using HarmonyPortal.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Notifications;

/// <summary>The "通知" nav link with the number of unread notifications (one indexed count per page).</summary>
public sealed class NotificationBadgeViewComponent(HarmonyDbContext db) : ViewComponent
{
    /// <summary>Compiled once: every page of the portal asks it (issue 21).</summary>
    private static readonly Func<HarmonyDbContext, string, CancellationToken, Task<int>> Unread =
        EF.CompileAsyncQuery((HarmonyDbContext db, string userId, CancellationToken ct) =>
            db.Notifications.Count(n => n.UserId == userId && n.ReadAtUtc == null));

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var unread = userId is null ? 0 : await Unread(db, userId, HttpContext.RequestAborted);
        return View("/Features/Notifications/_NavLink.cshtml", unread);
    }
}
