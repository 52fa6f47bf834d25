using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingPathStartupFilter>());
    }

    /// <summary>Behind the portal's whole pipeline (reached only when no route matched): a path that throws, as a bug would.</summary>
    private sealed class FailingPathStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context =>
            {
                if (context.Request.Path == FailingPath)
                {
                    throw new InvalidOperationException("Simulated failure at C:\\secret\\Connection=Host=db;Password=hunter2");
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound; // what the end of the pipeline answers otherwise
                return Task.CompletedTask;
            });
        };
    }

    public const string FailingPath = "/test/fails";
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

    [Fact]
    public async Task Production_AnUnhandledException_AnswersTheChinese500Page_WithoutStackTraceOrMessage()
    {
        using var client = portal.CreatePortalClient("https://portal.example");
        await client.LoginOrFailAsync("province.admin", ProductionPortal.AdminPassword);

        var failed = await client.Http.GetAsync(ProductionPortal.FailingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var text = await failed.Content.ReadAsStringAsync();
        Assert.Contains("系统错误", text);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("Simulated", text);
        Assert.DoesNotContain(".cs:line", text);
    }
}
