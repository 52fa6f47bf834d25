using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Audit;

/// <summary>The portal with 三员分立 switched on (Security:SeparateAdministrators, ADR 0020).</summary>
public class SeparatedPortal(DatabaseProvider provider) : PortalFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(AdministratorSeparation.Setting, "true");
    }
}

/// <summary>
/// 三员分立 on: the province's 管理员 (made before the switch) gives 忻州 a 系统管理员, a 安全管理员 and a 审计管理员;
/// 管理员 can no longer be given; each new account sees the menu of its one duty and is refused the others'.
/// </summary>
public abstract class AdministratorSeparationTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : SeparatedPortal
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<object> Made = [];

    private static readonly Dictionary<UserRole, string[]> Menus = new()
    {
        [UserRole.SystemAdmin] = ["/admin/emails", "/admin/regions"],
        [UserRole.SecurityAdmin] = ["/admin/users", "/admin/units"],
        [UserRole.AuditAdmin] = ["/audit"],
    };

    private static readonly string[] AdminPages = ["/admin/users", "/admin/units", "/admin/emails", "/admin/regions", "/rules/drafts", "/audit", "/audit/export"];

    private async Task<int> CreateAsync(string userName, UserRole role)
    {
        using var admin = await portal.SignedInClientAsync("sx.admin");
        var response = await admin.PostAsync("/admin/users/create", await admin.TokenFromAsync("/admin/users/create"), ("Input.UserName", userName),
            ("Input.Password", PortalClient.DemoPassword), ("Input.DisplayName", role.ToChinese()), ("Input.RegionId", (await portal.RegionIdAsync("140900")).ToString()),
            ("Input.Role", role.ToString()));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            await using var db = portal.CreateDbContext();
            await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, false));
        }

        return (int)response.StatusCode;
    }

    private async Task EnsureThreeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (Made.Add(portal))
            {
                foreach (var role in Menus.Keys)
                {
                    Assert.Equal(302, await CreateAsync("xz." + role.ToString().ToLowerInvariant(), role));
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    [Fact]
    public async Task TheFormOffersTheThreeRoles_AndAdminCannotBeGivenAnyMore()
    {
        using var admin = await portal.SignedInClientAsync("sx.admin");
        var roles = (await admin.GetPageAsync("/admin/users/create")).QuerySelectorAll("#Input_Role option").Select(o => o.TextContent).ToList();
        Assert.Equal(["填报员", "审核员", "系统管理员", "安全管理员", "审计管理员"], roles);

        var refused = await admin.PostAsync("/admin/users/create", await admin.TokenFromAsync("/admin/users/create"), ("Input.UserName", "xz.newadmin"),
            ("Input.Password", PortalClient.DemoPassword), ("Input.DisplayName", "新管理员"), ("Input.RegionId", (await portal.RegionIdAsync("140900")).ToString()),
            ("Input.Role", "Admin"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the form again, with the reason
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("已启用三员分立，不能再设置为“管理员”", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("新管理员", page.QuerySelector("#Input_DisplayName")!.GetAttribute("value")); // what was typed stays
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "xz.newadmin"));
    }

    [Fact]
    public async Task AnExistingAdmin_KeepsItsRoleWhenEdited_AndKeepsWorking()
    {
        using var admin = await portal.SignedInClientAsync("sx.admin");
        await using var db = portal.CreateDbContext();
        var city = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "xz.admin");
        var edit = await admin.GetPageAsync($"/admin/users/{city.Id}/edit");
        Assert.Equal("Admin", edit.QuerySelector("#Input_Role option[selected]")!.GetAttribute("value"));
        var saved = await admin.PostAsync($"/admin/users/{city.Id}/edit", await admin.TokenFromAsync($"/admin/users/{city.Id}/edit"),
            ("Input.DisplayName", "忻州管理员（待分立）"), ("Input.RegionId", city.RegionId.ToString()), ("Input.UnitId", city.UnitId.ToString()!), ("Input.Role", "Admin"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var cityAdmin = await portal.SignedInClientAsync("xz.admin");
        foreach (var url in AdminPages.Where(u => u != "/audit/export"))
        {
            Assert.Equal(HttpStatusCode.OK, (await cityAdmin.Http.GetAsync(url)).StatusCode);
        }
    }

    [Theory]
    [InlineData(UserRole.SystemAdmin)]
    [InlineData(UserRole.SecurityAdmin)]
    [InlineData(UserRole.AuditAdmin)]
    public async Task EachRole_SeesTheMenuOfItsDutyOnly_AndIsRefusedTheOthersPages(UserRole role)
    {
        await EnsureThreeAsync();
        using var client = await portal.SignedInClientAsync("xz." + role.ToString().ToLowerInvariant());
        var home = await client.GetPageAsync("/");
        var menu = Menus.Values.SelectMany(m => m).Where(href => home.QuerySelector($"nav a[href='{href}']") is not null).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Menus[role].Order(StringComparer.Ordinal), menu);
        Assert.Contains(role.ToChinese(), home.QuerySelector("[data-testid=current-user]")!.TextContent, StringComparison.Ordinal);

        var duty = role switch { UserRole.SystemAdmin => AdminDuty.System, UserRole.SecurityAdmin => AdminDuty.Security, _ => AdminDuty.Audit };
        foreach (var url in AdminPages)
        {
            var owner = url switch
            {
                "/admin/users" or "/admin/units" => AdminDuty.Security,
                "/audit" or "/audit/export" => AdminDuty.Audit,
                _ => AdminDuty.System,
            };
            var status = (await client.Http.GetAsync(url)).StatusCode;
            Assert.True(owner == duty ? status == HttpStatusCode.OK : status == HttpStatusCode.Forbidden, $"{role} {url} answered {(int)status}");
        }
    }
}

public sealed class SqliteSeparatedPortal() : SeparatedPortal(DatabaseProvider.Sqlite);

public sealed class PostgresSeparatedPortal() : SeparatedPortal(DatabaseProvider.Postgres);

public sealed class SqliteAdministratorSeparationTests(SqliteSeparatedPortal portal) : AdministratorSeparationTests<SqliteSeparatedPortal>(portal);

public sealed class PostgresAdministratorSeparationTests(PostgresSeparatedPortal portal) : AdministratorSeparationTests<PostgresSeparatedPortal>(portal);
