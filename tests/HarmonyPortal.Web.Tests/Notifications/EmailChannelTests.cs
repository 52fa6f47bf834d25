using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Notifications;

/// <summary>The email channel left off (the default) sends nothing; in-app rows are made all the same.</summary>
public abstract class EmailChannelOffTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : MailPortal
{
    [Fact]
    public async Task WithSmtpDisabled_NothingIsSent_ButTheNotificationIsCreated()
    {
        await portal.SetEmailAsync("yyjs.clerk", "yyjs.clerk@example.cn");
        var title = NotificationTestData.UniqueTitle("邮件通道关闭");

        var created = await portal.NotifyAsync(NotificationTarget.Users(await portal.UserIdAsync("yyjs.clerk")), title);
        await Task.Delay(1500);

        Assert.Equal(1, created);
        Assert.Empty(portal.Smtp.Received);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.EmailOutbox.AnyAsync(e => e.Subject == title));
        Assert.False(await db.BackgroundJobs.AnyAsync(j => j.Name == "email-outbox")); // no sender job: 后台任务 shows no 邮件发送
    }
}

/// <summary>
/// An SMTP server that does not answer neither fails nor slows the caller; the failure is logged, masked. The second
/// attempt waits for its back-off on the portal's clock, which the test moves on.
/// </summary>
public abstract class EmailServerDownTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : MailPortal
{
    [Fact]
    public async Task WithTheSmtpServerDown_NotifyingSucceedsAtOnce_AndTheFailureIsLoggedWithAMaskedAddress()
    {
        await portal.SetEmailAsync("yyjs.clerk", "jsclerk@example.cn");
        var title = NotificationTestData.UniqueTitle("服务器不可用");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var created = await portal.NotifyAsync(NotificationTarget.Users(await portal.UserIdAsync("yyjs.clerk")), title);

        watch.Stop();
        Assert.Equal(1, created);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"NotifyAsync took {watch.Elapsed}.");
        await using (var db = portal.CreateDbContext())
        {
            Assert.True(await db.Notifications.AnyAsync(n => n.Title == title));
        }

        await WaitForAttemptsAsync(title, 1);
        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        var logs = await WaitForLogAsync("given up", TimeSpan.FromSeconds(20));
        Assert.Contains("j***@example.cn", logs);
        Assert.DoesNotContain("jsclerk@example.cn", logs);
        using var client = await portal.SignedInClientAsync("yyjs.clerk");
        Assert.Contains(title, (await client.GetPageAsync("/notifications")).Body!.TextContent);
    }

    private async Task WaitForAttemptsAsync(string subject, int attempts)
    {
        for (var i = 0; i < 200; i++)
        {
            await portal.DriveEmailJobAsync();
            await using var db = portal.CreateDbContext();
            if (await db.EmailOutbox.AnyAsync(e => e.Subject == subject && e.Attempts >= attempts))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The email \"{subject}\" was not tried {attempts} time(s).");
    }

    private async Task<string> WaitForLogAsync(string text, TimeSpan timeout)
    {
        var folder = Path.Combine(portal.DataDirectory, "logs");
        var until = DateTime.UtcNow + timeout;
        var all = "";
        while (DateTime.UtcNow < until)
        {
            // The email job runs when the test's clock reaches its next run; a run that ended after the clock last
            // moved is due again only when the clock moves on (as the wall clock would).
            await portal.DriveEmailJobAsync();
            all = string.Concat(Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Select(ReadShared) : []);
            if (all.Contains(text, StringComparison.Ordinal))
            {
                return all;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No log line with \"{text}\" within {timeout}.");
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed class SqliteMailOffPortal() : MailPortal(DatabaseProvider.Sqlite, MailMode.Disabled);

public sealed class PostgresMailOffPortal() : MailPortal(DatabaseProvider.Postgres, MailMode.Disabled);

public sealed class SqliteMailDownPortal() : MailPortal(DatabaseProvider.Sqlite, MailMode.ServerDown);

public sealed class PostgresMailDownPortal() : MailPortal(DatabaseProvider.Postgres, MailMode.ServerDown);

public sealed class SqliteEmailChannelOffTests(SqliteMailOffPortal portal) : EmailChannelOffTests<SqliteMailOffPortal>(portal);

public sealed class PostgresEmailChannelOffTests(PostgresMailOffPortal portal) : EmailChannelOffTests<PostgresMailOffPortal>(portal);

public sealed class SqliteEmailServerDownTests(SqliteMailDownPortal portal) : EmailServerDownTests<SqliteMailDownPortal>(portal);

public sealed class PostgresEmailServerDownTests(PostgresMailDownPortal portal) : EmailServerDownTests<PostgresMailDownPortal>(portal);
