using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Security;

public sealed class ProductionPortal() : PortalFactory(DatabaseProvider.Sqlite, "Production")
{
    public const string AdminPassword = "Prod#Admin2026";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bootstrap:AdminUserName", "province.admin");
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Bootstrap:AdminRegionCode", "430000");
    }
}

public sealed class ProductionTests(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task Production_HasNoDemoAccounts_OnlyTheConfiguredFirstAdmin()
    {
        await using var db = portal.CreateDbContext();
        var users = await db.Users.Select(u => new { u.UserName, u.Role }).ToListAsync();
        using var client = portal.CreatePortalClient("https://portal.example");

        Assert.Equal("province.admin", Assert.Single(users).UserName);
        Assert.Equal(UserRole.Admin, users[0].Role);
        Assert.Contains("用户名或密码不正确", (await PortalClient.ParseAsync(await client.LoginAsync("hn.admin"))).Body!.TextContent);
        await client.LoginOrFailAsync("province.admin", ProductionPortal.AdminPassword);
    }

    [Fact]
    public async Task Production_SendsHsts_AndItsErrorPagesShowNoInternals()
    {
        using var client = portal.CreatePortalClient("https://portal.example");

        var login = await client.Http.GetAsync("/account/login");
        await client.LoginOrFailAsync("province.admin", ProductionPortal.AdminPassword);
        var missing = await client.Http.GetAsync("/no/such/page");

        Assert.True(login.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var text = await missing.Content.ReadAsStringAsync();
        Assert.Contains("未找到", text);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain(" at ", text);
    }
}
