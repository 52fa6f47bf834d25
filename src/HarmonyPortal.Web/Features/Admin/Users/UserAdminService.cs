using System.Security.Cryptography;
using FluentValidation;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Admin.Users;

/// <summary>User administration inside the acting admin's region subtree.</summary>
public sealed class UserAdminService(HarmonyDbContext db, UserManager<AppUser> users, AuditLog audit, UserScope scope, TimeProvider clock,
    Infrastructure.AdministratorSeparation separation)
{
    public const int PageSize = 50;

    public async Task<UserListViewModel> ListAsync(UserFilter filter, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking().InScope(scope);
        if (filter.RegionId is { } regionId)
        {
            await EnsureRegionInScopeAsync(regionId, ct);
            query = query.Where(u => u.RegionId == regionId);
        }

        if (filter.Role is { } role)
        {
            query = query.Where(u => u.Role == role);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var normalized = q.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(normalized) || u.DisplayName.Contains(q));
        }

        filter.Page = Math.Max(1, filter.Page);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(u => u.Region.Path).ThenBy(u => u.UserName)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Region.Name, u.Unit != null ? u.Unit.ShortName : null, u.Role, u.IsDisabled, u.LockoutEnd, u.Region.Level))
            .ToListAsync(ct);
        rows = rows.Select(r => r with { Manageable = AccountAuthority.MayManage(scope, r.Role, r.RegionLevel), IsSelf = r.Id == scope.UserId }).ToList();
        return new UserListViewModel(filter, rows, total, PageSize, await RegionOptionsAsync(ct));
    }

    /// <summary>The list page with its filter refused: no rows rather than every row.</summary>
    public async Task<UserListViewModel> EmptyListAsync(UserFilter filter, CancellationToken ct)
    {
        filter.Page = 1;
        return new UserListViewModel(filter, [], 0, PageSize, await RegionOptionsAsync(ct));
    }

    public async Task<IReadOnlyList<RegionOption>> RegionOptionsAsync(CancellationToken ct) =>
        RegionOption.Flatten(await db.LoadSubtreeAsync(scope, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct));

    /// <summary>The user form: regions of the subtree, and their active units (plus the edited user's own unit, if retired).</summary>
    public async Task<UserFormViewModel<TInput>> FormAsync<TInput>(TInput input, AppUser? user, CancellationToken ct)
        where TInput : UserProfileInput
    {
        var current = user?.UnitId;
        var units = await db.MemberUnits.AsNoTracking().InScope(scope)
            .Where(u => u.IsActive || u.Id == current)
            .OrderBy(u => u.Region.Path).ThenBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new UnitOption(u.Id, u.RegionId, u.Region.Name, u.ShortName, u.IsActive))
            .ToListAsync(ct);
        return new UserFormViewModel<TInput>(input, await RegionOptionsAsync(ct), units, user?.Id, user?.UserName, user?.Role);
    }

    /// <summary>
    /// The unit a user of <paramref name="regionId"/> gets: the one chosen if it is an active unit of that region (or the
    /// user's current unit, kept though retired), the region's host unit when none is chosen; null with an error otherwise.
    /// </summary>
    private async Task<(MemberUnit? Unit, ServiceResult? Error)> ResolveUnitAsync(int? unitId, int regionId, int? currentUnitId, CancellationToken ct)
    {
        if (unitId is null)
        {
            return (await MemberUnits.HostAsync(db, regionId, ct), null);
        }

        var unit = await db.MemberUnits.SingleOrDefaultAsync(u => u.Id == unitId && u.RegionId == regionId, ct);
        if (unit is null || (!unit.IsActive && unit.Id != currentUnitId))
        {
            return (null, ServiceResult.Fail(nameof(UserProfileInput.UnitId), "所属单位：请选择所选地区的在用成员单位。"));
        }

        return (unit, null);
    }

    public async Task<AppUser> FindAsync(string id, CancellationToken ct) =>
        await db.Users.InScope(scope).Include(u => u.Region).SingleOrDefaultAsync(u => u.Id == id, ct)
        ?? throw new OutOfScopeException();

    public async Task<ServiceResult> CreateAsync(CreateUserInput input, CancellationToken ct)
    {
        var result = new ServiceResult(); // the fields' own rules ran before: CreateUserInputValidator
        var level = await EnsureRegionInScopeAsync(input.RegionId, ct);
        if (!separation.MayGive(input.Role))
        {
            return ServiceResult.Fail(nameof(input.Role), AdminDuties.NotAssignableRefusal(input.Role, separation.Enabled));
        }

        if (!AccountAuthority.MayManage(scope, input.Role, level))
        {
            await RefuseAsync("create", null, $"{input.UserName} {input.Role} region={input.RegionId}", ct);
            return ServiceResult.Fail(nameof(input.Role), AccountAuthority.MakePeerAdminRefusal);
        }

        var (unit, unitError) = await ResolveUnitAsync(input.UnitId, input.RegionId, null, ct);
        if (unitError is not null)
        {
            return unitError;
        }

        var user = new AppUser
        {
            UserName = input.UserName!.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            RegionId = input.RegionId,
            UnitId = unit!.Id,
            Role = input.Role,
            Email = EmailOf(input),
            LockoutEnabled = true,
            MustChangePassword = true, // the admin typed it: the user replaces it at the first sign-in
            CreatedAtUtc = DateTime.UtcNow,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return IdentityErrors(created, nameof(CreateUserInput.Password));
        }

        audit.Add(AuditActions.UserCreated, AuditOutcome.Success, "user", user.Id, $"{user.UserName} {user.Role} unit={user.UnitId} region={user.RegionId}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    public async Task<ServiceResult> UpdateAsync(string id, UserProfileInput input, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (await RefusePeerAsync(user, "edit", ct) is { } refused)
        {
            return refused;
        }

        var result = new ServiceResult(); // the fields' own rules ran before: UserProfileInputValidator
        var level = await EnsureRegionInScopeAsync(input.RegionId, ct);
        if (user.Id == scope.UserId && (input.Role != user.Role || input.RegionId != user.RegionId))
        {
            return ServiceResult.Fail(nameof(input.Role), "角色：不能修改自己的角色或所属地区，请由上级管理员操作。");
        }

        if (!separation.MayGive(input.Role, user.Role))
        {
            return ServiceResult.Fail(nameof(input.Role), AdminDuties.NotAssignableRefusal(input.Role, separation.Enabled));
        }

        if (user.Id != scope.UserId && !AccountAuthority.MayManage(scope, input.Role, level))
        {
            await RefuseAsync("edit", user, $"-> {input.Role} region={input.RegionId}", ct);
            return ServiceResult.Fail(nameof(input.Role), AccountAuthority.MakePeerAdminRefusal);
        }

        var (unit, unitError) = await ResolveUnitAsync(input.UnitId, input.RegionId, user.UnitId, ct);
        if (unitError is not null)
        {
            return unitError;
        }

        var before = $"{user.Role} unit={user.UnitId} region={user.RegionId}";
        user.DisplayName = input.DisplayName!.Trim();
        user.RegionId = input.RegionId;
        user.UnitId = unit!.Id;
        user.Role = input.Role;
        user.Email = EmailOf(input);
        audit.Add(AuditActions.UserUpdated, AuditOutcome.Success, "user", user.Id, $"{before} -> {user.Role} unit={user.UnitId} region={user.RegionId}");
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? result : IdentityErrors(updated, "");
    }

    private static string? EmailOf(UserProfileInput input) => string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();

    public async Task<ServiceResult> SetDisabledAsync(string id, bool disabled, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user.Id == scope.UserId)
        {
            return ServiceResult.Fail("", "不能停用或启用自己的账号。");
        }

        if (await RefusePeerAsync(user, disabled ? "disable" : "enable", ct) is { } refused)
        {
            return refused;
        }

        user.IsDisabled = disabled;
        audit.Add(disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, AuditOutcome.Success, "user", user.Id, user.UserName);
        var updated = await users.UpdateAsync(user);
        if (updated.Succeeded && disabled)
        {
            // A new stamp ends the user's open sessions at their next revalidation.
            await users.UpdateSecurityStampAsync(user);
        }

        return updated.Succeeded ? ServiceResult.Ok : IdentityErrors(updated, "");
    }

    /// <summary>
    /// Sets a random temporary password, clears any lockout and ends the user's sessions; the user must replace the
    /// password at the next sign-in, so the admin who sees it once never knows a lasting one.
    /// </summary>
    public async Task<(ServiceResult Result, string? Password)> ResetPasswordAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user.Id == scope.UserId)
        {
            return (ServiceResult.Fail("", "不能重置自己的密码，请使用“修改密码”。"), null);
        }

        if (await RefusePeerAsync(user, "reset-password", ct) is { } refused)
        {
            return (refused, null);
        }

        var password = NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = true;
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return (IdentityErrors(reset, ""), null);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditActions.UserPasswordReset, AuditOutcome.Success, "user", user.Id, $"{user.UserName} temporary, must change", ct: ct);
        return (ServiceResult.Ok, password);
    }

    /// <summary>The edit form of an admin of the actor's own level is refused like any action on it.</summary>
    public Task<ServiceResult?> RefuseViewAsync(AppUser user, CancellationToken ct, bool record = true) =>
        RefusePeerAsync(user, "view", ct, record);

    /// <summary>An edit of an admin of the actor's own level, refused (and audited) before its form's errors are shown.</summary>
    public Task<ServiceResult?> RefuseEditAsync(AppUser user, CancellationToken ct) => RefusePeerAsync(user, "edit", ct);

    /// <summary>The answer, audited, when the target is an admin of the actor's own level or above (see <see cref="AccountAuthority"/>).</summary>
    private async Task<ServiceResult?> RefusePeerAsync(AppUser user, string action, CancellationToken ct, bool record = true)
    {
        if (user.Id == scope.UserId || AccountAuthority.MayManage(scope, user.Role, user.Region.Level))
        {
            return null;
        }

        if (record)
        {
            await RefuseAsync(action, user, "", ct);
        }

        return ServiceResult.Fail("", AccountAuthority.PeerAdminRefusal);
    }

    private async Task RefuseAsync(string action, AppUser? user, string details, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await audit.RecordAsync(AuditActions.UserAdminActionRefused, AuditOutcome.Failure, "user", user?.Id,
            $"{action} {user?.UserName} {details}".Trim(), ct: ct);
    }

    /// <summary>The forms only offer regions in scope, so another region here is tampering: answer 404.</summary>
    private async Task<Core.Regions.RegionLevel> EnsureRegionInScopeAsync(int regionId, CancellationToken ct)
    {
        var levels = await db.Regions.InScope(scope).Where(r => r.Id == regionId).Select(r => r.Level).ToListAsync(ct);
        return levels.Count == 1 ? levels[0] : throw new OutOfScopeException();
    }

    private static ServiceResult IdentityErrors(IdentityResult identity, string field)
    {
        var result = new ServiceResult();
        foreach (var error in identity.Errors)
        {
            var target = error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(CreateUserInput.UserName) : field;
            result.Add(target, error.Description);
        }

        return result;
    }

    private static string NewPassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string all = lower + upper + digits;
        var chars = new char[12];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
