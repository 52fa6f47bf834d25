using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Account;

/// <summary>A user changes its own password; a password someone else chose must be changed before anything else.</summary>
public abstract class PasswordChangeTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string ChangePage = "/account/change-password";

    private static async Task<HttpResponseMessage> ChangeAsync(PortalClient client, string current, string next, string? confirm = null) =>
        await client.PostAsync(ChangePage, await client.TokenFromAsync(ChangePage),
            ("Input.CurrentPassword", current), ("Input.NewPassword", next), ("Input.ConfirmPassword", confirm ?? next));

    private static async Task<string> TextAsync(HttpResponseMessage response) => (await PortalClient.ParseAsync(response)).Body!.TextContent;

    [Fact]
    public async Task User_ChangesItsOwnPassword_FromTheUserMenu_WithTheCurrentOneAndTheSameRules()
    {
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        Assert.NotNull((await clerk.GetPageAsync("/")).QuerySelector($"nav a[href='{ChangePage}']"));

        var wrongCurrent = await ChangeAsync(clerk, "Not#TheCurrent1", "Daxian#2027");
        var weak = await ChangeAsync(clerk, PortalClient.DemoPassword, "daxianxian");
        var mismatch = await ChangeAsync(clerk, PortalClient.DemoPassword, "Daxian#2027", "Daxian#2028");
        var same = await ChangeAsync(clerk, PortalClient.DemoPassword, PortalClient.DemoPassword);
        var overlong = await ChangeAsync(clerk, PortalClient.DemoPassword, "Aa1#" + new string('x', 200));

        Assert.Contains("当前密码：不正确", await TextAsync(wrongCurrent));
        Assert.Contains("新密码：密码须包含小写字母、大写字母、数字、符号中的至少三类", await TextAsync(weak));
        Assert.Contains("确认新密码：与新密码不一致", await TextAsync(mismatch));
        Assert.Contains("新密码：不能与当前密码相同", await TextAsync(same));
        Assert.Contains("新密码：不能超过 128 个字符", await TextAsync(overlong));

        var changed = await ChangeAsync(clerk, PortalClient.DemoPassword, "Daxian#2027");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("密码已修改", (await clerk.GetPageAsync("/")).QuerySelector(".alert-success")!.TextContent);

        using var again = portal.CreatePortalClient();
        Assert.Contains("用户名或密码不正确", await TextAsync(await again.LoginAsync("xzdx.clerk")));
        await again.LoginOrFailAsync("xzdx.clerk", "Daxian#2027");
        await using var db = portal.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == "xzdx.clerk").Select(u => u.Id).SingleAsync();
        var trail = await db.AuditEntries.Where(e => e.ObjectId == userId).Select(e => new { e.Action, e.Details }).ToListAsync();
        Assert.Contains(trail, e => e.Action == AuditActions.UserPasswordChangeFailed);
        Assert.Contains(trail, e => e.Action == AuditActions.UserPasswordChanged && e.Details == "self-service");
    }

    [Fact]
    public async Task WhileAChangeIsRequired_EveryPageLeadsToTheChangePage_ExceptSignOutAndStaticFiles()
    {
        await using (var db = portal.CreateDbContext())
        {
            await db.Users.Where(u => u.UserName == "xzyp.clerk").ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, true));
        }

        using var clerk = portal.CreatePortalClient();
        var signIn = await clerk.LoginAsync("xzyp.clerk");
        Assert.Equal(ChangePage, signIn.Headers.Location!.OriginalString);

        foreach (var url in new[] { "/", "/ledgers", "/dashboard", "/nominations", "/notifications", "/rules" })
        {
            var response = await clerk.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString == ChangePage, $"{url} answered {(int)response.StatusCode}");
        }

        var post = await clerk.PostAsync("/reporting/2024/report", await clerk.TokenFromAsync(ChangePage));
        Assert.Equal(ChangePage, post.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync("/css/site.css")).StatusCode);
        Assert.NotNull((await clerk.GetPageAsync(ChangePage)).QuerySelector("[data-testid=must-change-password]"));

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(clerk, PortalClient.DemoPassword, "Yuanping#2027")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync("/ledgers")).StatusCode);
        Assert.Null((await clerk.GetPageAsync(ChangePage)).QuerySelector("[data-testid=must-change-password]"));
        await using var after = portal.CreateDbContext();
        var user = await after.Users.AsNoTracking().SingleAsync(u => u.UserName == "xzyp.clerk");
        Assert.False(user.MustChangePassword);
        Assert.True(await after.AuditEntries.AnyAsync(e => e.Action == AuditActions.UserPasswordChanged && e.ObjectId == user.Id && e.Details == "forced"));
    }

    [Fact]
    public async Task AChange_EndsTheUsersOtherSessionsWithinAMinute_ButNotTheOneThatMadeIt()
    {
        using var here = await portal.SignedInClientAsync("xzxf.clerk");
        using var elsewhere = await portal.SignedInClientAsync("xzxf.clerk");

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(here, PortalClient.DemoPassword, "Xinfu#2027")).StatusCode);
        portal.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.OK, (await here.Http.GetAsync("/ledgers")).StatusCode);
        var other = await elsewhere.Http.GetAsync("/ledgers");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("/account/login", other.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_StillWorks_WhileAChangeIsRequired()
    {
        await using (var db = portal.CreateDbContext())
        {
            await db.Users.Where(u => u.UserName == "jyyc.clerk").ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, true));
        }

        using var clerk = await portal.SignedInClientAsync("jyyc.clerk");

        var logout = await clerk.PostAsync("/account/logout", await clerk.TokenFromAsync(ChangePage));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith("/account/login", logout.Headers.Location!.OriginalString);
        Assert.Contains("/account/login", (await clerk.Http.GetAsync("/")).Headers.Location!.OriginalString);
    }
}

public sealed class SqlitePasswordChangeTests(SqlitePortal portal) : PasswordChangeTests<SqlitePortal>(portal);

public sealed class PostgresPasswordChangeTests(PostgresPortal portal) : PasswordChangeTests<PostgresPortal>(portal);
