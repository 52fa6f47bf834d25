using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Account.TwoFactor;

/// <summary>The signed-in user's own two-factor sign-in (两步验证), from the user menu.</summary>
[Route("account/two-factor")]
public sealed class TwoFactorController(TwoFactorService service) : Controller
{
    public const string MustConfirm = "请勾选确认框后再提交。";

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await service.StatusAsync(await service.CurrentAsync(User)));

    [HttpGet("enable")]
    public async Task<IActionResult> Enable()
    {
        var user = await service.CurrentAsync(User);
        return user.TwoFactorEnabled ? RedirectToAction(nameof(Index)) : View(await service.EnrolmentAsync(user));
    }

    [HttpPost("enable")]
    public async Task<IActionResult> Enable(string? code)
    {
        var user = await service.CurrentAsync(User);
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (await service.EnableAsync(user, code) is not { } codes)
        {
            ModelState.AddModelError("code", TwoFactorService.WrongCode);
            return View(await service.EnrolmentAsync(user));
        }

        ViewData["Heading"] = "两步验证已启用";
        return View("RecoveryCodes", codes);
    }

    [HttpGet("disable")]
    public async Task<IActionResult> Disable() => await EnabledOrIndexAsync("ConfirmDisable");

    [HttpPost("disable")]
    public async Task<IActionResult> Disable(bool confirmed)
    {
        var user = await service.CurrentAsync(User);
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (!confirmed)
        {
            ModelState.AddModelError("confirmed", MustConfirm);
            return View("ConfirmDisable", await service.StatusAsync(user));
        }

        await service.DisableAsync(user);
        TempData[Flash.Success] = "两步验证已停用。";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes() => await EnabledOrIndexAsync("ConfirmRenew");

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes(bool confirmed)
    {
        var user = await service.CurrentAsync(User);
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (!confirmed)
        {
            ModelState.AddModelError("confirmed", MustConfirm);
            return View("ConfirmRenew", await service.StatusAsync(user));
        }

        ViewData["Heading"] = "新的恢复码";
        return View("RecoveryCodes", await service.RenewRecoveryCodesAsync(user));
    }

    private async Task<IActionResult> EnabledOrIndexAsync(string view)
    {
        var status = await service.StatusAsync(await service.CurrentAsync(User));
        return status.Enabled ? View(view, status) : RedirectToAction(nameof(Index));
    }
}
