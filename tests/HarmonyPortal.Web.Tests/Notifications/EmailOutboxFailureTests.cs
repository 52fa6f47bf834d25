using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Notifications;

/// <summary>
/// An SMTP server nobody answers (issue 19): the email is tried again after 60 s, then 120 s, on the portal's clock and
/// not before; after the third attempt it is failed, and the admin of the recipient's region sees it on 邮件发送 with
/// its attempts and reason, and sends it again after confirming (audited). An admin of another city neither sees it
/// nor can send it again.
/// </summary>
public abstract class EmailOutboxFailureTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : OutboxPortal
{
    [Fact]
    public async Task AFailingServer_IsRetriedWithBackOff_ThenShownToTheAdminAsFailed_AndSentAgainOnConfirmation()
    {
        const string address = "jsclerk@example.cn";
        await portal.SetEmailAsync("yyjs.clerk", address);
        var title = NotificationTestData.UniqueTitle("服务器故障");
        await portal.NotifyAsync(NotificationTarget.Users(await portal.UserIdAsync("yyjs.clerk")), title);

        Assert.Equal(1, await EmailOutboxTests<OutboxPortal>.SendDueAsync(portal));
        var first = await RowAsync(title);
        Assert.Equal(1, first.Attempts);
        Assert.Null(first.FailedAtUtc);
        Assert.StartsWith("无法连接邮件服务器", first.LastError);
        Assert.DoesNotContain(address, first.LastError);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime.AddSeconds(60), first.NextAttemptAtUtc, TimeSpan.FromMilliseconds(1));

        portal.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await EmailOutboxTests<OutboxPortal>.SendDueAsync(portal)); // still backing off
        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await EmailOutboxTests<OutboxPortal>.SendDueAsync(portal));
        var second = await RowAsync(title);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime.AddSeconds(120), second.NextAttemptAtUtc, TimeSpan.FromMilliseconds(1));

        portal.Clock.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(1, await EmailOutboxTests<OutboxPortal>.SendDueAsync(portal));
        var failed = await RowAsync(title);
        Assert.Equal(3, failed.Attempts);
        Assert.NotNull(failed.FailedAtUtc);
        portal.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await EmailOutboxTests<OutboxPortal>.SendDueAsync(portal)); // given up: no fourth attempt

        using var admin = await portal.SignedInClientAsync("yy.admin");
        var page = await admin.GetPageAsync("/admin/emails");
        var row = page.QuerySelector($"tr[data-email='{failed.Id}']")!;
        Assert.Equal("发送失败", row.QuerySelector("[data-testid=email-status]")!.TextContent.Trim());
        Assert.Equal("3 次", row.QuerySelector("[data-testid=email-attempts]")!.TextContent.Trim());
        Assert.StartsWith("无法连接邮件服务器", row.QuerySelector("[data-testid=email-error]")!.TextContent.Trim());
        Assert.Contains(title, row.TextContent);

        using var other = await portal.SignedInClientAsync("xz.admin");
        Assert.DoesNotContain(title, (await other.GetPageAsync("/admin/emails")).Body!.TextContent);
        var refused = await other.PostAsync($"/admin/emails/{failed.Id}/resend", await other.TokenFromAsync("/admin/emails"), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var confirmPage = await admin.GetPageAsync($"/admin/emails/{failed.Id}/resend");
        Assert.Contains(address, confirmPage.QuerySelector("[data-testid=resend-confirm]")!.TextContent);
        var unconfirmed = await admin.PostAsync($"/admin/emails/{failed.Id}/resend", await admin.TokenFromAsync($"/admin/emails/{failed.Id}/resend"));
        Assert.Contains("请勾选“确认重新发送”", (await PortalClient.ParseAsync(unconfirmed)).Body!.TextContent);
        Assert.NotNull((await RowAsync(title)).FailedAtUtc);

        var resent = await admin.PostAsync($"/admin/emails/{failed.Id}/resend", await admin.TokenFromAsync($"/admin/emails/{failed.Id}/resend"), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var again = await RowAsync(title);
        Assert.Null(again.FailedAtUtc);
        Assert.Equal(0, again.Attempts);
        Assert.Equal("待发送", (await admin.GetPageAsync("/admin/emails")).QuerySelector($"tr[data-email='{failed.Id}'] [data-testid=email-status]")!.TextContent.Trim());
        await using var db = portal.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.EmailResent && a.ObjectId == failed.Id.ToString());
        Assert.Equal("yy.admin", audit.UserName);
        Assert.Contains("j***@example.cn", audit.Details);
        Assert.DoesNotContain(address, audit.Details);
    }

    private async Task<Core.Notifications.EmailOutbox> RowAsync(string subject)
    {
        await using var db = portal.CreateDbContext();
        return await db.EmailOutbox.AsNoTracking().SingleAsync(e => e.Subject == subject);
    }
}

public sealed class SqliteOutboxDownPortal() : OutboxPortal(DatabaseProvider.Sqlite, MailMode.ServerDown);

public sealed class PostgresOutboxDownPortal() : OutboxPortal(DatabaseProvider.Postgres, MailMode.ServerDown);

public sealed class SqliteEmailOutboxFailureTests(SqliteOutboxDownPortal portal) : EmailOutboxFailureTests<SqliteOutboxDownPortal>(portal);

public sealed class PostgresEmailOutboxFailureTests(PostgresOutboxDownPortal portal) : EmailOutboxFailureTests<PostgresOutboxDownPortal>(portal);
