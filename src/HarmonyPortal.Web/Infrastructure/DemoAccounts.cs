using System.Text;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Development-only logins, one set per seed region: province admin and reviewer; city admin,
/// reviewer and clerk; a clerk per county (Yueyang's and 唐山高新区's other member units get clerks of their own).
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Harmony@2026";

    /// <param name="Unit">The short name of the account's member unit; null for the region's host unit.</param>
    public sealed record Account(string UserName, string RegionCode, string RegionName, string? Unit, UserRole Role);

    public static IReadOnlyList<Account> All { get; } = Build();

    private static List<Account> Build()
    {
        var accounts = new List<Account>();
        foreach (var region in RegionSeed.FiveJurisdictions.SelectMany(p => p.SelfAndDescendants()))
        {
            void Add(string suffix, UserRole role) =>
                accounts.Add(new Account($"{region.Key}.{suffix}", region.Code, region.Name, null, role));

            switch (region.Level)
            {
                case RegionLevel.Province:
                    Add("admin", UserRole.Admin);
                    Add("reviewer", UserRole.Reviewer);
                    break;
                case RegionLevel.City:
                    Add("admin", UserRole.Admin);
                    Add("reviewer", UserRole.Reviewer);
                    Add("clerk", UserRole.Clerk);
                    break;
                case RegionLevel.County:
                    Add("clerk", UserRole.Clerk);
                    break;
            }
        }

        accounts.Add(new Account("yy.union", "430600", "岳阳市", "总工会", UserRole.Clerk));
        accounts.Add(new Account("yy.acfic", "430600", "岳阳市", "工商联", UserRole.Clerk));
        accounts.Add(new Account("yy.miit", "430600", "岳阳市", "工业和信息化局", UserRole.Clerk));
        accounts.Add(new Account("tsgx.commerce", "130200-GX", "唐山高新区", "商务局", UserRole.Clerk));
        accounts.Add(new Account("yylq.admin", "430602", "岳阳楼区", null, UserRole.Admin));
        return accounts;
    }

    public static async Task<IReadOnlyList<Account>> EnsureAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<HarmonyDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var existing = (await db.Users.Select(u => u.NormalizedUserName).ToListAsync()).ToHashSet();
        await RegionSeeder.EnsureSeedUnitsAsync(db);
        var regionIds = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id);
        string? hash = null;

        foreach (var account in All)
        {
            if (existing.Contains(users.NormalizeName(account.UserName)) || !regionIds.TryGetValue(account.RegionCode, out var regionId))
            {
                continue;
            }

            var units = await MemberUnits.EnsureAsync(db, regionId, default);
            var unit = account.Unit is null ? units.FirstOrDefault(u => u.HostsOffice) ?? units[0] : MemberUnits.Named(units, account.Unit)
                ?? throw new InvalidOperationException($"Demo account {account.UserName}: {account.RegionName} has no unit {account.Unit}.");
            var user = new AppUser
            {
                UserName = account.UserName,
                DisplayName = $"{account.RegionName}{account.Role.ToChinese()}",
                RegionId = regionId,
                UnitId = unit.Id,
                Role = account.Role,
                LockoutEnabled = true,
                CreatedAtUtc = DateTime.UtcNow,
            };

            // Every demo account shares one password; hashing it once keeps start-up fast.
            hash ??= users.PasswordHasher.HashPassword(user, Password);
            user.PasswordHash = hash;
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo account " + account.UserName + ": " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        return All;
    }

    public static void Print(IReadOnlyList<Account> accounts, string? urls)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("================ HarmonyPortal 演示账号 (Development only) ================");
        text.AppendLine($"  地址 URL: {urls ?? "see 'Now listening on' below"}");
        text.AppendLine($"  所有演示账号的密码 password: {Password}");
        foreach (var group in accounts.GroupBy(a => a.RegionName))
        {
            text.Append("  ").Append(group.Key).Append(": ");
            text.AppendLine(string.Join("  ", group.Select(a => $"{a.UserName}({a.Role.ToChinese()}·{a.Unit ?? "牵头单位"})")));
        }

        text.AppendLine("==========================================================================");
        Console.WriteLine(text.ToString());
    }
}
