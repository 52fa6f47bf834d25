using System.Security.Claims;
using HarmonyPortal.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Notifications;

/// <summary>The "通知" nav link with the number of unread notifications (one indexed count per page).</summary>
public sealed class NotificationBadgeViewComponent(HarmonyDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var unread = userId is null ? 0 : await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, HttpContext.RequestAborted);
        return View("/Features/Notifications/_NavLink.cshtml", unread);
    }
}
