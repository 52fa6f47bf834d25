using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Account.Identity;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    PortalSignInManager signIn,
    AuditLog audit,
    Core.Data.HarmonyDbContext db,
    TrustedDevices devices,
    SignInThrottle throttle) : Controller
{
    /// <summary>One answer for an unknown name, a wrong password and a locked account, so none of them shows that an account exists.</summary>
    public static readonly string BadCredentials =
        $"用户名或密码不正确，或该账号因连续输错已暂时锁定（{(int)Infrastructure.SecuritySetup.LockoutDuration.TotalMinutes} 分钟后自动解除）。";

    public const int MaxUserNameLength = 64;

    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (string.IsNullOrWhiteSpace(input.UserName) || string.IsNullOrEmpty(input.Password))
        {
            ModelState.AddModelError("", "请输入用户名和密码。");
            return View(input);
        }

        var userName = input.UserName.Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "";
        using var place = await throttle.EnterAsync(address, HttpContext.RequestAborted);
        if (!place.IsAcquired || (throttle.IsSpent(address) && !await IsTrustedDeviceAsync(userName)))
        {
            await audit.RecordAsync(AuditActions.LoginThrottled, AuditOutcome.Failure, "address", Clip(address), userName: Clip(userName));
            ModelState.AddModelError("", place.IsAcquired ? throttle.Message : SignInThrottle.BusyMessage);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(new LoginInput { UserName = Clip(userName), ReturnUrl = input.ReturnUrl });
        }

        // Sign in first: the manager loads the user inside its per-user lock, and must not get a copy this
        // request loaded earlier (the context would hand back that stale copy).
        var attempt = userName.Length > MaxUserNameLength || input.Password.Length > ChangePasswordInputValidator.MaxPasswordLength
            ? new SignInAttempt(Microsoft.AspNetCore.Identity.SignInResult.Failed, null, false)
            : await signIn.AttemptAsync(userName, input.Password);
        var (result, user) = (attempt.Result, attempt.User);
        if (result.Succeeded && user is not null)
        {
            devices.Issue(HttpContext, user.Id);
            await audit.RecordAsync(AuditActions.LoginSucceeded, AuditOutcome.Success, "user", user.Id, userName: user.UserName, regionId: user.RegionId);
            return user.MustChangePassword
                ? Redirect(PasswordChangeGate.ChangePath)
                : LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor && user is not null)
        {
            return Redirect(TwoFactor.TwoFactorSignInController.Path + (Url.IsLocalUrl(input.ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(input.ReturnUrl) : ""));
        }

        var message = BadCredentials;
        var action = result.IsLockedOut ? AuditActions.LoginLockedOut : AuditActions.LoginFailed;
        if (result.IsNotAllowed && attempt.PasswordMatched)
        {
            // Only someone who knows the password learns that the account is disabled.
            message = "该账号已停用，请联系本级管理员。";
        }
        else
        {
            throttle.RecordFailure(address);
            if (user is not null && devices.Recognize(HttpContext, user.Id) is { } device)
            {
                devices.RecordFailure(device);
            }
        }

        // Under parallel guesses Identity's failed-count update can lose its race (a concurrency failure it
        // reports, not throws) and leave the user row modified in this context; saving the audit entry must
        // not retry that update.
        db.ChangeTracker.Clear();
        await audit.RecordAsync(action, AuditOutcome.Failure, "user", user?.Id, userName: Clip(userName), regionId: user?.RegionId);
        ModelState.AddModelError("", message);
        return View(new LoginInput { UserName = Clip(userName), ReturnUrl = input.ReturnUrl });
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input, [FromServices] PasswordChangeService service, CancellationToken ct)
    {
        var result = ModelState.IsValid ? await service.ChangeAsync(User, input, ct) : null;
        if (result?.Succeeded != true)
        {
            result?.CopyTo(ModelState);
            return View(new ChangePasswordInput());
        }

        TempData[Flash.Success] = "密码已修改。";
        return Redirect("/");
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout([FromServices] SingleSignOn.SsoSignOut sso)
    {
        var providerSignOut = await sso.EndSessionUrlAsync(HttpContext); // before the session holding its token goes
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            // A new stamp invalidates copies of the old cookie at their next revalidation; saving it saves the entry too.
            audit.Add(AuditActions.Logout, AuditOutcome.Success, "user", user.Id);
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return providerSignOut is null
            ? RedirectToAction(nameof(Login))
            : View("/Features/Account/SingleSignOn/Continue.cshtml", new SingleSignOn.SsoContinue(providerSignOut, "已退出本平台，正在退出统一身份认证…", "继续"));
    }

    /// <summary>A browser where this user signed in before is not held back by what others did from its address.</summary>
    private async Task<bool> IsTrustedDeviceAsync(string userName)
    {
        var normalized = signIn.UserManager.NormalizeName(userName);
        var userId = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).FirstOrDefaultAsync();
        return userId is not null && devices.Recognize(HttpContext, userId) is not null;
    }

    private static string Clip(string userName) => userName.Length > MaxUserNameLength ? userName[..MaxUserNameLength] : userName;
}
