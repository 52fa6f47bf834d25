using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Notifications;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Notifications;
using HarmonyPortal.Web.Features.Notifications.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Notifications;

/// <summary>
/// Issue 19's durable outbox, with the sender driven by the test (<see cref="SmtpOptions.RunSender"/> off): two senders
/// at once send each email once through MailKit to the fake SMTP server; a rolled-back notification leaves no email;
/// a row held by a crashed sender waits for its lease and is then sent.
/// </summary>
public abstract class EmailOutboxTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : OutboxPortal
{
    [Fact]
    public async Task TwoSendersAtOnce_SendEachEmailExactlyOnce()
    {
        await DrainAsync(portal);
        var marker = NotificationTestData.UniqueTitle("并发发送");
        await AddEmailsAsync(portal, marker, 30);

        var claimed = await Task.WhenAll(DrainAsync(portal), DrainAsync(portal));

        Assert.Equal(30, claimed.Sum());
        var received = portal.Smtp.Received.Where(m => m.Subject.StartsWith(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(30, received.Count);
        Assert.Equal(30, received.Select(m => m.Subject).Distinct().Count());
        await using var db = portal.CreateDbContext();
        var rows = await db.EmailOutbox.Where(e => e.Subject.StartsWith(marker)).ToListAsync();
        Assert.All(rows, r => Assert.True(r.SentAtUtc is not null && r.Attempts == 1 && r.ClaimedUntilUtc is null, $"row {r.Id}: {r.Attempts} attempts"));
    }

    [Fact]
    public async Task ARolledBackNotification_WritesNoEmail_WhileACommittedOneIsSent()
    {
        const string address = "yyjs.clerk@example.cn";
        await portal.SetEmailAsync("yyjs.clerk", address);
        var user = NotificationTarget.Users(await portal.UserIdAsync("yyjs.clerk"));
        var inserted = NotificationTestData.UniqueTitle("回滚的提醒");
        var added = NotificationTestData.UniqueTitle("回滚的退回");
        var kept = NotificationTestData.UniqueTitle("提交的退回");

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HarmonyDbContext>();
            var service = scope.ServiceProvider.GetRequiredService<NotificationService>();
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.Equal(1, await service.NotifyAsync(user, inserted, "正文", "/ledgers", null, default));
            Assert.Equal(1, await service.AddAsync(user, added, "正文", "/ledgers", null, default));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<NotificationService>();
            Assert.Equal(1, await service.AddAsync(user, kept, "正文", "/ledgers", null, default));
            await scope.ServiceProvider.GetRequiredService<HarmonyDbContext>().SaveChangesAsync();
        }

        await DrainAsync(portal);
        var mail = await portal.Smtp.WaitForAsync(m => m.Subject == kept, TimeSpan.FromSeconds(10));
        Assert.Equal([address], mail.Recipients);
        Assert.DoesNotContain(portal.Smtp.Received, m => m.Subject == inserted || m.Subject == added);
        await using var check = portal.CreateDbContext();
        Assert.False(await check.EmailOutbox.AnyAsync(e => e.Subject == inserted || e.Subject == added));
        Assert.False(await check.Notifications.AnyAsync(n => n.Title == inserted || n.Title == added));
        var notification = await check.Notifications.SingleAsync(n => n.Title == kept);
        var email = await check.EmailOutbox.SingleAsync(e => e.Subject == kept);
        Assert.Equal(notification.Id, email.NotificationId);
        Assert.NotNull(email.SentAtUtc);
    }

    [Fact]
    public async Task AnEmailHeldByACrashedSender_IsSentOnceItsLeaseRunsOut()
    {
        await DrainAsync(portal);
        var marker = NotificationTestData.UniqueTitle("租约过期");
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        await AddEmailsAsync(portal, marker, 1, e => (e.ClaimedBy, e.ClaimedUntilUtc) = ("crashed-instance", now.AddMinutes(10)));

        Assert.Equal(0, await SendDueAsync(portal));
        portal.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await SendDueAsync(portal));

        Assert.Single(portal.Smtp.Received, m => m.Subject.StartsWith(marker, StringComparison.Ordinal));
    }

    internal static async Task<int> SendDueAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailOutboxSender>().SendDueAsync(CancellationToken.None);
    }

    private static async Task<int> DrainAsync(PortalFactory portal)
    {
        var total = 0;
        int claimed;
        while ((claimed = await SendDueAsync(portal)) > 0)
        {
            total += claimed;
        }

        return total;
    }

    private static async Task AddEmailsAsync(OutboxPortal portal, string marker, int count, Action<EmailOutbox>? change = null)
    {
        await using var db = portal.CreateDbContext();
        var region = await db.Regions.Where(r => r.Code == "430611").Select(r => r.Id).SingleAsync();
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            var email = new EmailOutbox
            {
                To = $"user{i}@example.cn", Subject = $"{marker} #{i}", Body = "正文", RegionId = region, CreatedAtUtc = now, NextAttemptAtUtc = now,
            };
            change?.Invoke(email);
            db.EmailOutbox.Add(email);
        }

        await db.SaveChangesAsync();
    }
}

/// <summary>The mail portal with its background sender off, batches of four, three attempts a minute apart and doubling.</summary>
public class OutboxPortal(DatabaseProvider provider, MailMode mode) : MailPortal(provider, mode)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:Smtp:RunSender", "false");
        builder.UseSetting("Notifications:Smtp:BatchSize", "4");
        builder.UseSetting("Notifications:Smtp:MaxAttempts", "3");
        builder.UseSetting("Notifications:Smtp:RetryDelaySeconds", "60");
    }
}

public sealed class SqliteOutboxPortal() : OutboxPortal(DatabaseProvider.Sqlite, MailMode.Enabled);

public sealed class PostgresOutboxPortal() : OutboxPortal(DatabaseProvider.Postgres, MailMode.Enabled);

public sealed class SqliteEmailOutboxTests(SqliteOutboxPortal portal) : EmailOutboxTests<SqliteOutboxPortal>(portal);

public sealed class PostgresEmailOutboxTests(PostgresOutboxPortal portal) : EmailOutboxTests<PostgresOutboxPortal>(portal);
