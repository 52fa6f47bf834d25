using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Notifications;

[Route("notifications")]
public sealed class NotificationsController(NotificationInbox inbox) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(long? before, CancellationToken ct) => View(await inbox.ListAsync(before, ct));

    /// <summary>Opening a notification marks it read and follows its link (a path inside the portal).</summary>
    [HttpPost("{id:long}/read")]
    public async Task<IActionResult> Open(long id, CancellationToken ct) => LocalRedirect(await inbox.OpenAsync(id, ct));

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll(CancellationToken ct)
    {
        var count = await inbox.MarkAllReadAsync(ct);
        TempData[Flash.Success] = count == 0 ? "没有未读通知。" : $"已将 {count} 条通知标为已读。";
        return RedirectToAction(nameof(Index));
    }
}
