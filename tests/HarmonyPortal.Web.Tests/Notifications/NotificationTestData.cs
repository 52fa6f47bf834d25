using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HarmonyPortal.Web.Tests.Notifications;

/// <summary>Users and notifications for notification tests, written straight to the portal's database or service.</summary>
internal static class NotificationTestData
{
    public static async Task<string> AddUserAsync(this PortalFactory portal, string userName, string regionCode, UserRole role,
        bool disabled = false, string? email = null)
    {
        await using var db = portal.CreateDbContext();
        var user = new AppUser
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = "测试用户",
            RegionId = await portal.RegionIdAsync(regionCode),
            UnitId = await portal.HostUnitIdAsync(regionCode),
            Role = role,
            IsDisabled = disabled,
            Email = email,
            NormalizedEmail = email?.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAtUtc = DateTime.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public static async Task<string> UserIdAsync(this PortalFactory portal, string userName)
    {
        await using var db = portal.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public static async Task SetEmailAsync(this PortalFactory portal, string userName, string email)
    {
        await using var db = portal.CreateDbContext();
        await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email));
    }

    /// <summary>Calls <see cref="NotificationService.NotifyAsync"/> in a scope of its own, as a job or another request would.</summary>
    public static async Task<int> NotifyAsync(this PortalFactory portal, NotificationTarget target, string title,
        string link = "/ledgers", string? body = null, string? dedupKey = null)
    {
        using var scope = portal.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<NotificationService>();
        return await service.NotifyAsync(target, title, body, link, dedupKey, CancellationToken.None);
    }

    public static string UniqueTitle(string prefix) => $"{prefix}（{Guid.NewGuid().ToString("N")[..6]}）";
}
