using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Account;

[Route("account")]
public sealed class AccountController(SignInManager<AppUser> signIn, AuditLog audit, Core.Data.HarmonyDbContext db) : Controller
{
    public const string BadCredentials = "用户名或密码不正确。";

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
        // Sign in first: the manager loads the user inside its per-user lock, and must not get a copy this
        // request loaded earlier (the context would hand back that stale copy).
        var result = await signIn.PasswordSignInAsync(userName, input.Password, isPersistent: false, lockoutOnFailure: true);
        var user = await signIn.UserManager.FindByNameAsync(userName);
        if (result.Succeeded && user is not null)
        {
            await audit.RecordAsync(AuditActions.LoginSucceeded, AuditOutcome.Success, "user", user.Id, userName: user.UserName, regionId: user.RegionId);
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : "/");
        }

        string message;
        string action;
        if (result.IsLockedOut)
        {
            message = $"登录失败次数过多，账号已锁定，请 {(int)Infrastructure.SecuritySetup.LockoutDuration.TotalMinutes} 分钟后再试。";
            action = AuditActions.LoginLockedOut;
        }
        else if (result.IsNotAllowed && user is not null && await signIn.UserManager.CheckPasswordAsync(user, input.Password))
        {
            // Only someone who knows the password learns that the account is disabled.
            message = "该账号已停用，请联系本级管理员。";
            action = AuditActions.LoginFailed;
        }
        else
        {
            message = BadCredentials;
            action = AuditActions.LoginFailed;
        }

        // Under parallel guesses Identity's failed-count update can lose its race (a concurrency failure it
        // reports, not throws) and leave the user row modified in this context; saving the audit entry must
        // not retry that update.
        db.ChangeTracker.Clear();
        await audit.RecordAsync(action, AuditOutcome.Failure, "user", user?.Id, userName: userName, regionId: user?.RegionId);
        ModelState.AddModelError("", message);
        return View(new LoginInput { UserName = userName, ReturnUrl = input.ReturnUrl });
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            // A new stamp invalidates copies of the old cookie at their next revalidation.
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            audit.Add(AuditActions.Logout, AuditOutcome.Success, "user", user.Id);
        }

        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }
}
