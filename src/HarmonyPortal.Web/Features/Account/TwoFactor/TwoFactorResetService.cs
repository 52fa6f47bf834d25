using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Account.TwoFactor;

public sealed record TwoFactorResetViewModel(string Id, string UserName, string DisplayName, bool Enabled, string? Reason);

/// <summary>
/// An admin turns off another user's two-factor sign-in (a lost phone and lost recovery codes), with the scope of a
/// password reset: users of the admin's subtree, never the admin itself nor an admin of its own level or above.
/// </summary>
public sealed class TwoFactorResetService(HarmonyDbContext db, UserManager<AppUser> users, AuditLog audit, UserScope scope)
{
    /// <summary>The user in scope (404 otherwise) and the refusal, audited, when the actor may not reset it.</summary>
    public async Task<(AppUser User, ServiceResult? Refusal)> FindAsync(string id, CancellationToken ct)
    {
        var user = await db.Users.InScope(scope).Include(u => u.Region).SingleOrDefaultAsync(u => u.Id == id, ct)
            ?? throw new OutOfScopeException();
        if (user.Id == scope.UserId)
        {
            return (user, ServiceResult.Fail("", "不能重置自己的两步验证，请在“两步验证”页停用后重新启用。"));
        }

        if (!AccountAuthority.MayManage(scope, user.Role, user.Region.Level))
        {
            db.ChangeTracker.Clear();
            await audit.RecordAsync(AuditActions.UserAdminActionRefused, AuditOutcome.Failure, "user", user.Id, $"two-factor-reset {user.UserName}", ct: ct);
            return (user, ServiceResult.Fail("", AccountAuthority.PeerAdminRefusal));
        }

        return (user, null);
    }

    /// <summary>Resets the user's two-factor; the reason was checked by <see cref="TwoFactorResetReasonInputValidator"/>.</summary>
    public async Task<ServiceResult> ResetAsync(AppUser user, StepReason reason, bool confirmed, CancellationToken ct)
    {
        var result = new ServiceResult();
        if (reason.Refusal is not null)
        {
            result.Add("reason", reason.Refusal);
        }

        if (!confirmed)
        {
            result.Add("confirmed", TwoFactorController.MustConfirm);
        }

        if (!result.Succeeded)
        {
            return result;
        }

        var wasEnabled = user.TwoFactorEnabled;
        await TwoFactorService.ClearAsync(users, user);
        await audit.RecordAsync(AuditActions.UserTwoFactorReset, AuditOutcome.Success, "user", user.Id,
            $"{user.UserName} {(wasEnabled ? "enabled" : "not enabled")} before; reason: {reason.Why}", ct: ct);
        return ServiceResult.Ok;
    }
}
