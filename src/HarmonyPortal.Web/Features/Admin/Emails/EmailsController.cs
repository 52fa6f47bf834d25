using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Admin.Emails;

/// <summary>邮件发送: the admin sees the emails of the subtree that wait or failed, and sends a failed one again.</summary>
[Authorize(Policy = AccessPolicies.SystemDuty)]
[Route("admin/emails")]
public sealed class EmailsController(EmailOutboxAdmin service) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await service.ListAsync(ct));

    /// <summary>The confirmation step: what will be sent again, and to whom.</summary>
    [HttpGet("{id:long}/resend")]
    public async Task<IActionResult> Resend(long id, CancellationToken ct) => View(await service.FindAsync(id, ct));

    [HttpPost("{id:long}/resend")]
    public async Task<IActionResult> Resend(long id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            ModelState.AddModelError("", "请勾选“确认重新发送”后再提交。");
            return View(await service.FindAsync(id, ct));
        }

        var result = await service.ResendAsync(id, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(await service.FindAsync(id, ct));
        }

        TempData[Flash.Success] = "已重新加入发送队列。";
        return RedirectToAction(nameof(Index));
    }
}
