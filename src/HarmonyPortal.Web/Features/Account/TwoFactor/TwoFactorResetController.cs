using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Account.TwoFactor;

/// <summary>An admin resets another user's two-factor sign-in: a confirmation page with a reason, then the reset.</summary>
[Authorize(Policy = AccessPolicies.SecurityDuty)]
[Route("admin/users/{id}/two-factor-reset")]
public sealed class TwoFactorResetController(TwoFactorResetService service) : Controller
{
    private const string UserList = "/admin/users";

    [HttpGet("")]
    public async Task<IActionResult> Confirm(string id, CancellationToken ct)
    {
        var (user, refusal) = await service.FindAsync(id, ct);
        return refusal is not null
            ? Refused(refusal)
            : View(new TwoFactorResetViewModel(user.Id, user.UserName!, user.DisplayName, user.TwoFactorEnabled, null));
    }

    [HttpPost("")]
    public async Task<IActionResult> Reset(string id, TwoFactorResetReasonInput input, bool confirmed, CancellationToken ct)
    {
        var (user, refusal) = await service.FindAsync(id, ct);
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        var model = new TwoFactorResetViewModel(user.Id, user.UserName!, user.DisplayName, user.TwoFactorEnabled, input.Reason);
        var result = await service.ResetAsync(user, input.Checked(ModelState), confirmed, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View("Confirm", model);
        }

        TempData[Flash.Success] = $"已重置 {user.UserName} 的两步验证，其已登录的会话随即失效；本人下次登录只需密码{(user.Role == Core.Users.UserRole.Admin ? "，如本平台要求管理员使用两步验证，登录后须重新启用" : "")}。";
        return Redirect(UserList);
    }

    private RedirectResult Refused(ServiceResult refusal)
    {
        TempData[Flash.Error] = string.Join(" ", refusal.Errors.Select(e => e.Message));
        return Redirect(UserList);
    }
}
