using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// The first administrator of a real deployment, from configuration (Bootstrap:AdminUserName,
/// Bootstrap:AdminPassword, Bootstrap:AdminRegionCode). Created once; later changes go through the admin pages.
/// </summary>
public static class BootstrapAdmin
{
    public static async Task EnsureAsync(IServiceProvider services, IConfiguration config)
    {
        var userName = config["Bootstrap:AdminUserName"];
        var password = config["Bootstrap:AdminPassword"];
        var regionCode = config["Bootstrap:AdminRegionCode"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password) || string.IsNullOrWhiteSpace(regionCode))
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }

        var db = services.GetRequiredService<HarmonyDbContext>();
        var region = await db.Regions.SingleOrDefaultAsync(r => r.Code == regionCode)
            ?? throw new InvalidOperationException($"Bootstrap:AdminRegionCode '{regionCode}' names no region.");
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = region.Name + "管理员",
            RegionId = region.Id,
            UnitId = (await MemberUnits.HostAsync(db, region.Id, default)).Id,
            Role = UserRole.Admin,
            LockoutEnabled = true,
            MustChangePassword = true, // the configured password is known to whoever deployed: the admin picks its own

            CreatedAtUtc = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Bootstrap admin: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
