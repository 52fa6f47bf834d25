using HarmonyPortal.Core.Audit;
using HarmonyPortal.Web.Features.Account.Identity;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Account.TwoFactor;

public sealed record TwoFactorCodeInput(string? Code, string? ReturnUrl);

/// <summary>
/// The second sign-in step of a user with two-factor sign-in: after the right password (held for five minutes in
/// Identity's two-factor cookie), a 6-digit authenticator code or a recovery code. Wrong codes spend the same
/// address and device budgets as wrong passwords and count toward the account's lockout.
/// </summary>
[AllowAnonymous]
[Route(Path)]
public sealed class TwoFactorSignInController(
    PortalSignInManager signIn,
    AuditLog audit,
    Core.Data.HarmonyDbContext db,
    TrustedDevices devices,
    SignInThrottle throttle) : Controller
{
    public const string Path = "/account/login/two-factor";

    public static readonly string BadCode =
        $"验证码或恢复码不正确，或该账号因连续输错已暂时锁定（{(int)Infrastructure.SecuritySetup.LockoutDuration.TotalMinutes} 分钟后自动解除）。";

    public const string Expired = "登录已超时，请重新输入用户名和密码。";

    [HttpGet("")]
    public async Task<IActionResult> Verify(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? StartAgain()
            : View(new TwoFactorCodeInput(null, returnUrl));

    [HttpPost("")]
    public async Task<IActionResult> Verify(TwoFactorCodeInput input)
    {
        var pending = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (pending is null)
        {
            return StartAgain();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "";
        using var place = await throttle.EnterAsync(address, HttpContext.RequestAborted);
        if (!place.IsAcquired || (throttle.IsSpent(address) && devices.Recognize(HttpContext, pending.Id) is null))
        {
            await audit.RecordAsync(AuditActions.LoginThrottled, AuditOutcome.Failure, "address", address, userName: pending.UserName);
            ModelState.AddModelError("", place.IsAcquired ? throttle.Message : SignInThrottle.BusyMessage);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(input with { Code = null });
        }

        var code = TwoFactorService.Normalize(input.Code);
        var recovery = !(code.Length == 6 && code.All(char.IsAsciiDigit));
        if (recovery && code.Length == 10)
        {
            code = code[..5] + "-" + code[5..]; // the form Identity stores; typed without its hyphen
        }

        var attempt = code.Length is 0 or > 32
            ? new SignInAttempt(Microsoft.AspNetCore.Identity.SignInResult.Failed, pending, false)
            : await signIn.SecondStepAsync(pending, code, recovery);
        var user = attempt.User!;
        if (attempt.Result.Succeeded)
        {
            devices.Issue(HttpContext, user.Id);
            await audit.RecordAsync(AuditActions.LoginSucceeded, AuditOutcome.Success, "user", user.Id, recovery ? "two-factor: recovery code" : "two-factor: authenticator",
                userName: user.UserName, regionId: user.RegionId);
            if (recovery)
            {
                var left = await signIn.UserManager.CountRecoveryCodesAsync(user);
                await audit.RecordAsync(AuditActions.LoginRecoveryCodeUsed, AuditOutcome.Success, "user", user.Id, $"recovery codes left: {left}",
                    userName: user.UserName, regionId: user.RegionId);
                TempData[Flash.Success] = $"已使用一个恢复码登录，还剩 {left} 个。如手机丢失，请在“两步验证”页停用后重新启用，或重新生成恢复码。";
            }

            return user.MustChangePassword
                ? Redirect(PasswordChangeGate.ChangePath)
                : LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : "/");
        }

        throttle.RecordFailure(address);
        if (devices.Recognize(HttpContext, user.Id) is { } device)
        {
            devices.RecordFailure(device);
        }

        db.ChangeTracker.Clear();
        await audit.RecordAsync(attempt.Result.IsLockedOut ? AuditActions.LoginLockedOut : AuditActions.LoginTwoFactorFailed, AuditOutcome.Failure,
            "user", user.Id, recovery ? "recovery code" : "authenticator code", userName: user.UserName, regionId: user.RegionId);
        ModelState.AddModelError("", BadCode);
        return View(input with { Code = null });
    }

    private RedirectResult StartAgain()
    {
        TempData[Flash.Error] = Expired;
        return Redirect("/account/login");
    }
}
