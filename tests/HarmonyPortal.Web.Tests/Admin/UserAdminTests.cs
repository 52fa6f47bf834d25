using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Admin;

public abstract class UserAdminTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private async Task<AppUser> UserAsync(string userName)
    {
        await using var db = portal.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
    }

    private async Task<HttpResponseMessage> CreateUserAsync(PortalClient admin, string userName, string password, string regionCode)
    {
        var token = await admin.TokenFromAsync("/admin/users/create");
        return await admin.PostAsync("/admin/users/create", token,
            ("Input.UserName", userName), ("Input.DisplayName", "张三"), ("Input.RegionId", (await portal.RegionIdAsync(regionCode)).ToString()),
            ("Input.UnitId", (await portal.UnitIdAsync(regionCode, "总工会")).ToString()), ("Input.Role", "Clerk"), ("Input.Password", password));
    }

    [Fact]
    public async Task CityAdmin_CreatesACountyClerk_WhoCanSignInAtOnce()
    {
        using var admin = await portal.SignedInClientAsync("yy.admin");

        var response = await CreateUserAsync(admin, "yyhr.union", "Union#2026", "430623");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetPageAsync("/admin/users?q=yyhr.union");
        Assert.Contains("华容县", list.QuerySelector("tbody")!.TextContent);
        var created = await UserAsync("yyhr.union");
        Assert.Equal(UserRole.Clerk, created.Role);
        Assert.True(PasswordHashFormat.Iterations(created.PasswordHash!) >= 210_000);
        using var clerk = portal.CreatePortalClient();
        var signIn = await clerk.LoginAsync("yyhr.union", "Union#2026");
        Assert.Equal("/account/change-password", signIn.Headers.Location?.OriginalString); // the admin typed it: not a lasting password
        Assert.True(created.MustChangePassword);
        await using var db = portal.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.UserCreated && e.ObjectId == created.Id));
    }

    [Theory]
    [InlineData("Ab1!", "密码长度不能少于 8 位")]
    [InlineData("abcdefgh1", "至少三类")]
    [InlineData("ABCDEFGH!", "至少三类")]
    public async Task WeakPassword_IsRefusedInChinese_AndNoUserIsSaved(string password, string message)
    {
        using var admin = await portal.SignedInClientAsync("yy.admin");
        var userName = "weak" + Math.Abs(password.GetHashCode(StringComparison.Ordinal));

        var response = await CreateUserAsync(admin, userName, password, "430602");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await PortalClient.ParseAsync(response)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == userName));
    }

    [Fact]
    public async Task MissingFields_AreNamedInChinese()
    {
        using var admin = await portal.SignedInClientAsync("yy.admin");
        var token = await admin.TokenFromAsync("/admin/users/create");

        var response = await admin.PostAsync("/admin/users/create", token, ("Input.UserName", "张"), ("Input.RegionId", "0"));

        var text = (await PortalClient.ParseAsync(response)).Body!.TextContent;
        Assert.Contains("用户名：只能包含英文字母、数字和 . _ -", text);
        Assert.Contains("姓名：必须填写", text);
        Assert.Contains("所属地区：必须选择", text);
        Assert.Contains("初始密码：必须填写", text);
    }

    [Fact]
    public async Task Admin_ChangesRoleAndParty_AndTheUserSeesItAfterRevalidation()
    {
        using var admin = await portal.SignedInClientAsync("yy.admin");
        using var clerk = portal.CreatePortalClient();
        await clerk.LoginOrFailAsync("yyml.clerk");
        var user = await UserAsync("yyml.clerk");
        var token = await admin.TokenFromAsync($"/admin/users/{user.Id}/edit");

        var response = await admin.PostAsync($"/admin/users/{user.Id}/edit", token,
            ("Input.DisplayName", "汨罗市审核员"), ("Input.RegionId", user.RegionId.ToString()), ("Input.UnitId", (await portal.UnitIdAsync("430681", "总工会")).ToString()), ("Input.Role", "Reviewer"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var changed = await UserAsync("yyml.clerk");
        Assert.Equal(UserRole.Reviewer, changed.Role);
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        var header = (await clerk.GetPageAsync("/")).QuerySelector("[data-testid=current-user]")!.TextContent;
        Assert.Contains("审核员", header);
        Assert.Contains("总工会", header);
    }

    [Fact]
    public async Task Admin_SetsAUsersEmailForNotifications_AndAMalformedOneIsRefusedInChinese()
    {
        using var admin = await portal.SignedInClientAsync("yy.admin");
        var user = await UserAsync("yypj.clerk");
        (string, string)[] Profile(string email) =>
            [("Input.DisplayName", user.DisplayName), ("Input.RegionId", user.RegionId.ToString()), ("Input.UnitId", user.UnitId.ToString()!), ("Input.Role", user.Role.ToString()), ("Input.Email", email)];

        var bad = await admin.PostAsync($"/admin/users/{user.Id}/edit", await admin.TokenFromAsync($"/admin/users/{user.Id}/edit"), Profile("zhang@"));
        var unchanged = await UserAsync("yypj.clerk");
        var good = await admin.PostAsync($"/admin/users/{user.Id}/edit", await admin.TokenFromAsync($"/admin/users/{user.Id}/edit"), Profile(" pj.clerk@example.cn "));

        Assert.Contains("电子邮箱：格式不正确", (await PortalClient.ParseAsync(bad)).Body!.TextContent);
        Assert.Null(unchanged.Email);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("pj.clerk@example.cn", (await UserAsync("yypj.clerk")).Email);
        var form = await admin.GetPageAsync($"/admin/users/{user.Id}/edit");
        Assert.Equal("pj.clerk@example.cn", form.QuerySelector("#Input_Email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Admin_CannotChangeItsOwnRole()
    {
        using var admin = await portal.SignedInClientAsync("yylq.admin");
        var self = await UserAsync("yylq.admin");
        var token = await admin.TokenFromAsync($"/admin/users/{self.Id}/edit");

        var response = await admin.PostAsync($"/admin/users/{self.Id}/edit", token,
            ("Input.DisplayName", "x"), ("Input.RegionId", self.RegionId.ToString()), ("Input.Role", "Clerk"));

        Assert.Contains("不能修改自己的角色", (await PortalClient.ParseAsync(response)).Body!.TextContent);
        Assert.Equal(UserRole.Admin, (await UserAsync("yylq.admin")).Role);
    }

    [Fact]
    public async Task DisabledUser_LosesItsSessionWithinAMinute_AndCannotSignIn()
    {
        using var admin = await portal.SignedInClientAsync("yy.admin");
        using var clerk = portal.CreatePortalClient();
        await clerk.LoginOrFailAsync("yylx.clerk");
        var user = await UserAsync("yylx.clerk");

        var token = await admin.TokenFromAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/users/{user.Id}/disable", token)).StatusCode);

        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Http.GetAsync("/")).StatusCode);
        var again = await clerk.LoginAsync("yylx.clerk");
        Assert.Contains("该账号已停用", (await PortalClient.ParseAsync(again)).Body!.TextContent);
        var guess = await clerk.LoginAsync("yylx.clerk", "Wrong#Password1");
        Assert.DoesNotContain("停用", (await PortalClient.ParseAsync(guess)).Body!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/users/{user.Id}/enable", token)).StatusCode);
        await clerk.LoginOrFailAsync("yylx.clerk");
    }

    [Fact]
    public async Task ResetPassword_ShowsATemporaryPasswordOnce_ThatOnlyLeadsToChangingIt()
    {
        using var admin = await portal.SignedInClientAsync("yy.admin");
        var user = await UserAsync("yyjk.clerk");
        var token = await admin.TokenFromAsync("/admin/users");

        var response = await admin.PostAsync($"/admin/users/{user.Id}/reset-password", token);
        var flash = (await admin.GetPageAsync("/admin/users")).QuerySelector(".alert-success")!.TextContent;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var temporary = System.Text.RegularExpressions.Regex.Match(flash, "临时密码：([A-Za-z0-9]+)").Groups[1].Value;
        Assert.Equal(12, temporary.Length);
        Assert.Null((await admin.GetPageAsync("/admin/users")).QuerySelector(".alert-success"));
        using var clerk = portal.CreatePortalClient();
        Assert.Contains("用户名或密码不正确", (await PortalClient.ParseAsync(await clerk.LoginAsync("yyjk.clerk"))).Body!.TextContent);
        Assert.Equal("/account/change-password", (await clerk.LoginAsync("yyjk.clerk", temporary)).Headers.Location?.OriginalString);
        Assert.Equal("/account/change-password", (await clerk.Http.GetAsync("/ledgers")).Headers.Location?.OriginalString);

        var changed = await clerk.PostAsync("/account/change-password", await clerk.TokenFromAsync("/account/change-password"),
            ("Input.CurrentPassword", temporary), ("Input.NewPassword", "Jingkai#2027"), ("Input.ConfirmPassword", "Jingkai#2027"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync("/ledgers")).StatusCode);
        using var later = portal.CreatePortalClient();
        Assert.Contains("用户名或密码不正确", (await PortalClient.ParseAsync(await later.LoginAsync("yyjk.clerk", temporary))).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        var trail = await db.AuditEntries.Where(e => e.ObjectId == user.Id).Select(e => e.Action).ToListAsync();
        Assert.Contains(AuditActions.UserPasswordReset, trail);
        Assert.Contains(AuditActions.UserPasswordChanged, trail);
    }

    [Fact]
    public async Task ASecondCityAdmin_CannotResetDisableDemoteOrEditTheFirst_OnlyTheProvinceAdminCan()
    {
        await using (var db = portal.CreateDbContext())
        {
            var first = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "yy.admin");
            db.Users.Add(new AppUser
            {
                UserName = "yy.admin2", NormalizedUserName = "YY.ADMIN2", DisplayName = "岳阳市第二管理员", RegionId = first.RegionId,
                UnitId = first.UnitId, Role = UserRole.Admin, PasswordHash = first.PasswordHash, SecurityStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true, CreatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var target = await UserAsync("yy.admin");
        var countyAdmin = await UserAsync("yylq.admin");
        var cityClerk = await UserAsync("yy.clerk");
        using var second = await portal.SignedInClientAsync("yy.admin2");
        var list = await second.GetPageAsync("/admin/users?q=yy.admin");
        var token = await second.TokenFromAsync("/admin/users");
        (string, string)[] Profile(AppUser u, string role) =>
            [("Input.DisplayName", "改名"), ("Input.RegionId", u.RegionId.ToString()), ("Input.UnitId", u.UnitId.ToString()!), ("Input.Role", role)];

        var answers = new List<HttpResponseMessage>
        {
            await second.PostAsync($"/admin/users/{target.Id}/reset-password", token),
            await second.PostAsync($"/admin/users/{target.Id}/disable", token),
            await second.PostAsync($"/admin/users/{target.Id}/edit", token, Profile(target, "Clerk")),
            await second.Http.GetAsync($"/admin/users/{target.Id}/edit"),
        };
        var flash = (await second.GetPageAsync("/admin/users")).QuerySelector(".alert-danger")?.TextContent;
        var promote = await second.PostAsync($"/admin/users/{cityClerk.Id}/edit", token, Profile(cityClerk, "Admin"));
        var create = await second.PostAsync("/admin/users/create", token,
            [.. Profile(cityClerk, "Admin"), ("Input.UserName", "yy.admin3"), ("Input.Password", "Third#Admin26")]);

        Assert.Contains("由上级管理员维护", list.QuerySelector("tbody")!.TextContent);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Contains("不能管理与自己同级或更高级别的管理员账号", flash);
        Assert.Contains("角色：不能设置与自己同级或更高级别的管理员", (await PortalClient.ParseAsync(create)).Body!.TextContent);
        Assert.Contains("角色：不能设置与自己同级或更高级别的管理员", (await PortalClient.ParseAsync(promote)).Body!.TextContent);
        var after = await UserAsync("yy.admin");
        Assert.Equal((target.PasswordHash, target.IsDisabled, target.Role, target.DisplayName, target.SecurityStamp),
            (after.PasswordHash, after.IsDisabled, after.Role, after.DisplayName, after.SecurityStamp));
        Assert.Equal(UserRole.Clerk, (await UserAsync("yy.clerk")).Role);
        await using (var db = portal.CreateDbContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.UserName == "yy.admin3"));
            Assert.True(await db.AuditEntries.CountAsync(e => e.Action == AuditActions.UserAdminActionRefused && e.UserName == "yy.admin2") >= 6);
        }

        // The level below is still its to manage, and the level above manages it.
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync($"/admin/users/{countyAdmin.Id}/edit")).StatusCode);
        using var province = await portal.SignedInClientAsync("hn.admin");
        var second2 = await UserAsync("yy.admin2");
        var reset = await province.PostAsync($"/admin/users/{second2.Id}/reset-password", await province.TokenFromAsync("/admin/users"));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.NotEqual(second2.PasswordHash, (await UserAsync("yy.admin2")).PasswordHash);
        Assert.True((await UserAsync("yy.admin2")).MustChangePassword);
    }

    [Fact]
    public async Task UndefinedRolesAndParties_AreRefusedInChinese_NeverDefaulted_AndLongTextIsRefused()
    {
        using var admin = await portal.SignedInClientAsync("yy.admin");
        var token = await admin.TokenFromAsync("/admin/users/create");
        var region = (await portal.RegionIdAsync("430602")).ToString();
        async Task<string> CreateAsync(string userName, params (string, string)[] fields)
        {
            (string, string)[] defaults = [("Input.UserName", userName), ("Input.DisplayName", "张三"), ("Input.RegionId", region), ("Input.Password", "Enum#Check26")];
            (string, string)[] form = [.. defaults.Where(d => fields.All(f => f.Item1 != d.Item1)), .. fields];
            var response = await admin.PostAsync("/admin/users/create", token, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await PortalClient.ParseAsync(response)).Body!.TextContent;
        }

        Assert.Contains("角色：取值无效", await CreateAsync("enum.a", ("Input.Role", "Superuser")));
        Assert.Contains("角色：取值无效", await CreateAsync("enum.b", ("Input.Role", "Clerk,Reviewer")));
        Assert.Contains("角色：取值无效", await CreateAsync("enum.c", ("Input.Role", "3")));
        Assert.Contains("角色：必须选择", await CreateAsync("enum.d"));
        Assert.Contains("所属单位：取值无效", await CreateAsync("enum.e", ("Input.UnitId", "总工会"), ("Input.Role", "Clerk")));
        var cityUnion = (await portal.UnitIdAsync("430600", "总工会")).ToString(); // a unit of 岳阳市, not of 岳阳楼区
        Assert.Contains("所属单位：请选择所选地区的在用成员单位", await CreateAsync("enum.f", ("Input.UnitId", cityUnion), ("Input.Role", "Clerk")));
        Assert.Contains("姓名：不能超过 50 个字符", await CreateAsync("enum.g", ("Input.Role", "Clerk"), ("Input.DisplayName", new string('张', 51))));
        Assert.Contains("初始密码：不能超过 128 个字符", await CreateAsync("enum.h", ("Input.Role", "Clerk"), ("Input.Password", "Aa1#" + new string('x', 200))));
        await using (var db = portal.CreateDbContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.UserName!.StartsWith("enum.")));
        }

        var user = await UserAsync("yyyyx.clerk");
        var edit = await admin.PostAsync($"/admin/users/{user.Id}/edit", await admin.TokenFromAsync($"/admin/users/{user.Id}/edit"),
            ("Input.DisplayName", "改名"), ("Input.RegionId", user.RegionId.ToString()), ("Input.Role", ""));
        Assert.Contains("角色：必须选择", (await PortalClient.ParseAsync(edit)).Body!.TextContent);
        Assert.Equal((user.DisplayName, user.Role, user.UnitId), ((await UserAsync("yyyyx.clerk")).DisplayName, (await UserAsync("yyyyx.clerk")).Role, (await UserAsync("yyyyx.clerk")).UnitId));

        var filtered = await admin.GetPageAsync("/admin/users?role=Superuser");
        Assert.Contains("角色：取值无效", filtered.Body!.TextContent);
        Assert.Empty(filtered.QuerySelectorAll("tbody tr"));
        Assert.Contains("用户名或姓名：不能超过 50 个字符", (await admin.GetPageAsync("/admin/users?q=" + new string('a', 51))).Body!.TextContent);
    }

    [Fact]
    public async Task ExtraFormFields_CannotSetStatusRegionOrCredentials()
    {
        using var admin = await portal.SignedInClientAsync("yy.admin");
        var before = await UserAsync("yynh.clerk");
        var foreignRegion = await portal.RegionIdAsync("360702");
        var token = await admin.TokenFromAsync($"/admin/users/{before.Id}/edit");

        await admin.PostAsync($"/admin/users/{before.Id}/edit", token,
            ("Input.DisplayName", "南湖新区填报员"), ("Input.RegionId", before.RegionId.ToString()), ("Input.Role", "Clerk"),
            ("Input.IsDisabled", "true"), ("IsDisabled", "true"), ("Input.UserName", "hijacked"), ("Input.PasswordHash", "x"),
            ("PasswordHash", "x"), ("Input.Id", "other"), ("Id", "other"), ("RegionId", foreignRegion.ToString()), ("Input.LockoutEnd", "2999-01-01"));

        var after = await UserAsync("yynh.clerk");
        Assert.False(after.IsDisabled);
        Assert.Equal(before.RegionId, after.RegionId);
        Assert.Equal(before.PasswordHash, after.PasswordHash);
        Assert.Null(after.LockoutEnd);
        Assert.Equal(before.Id, after.Id);
    }

    [Theory]
    [InlineData("yy.reviewer")]
    [InlineData("yy.clerk")]
    [InlineData("hn.reviewer")]
    public async Task NonAdmins_AreForbiddenFromUserAdministration(string userName)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginOrFailAsync(userName);

        var response = await client.Http.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权访问", (await PortalClient.ParseAsync(response)).Body!.TextContent);
    }
}

public sealed class SqliteUserAdminTests(SqliteProductPasswordCostPortal portal) : UserAdminTests<SqliteProductPasswordCostPortal>(portal);

public sealed class PostgresUserAdminTests(PostgresProductPasswordCostPortal portal) : UserAdminTests<PostgresProductPasswordCostPortal>(portal);
