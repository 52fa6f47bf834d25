using System.Security.Claims;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace HarmonyPortal.Web.Features.Account;

/// <summary>A user replaces its own password: the current one is required, the new one passes the same rules as any other.</summary>
public sealed class PasswordChangeService(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit)
{
    public async Task<ServiceResult> ChangeAsync(ClaimsPrincipal principal, ChangePasswordInput input, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal) ?? throw new OutOfScopeException("The signed-in user no longer exists.");
        if (await users.IsLockedOutAsync(user))
        {
            return ServiceResult.Fail(nameof(input.CurrentPassword),
                $"当前密码：输错次数过多，请 {(int)Infrastructure.SecuritySetup.LockoutDuration.TotalMinutes} 分钟后再试。");
        }

        if (!await users.CheckPasswordAsync(user, input.CurrentPassword!))
        {
            // The same lockout as the sign-in page: a borrowed session cannot guess the password here without limit.
            await users.AccessFailedAsync(user);
            await audit.RecordAsync(AuditActions.UserPasswordChangeFailed, AuditOutcome.Failure, "user", user.Id, "当前密码不正确", ct: ct);
            return ServiceResult.Fail(nameof(input.CurrentPassword), "当前密码：不正确。");
        }

        if (input.NewPassword == input.CurrentPassword)
        {
            return ServiceResult.Fail(nameof(input.NewPassword), "新密码：不能与当前密码相同。");
        }

        var result = new ServiceResult(); // the fields' own rules ran before: ChangePasswordInputValidator
        foreach (var validator in users.PasswordValidators)
        {
            var verdict = await validator.ValidateAsync(users, user, input.NewPassword);
            foreach (var error in verdict.Errors)
            {
                result.Add(nameof(input.NewPassword), "新密码：" + error.Description);
            }
        }

        if (!result.Succeeded)
        {
            return result;
        }

        var forced = user.MustChangePassword;
        user.PasswordHash = users.PasswordHasher.HashPassword(user, input.NewPassword!);
        user.MustChangePassword = false;
        user.AccessFailedCount = 0;
        audit.Add(AuditActions.UserPasswordChanged, AuditOutcome.Success, "user", user.Id, forced ? "forced" : "self-service");
        // A new stamp ends the user's other sessions at their next revalidation; this one is renewed below.
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return ServiceResult.Fail("", string.Join(" ", updated.Errors.Select(e => e.Description)));
        }

        await signIn.RefreshSignInAsync(user);
        return result;
    }
}
