using System.Security.Cryptography;
using FluentValidation;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Admin.Users;

/// <summary>User administration inside the acting admin's region subtree.</summary>
public sealed class UserAdminService(HarmonyDbContext db, UserManager<AppUser> users, AuditLog audit, UserScope scope)
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
            .Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Region.Name, u.Party, u.Role, u.IsDisabled, u.LockoutEnd))
            .ToListAsync(ct);
        return new UserListViewModel(filter, rows, total, PageSize, await RegionOptionsAsync(ct));
    }

    public async Task<IReadOnlyList<RegionOption>> RegionOptionsAsync(CancellationToken ct) =>
        RegionOption.Flatten(await db.LoadSubtreeAsync(scope, ct));

    public async Task<AppUser> FindAsync(string id, CancellationToken ct) =>
        await db.Users.InScope(scope).Include(u => u.Region).SingleOrDefaultAsync(u => u.Id == id, ct)
        ?? throw new OutOfScopeException();

    public async Task<ServiceResult> CreateAsync(CreateUserInput input, CancellationToken ct)
    {
        var result = ServiceResult.From(await new CreateUserInputValidator().ValidateAsync(input, ct));
        if (!result.Succeeded)
        {
            return result;
        }

        await EnsureRegionInScopeAsync(input.RegionId, ct);
        var user = new AppUser
        {
            UserName = input.UserName!.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            RegionId = input.RegionId,
            Party = input.Party,
            Role = input.Role,
            Email = EmailOf(input),
            LockoutEnabled = true,
            CreatedAtUtc = DateTime.UtcNow,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return IdentityErrors(created, nameof(CreateUserInput.Password));
        }

        audit.Add(AuditActions.UserCreated, AuditOutcome.Success, "user", user.Id, $"{user.UserName} {user.Role} {user.Party} region={user.RegionId}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    public async Task<ServiceResult> UpdateAsync(string id, UserProfileInput input, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        var result = ServiceResult.From(await new UserProfileInputValidator().ValidateAsync(input, ct));
        if (!result.Succeeded)
        {
            return result;
        }

        await EnsureRegionInScopeAsync(input.RegionId, ct);
        if (user.Id == scope.UserId && (input.Role != user.Role || input.RegionId != user.RegionId))
        {
            return ServiceResult.Fail(nameof(input.Role), "角色：不能修改自己的角色或所属地区，请由上级管理员操作。");
        }

        var before = $"{user.Role} {user.Party} region={user.RegionId}";
        user.DisplayName = input.DisplayName!.Trim();
        user.RegionId = input.RegionId;
        user.Party = input.Party;
        user.Role = input.Role;
        user.Email = EmailOf(input);
        audit.Add(AuditActions.UserUpdated, AuditOutcome.Success, "user", user.Id, $"{before} -> {user.Role} {user.Party} region={user.RegionId}");
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

    /// <summary>Sets a new random password, clears any lockout, and returns the password to show once.</summary>
    public async Task<(ServiceResult Result, string? Password)> ResetPasswordAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        var password = NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return (IdentityErrors(reset, ""), null);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditActions.UserPasswordReset, AuditOutcome.Success, "user", user.Id, user.UserName, ct: ct);
        return (ServiceResult.Ok, password);
    }

    /// <summary>The forms only offer regions in scope, so another region here is tampering: answer 404.</summary>
    private async Task EnsureRegionInScopeAsync(int regionId, CancellationToken ct)
    {
        if (!await db.Regions.InScope(scope).AnyAsync(r => r.Id == regionId, ct))
        {
            throw new OutOfScopeException();
        }
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
