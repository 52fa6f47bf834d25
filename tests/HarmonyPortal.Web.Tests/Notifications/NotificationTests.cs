using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Notifications;

/// <summary>In-app notifications and the email channel switched on, against a fake SMTP server.</summary>
public abstract class NotificationTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : MailPortal
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(15);

    private async Task<List<Core.Notifications.Notification>> RowsAsync(string title)
    {
        await using var db = portal.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.Title == title).ToListAsync();
    }

    [Fact]
    public async Task NotifyingACountysClerks_CreatesRowsOnlyForItsEnabledClerks()
    {
        var clerk = await portal.UserIdAsync("yyhr.clerk");
        var secondClerk = await portal.AddUserAsync("yyhr.clerk2", "430623", UserRole.Clerk);
        await portal.AddUserAsync("yyhr.gone", "430623", UserRole.Clerk, disabled: true);
        await portal.AddUserAsync("yyhr.reviewer", "430623", UserRole.Reviewer);
        var title = NotificationTestData.UniqueTitle("调解组织台账已退回");

        var created = await portal.NotifyAsync(NotificationTarget.ClerksOf(await portal.RegionIdAsync("430623")), title, "/ledgers/mediation-organizations");

        Assert.Equal(2, created);
        var rows = await RowsAsync(title);
        Assert.Equal(new[] { clerk, secondClerk }.Order(), rows.Select(r => r.UserId).Order());
        Assert.All(rows, r => Assert.Null(r.ReadAtUtc));
    }

    [Fact]
    public async Task NotifyingACitysReviewers_ReachesNeitherItsClerksNorTheCountiesBelow()
    {
        var reviewer = await portal.UserIdAsync("yy.reviewer");
        var title = NotificationTestData.UniqueTitle("君山区已报送");

        await portal.NotifyAsync(NotificationTarget.ReviewersOf(await portal.RegionIdAsync("430600")), title);

        Assert.Equal([reviewer], (await RowsAsync(title)).Select(r => r.UserId));
    }

    [Fact]
    public async Task Badge_ShowsTheUnreadCount_AndTheListShowsUnreadInBold()
    {
        var user = await portal.UserIdAsync("yyxy.clerk");
        var first = NotificationTestData.UniqueTitle("第一条");
        var second = NotificationTestData.UniqueTitle("第二条");
        await portal.NotifyAsync(NotificationTarget.Users(user), first);
        await portal.NotifyAsync(NotificationTarget.Users(user), second, body: "请于 3 日内报送。");
        using var client = await portal.SignedInClientAsync("yyxy.clerk");

        var home = await client.GetPageAsync("/");
        var list = await client.GetPageAsync("/notifications");

        Assert.Equal("2", home.QuerySelector("[data-testid=notifications-link] [data-testid=unread-count]")!.TextContent.Trim());
        var titles = list.QuerySelectorAll("[data-testid=notifications] li button").Select(b => (b.TextContent.Trim(), b.ClassList.Contains("fw-bold"))).ToList();
        Assert.Equal([(second, true), (first, true)], titles);
        Assert.Contains("请于 3 日内报送。", list.QuerySelector("[data-testid=notifications]")!.TextContent);
    }

    [Fact]
    public async Task Badge_FollowsANotificationCreatedOrRead_OnTheVeryNextPage()
    {
        var user = await portal.UserIdAsync("yylq.clerk");
        using var client = await portal.SignedInClientAsync("yylq.clerk");
        async Task<string?> BadgeAsync() =>
            (await client.GetPageAsync("/")).QuerySelector("[data-testid=unread-count]")?.TextContent.Trim();
        var before = await BadgeAsync();
        var title = NotificationTestData.UniqueTitle("徽标");

        await portal.NotifyAsync(NotificationTarget.Users(user), title);
        var afterCreated = await BadgeAsync();
        var id = (await RowsAsync(title)).Single().Id;
        await client.PostAsync($"/notifications/{id}/read", await client.TokenFromAsync("/notifications"));
        var afterRead = await BadgeAsync();

        Assert.Equal<(string?, string?, string?)>((null, "1", null), (before, afterCreated, afterRead));
    }

    [Fact]
    public async Task Opening_MarksItRead_AndRedirectsToItsLink()
    {
        var user = await portal.UserIdAsync("yypj.clerk");
        var title = NotificationTestData.UniqueTitle("企业台账已审核通过");
        await portal.NotifyAsync(NotificationTarget.Users(user), title, "/ledgers/harmonious-enterprises?year=2026");
        var id = (await RowsAsync(title)).Single().Id;
        using var client = await portal.SignedInClientAsync("yypj.clerk");

        var response = await client.PostAsync($"/notifications/{id}/read", await client.TokenFromAsync("/notifications"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ledgers/harmonious-enterprises?year=2026", response.Headers.Location!.OriginalString);
        Assert.NotNull((await RowsAsync(title)).Single().ReadAtUtc);
        var home = await client.GetPageAsync("/");
        Assert.Null(home.QuerySelector("[data-testid=unread-count]"));
        Assert.False((await client.GetPageAsync("/notifications")).QuerySelector($"[data-notification-id='{id}'] button")!.ClassList.Contains("fw-bold"));
    }

    [Fact]
    public async Task AnotherUser_CannotOpenSomeoneElsesNotification()
    {
        var owner = await portal.UserIdAsync("yyyx.clerk");
        var title = NotificationTestData.UniqueTitle("云溪区截止提醒");
        await portal.NotifyAsync(NotificationTarget.Users(owner), title);
        var id = (await RowsAsync(title)).Single().Id;
        using var other = await portal.SignedInClientAsync("yyml.clerk");

        var response = await other.PostAsync($"/notifications/{id}/read", await other.TokenFromAsync("/notifications"));
        var list = await other.GetPageAsync("/notifications");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await RowsAsync(title)).Single().ReadAtUtc);
        Assert.DoesNotContain(title, list.Body!.TextContent);
    }

    [Fact]
    public async Task ReadAll_MarksTheUsersOwnNotificationsRead_AndNobodyElses()
    {
        var mine = await portal.UserIdAsync("yyqy.clerk");
        var theirs = await portal.UserIdAsync("yynh.clerk");
        var title = NotificationTestData.UniqueTitle("全部已读");
        await portal.NotifyAsync(NotificationTarget.Users(mine, theirs), title);
        using var client = await portal.SignedInClientAsync("yyqy.clerk");

        var response = await client.PostAsync("/notifications/read-all", await client.TokenFromAsync("/notifications"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rows = await RowsAsync(title);
        Assert.NotNull(rows.Single(r => r.UserId == mine).ReadAtUtc);
        Assert.Null(rows.Single(r => r.UserId == theirs).ReadAtUtc);
    }

    [Fact]
    public async Task SameDedupKeyTwice_CreatesOneRow_AndDoesNotThrow()
    {
        var region = await portal.RegionIdAsync("430681");
        var target = NotificationTarget.ClerksOf(region);
        var key = $"deadline:{region}:mediation:2026:1:7:{Guid.NewGuid():N}";
        var title = NotificationTestData.UniqueTitle("距报送截止还有 7 天");

        var first = await portal.NotifyAsync(target, title, dedupKey: key);
        var again = await portal.NotifyAsync(target, title, dedupKey: key);
        var racing = await Task.WhenAll(
            portal.NotifyAsync(target, title, dedupKey: key + ":race"),
            portal.NotifyAsync(target, title, dedupKey: key + ":race"));

        Assert.Equal(1, first);
        Assert.Equal(0, again);
        Assert.Equal(1, racing.Sum());
        Assert.Equal(2, (await RowsAsync(title)).Count);
    }

    [Fact]
    public async Task AddAsync_IsSavedByTheCallersUnitOfWork_AndSkipsAKeyTheUserHas()
    {
        var user = await portal.UserIdAsync("yyyyx.clerk");
        var title = NotificationTestData.UniqueTitle("台账已转报");
        await portal.NotifyAsync(NotificationTarget.Users(user), title, dedupKey: "forwarded:1");
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HarmonyDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<NotificationService>();

        var added = await service.AddAsync(NotificationTarget.Users(user), title, null, "/ledgers", "forwarded:2", CancellationToken.None);
        var duplicate = await service.AddAsync(NotificationTarget.Users(user), title, null, "/ledgers", "forwarded:1", CancellationToken.None);
        var beforeSave = (await RowsAsync(title)).Count;
        await db.SaveChangesAsync();

        Assert.Equal((1, 0, 1), (added, duplicate, beforeSave));
        Assert.Equal(["forwarded:1", "forwarded:2"], (await RowsAsync(title)).Select(r => r.DedupKey).Order());
    }

    [Fact]
    public async Task WithSmtpEnabled_AnEmailArrives_WithTheChineseSubjectAndTheAbsoluteLink()
    {
        const string address = "yyjk.clerk@example.cn";
        await portal.SetEmailAsync("yyjk.clerk", address);
        var title = NotificationTestData.UniqueTitle("经开区：新企业用工服务台账已退回，请修改后重新报送");

        await portal.NotifyAsync(NotificationTarget.ClerksOf(await portal.RegionIdAsync("430600-JK")), title,
            "/ledgers/new-enterprise-services?year=2026", body: "退回原因：第 3 行联系电话缺失。");

        var mail = await portal.WaitForMailAsync(m => m.Subject == title, MailWait);
        Assert.Equal([address], mail.Recipients);
        Assert.Contains("协调劳动关系三方工作平台", SmtpMessage.DecodeWords(mail.Header("From")!));
        Assert.Contains("退回原因：第 3 行联系电话缺失。", mail.Body);
        Assert.Contains(MailPortal.PublicBaseUrl + "/ledgers/new-enterprise-services?year=2026", mail.Body);
    }

    [Fact]
    public async Task WithSmtpEnabled_TheSenderIsTheJobEmailOutbox_ShownToAdminsOnTheBackgroundJobsCard()
    {
        await portal.SetEmailAsync("yyjs.clerk", "yyjs.clerk@example.cn");
        var title = NotificationTestData.UniqueTitle("后台任务发送");
        await portal.NotifyAsync(NotificationTarget.Users(await portal.UserIdAsync("yyjs.clerk")), title);
        await portal.WaitForMailAsync(m => m.Subject == title, MailWait);
        await portal.RunEmailJobAsync();

        using var admin = await portal.SignedInClientAsync("hn.admin");
        var row = (await admin.GetPageAsync("/year-end")).QuerySelector("[data-testid=background-jobs] tr[data-job='email-outbox']");
        Assert.NotNull(row);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("邮件发送", cells[0]);
        Assert.Equal("等待", cells[1]);
        Assert.NotEqual("—", cells[6]); // 最近成功
    }

    [Fact]
    public async Task WithSmtpEnabled_AddAsyncEmailsOnlyOnceTheCallerHasSaved()
    {
        const string address = "yylx.clerk@example.cn";
        await portal.SetEmailAsync("yylx.clerk", address);
        var user = await portal.UserIdAsync("yylx.clerk");
        var title = NotificationTestData.UniqueTitle("临湘市：台账已审核通过");
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HarmonyDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<NotificationService>();

        await service.AddAsync(NotificationTarget.Users(user), title, null, "/ledgers", null, CancellationToken.None);
        await portal.RunEmailJobAsync(); // the sender runs while nothing is saved yet
        var beforeSave = portal.Smtp.Received.Count(m => m.Subject == title);
        await db.SaveChangesAsync();

        Assert.Equal(0, beforeSave);
        Assert.Equal([address], (await portal.WaitForMailAsync(m => m.Subject == title, MailWait)).Recipients);
    }

    [Fact]
    public async Task UsersWithoutAnEmailAddress_GetNoEmail()
    {
        var user = await portal.AddUserAsync("yyjs.noemail", "430611", UserRole.Clerk);
        var title = NotificationTestData.UniqueTitle("无邮箱");

        await portal.NotifyAsync(NotificationTarget.Users(user), title);
        await portal.RunEmailJobAsync();

        Assert.Single(await RowsAsync(title));
        Assert.DoesNotContain(portal.Smtp.Received, m => m.Subject == title);
    }
}

public sealed class SqliteMailPortal() : MailPortal(DatabaseProvider.Sqlite, MailMode.Enabled);

public sealed class PostgresMailPortal() : MailPortal(DatabaseProvider.Postgres, MailMode.Enabled);

public sealed class SqliteNotificationTests(SqliteMailPortal portal) : NotificationTests<SqliteMailPortal>(portal);

public sealed class PostgresNotificationTests(PostgresMailPortal portal) : NotificationTests<PostgresMailPortal>(portal);
