using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Notifications;

/// <summary>
/// A notification's email survives a restart (issue 19): the first portal writes it and stops before sending, a new
/// portal on the same database sends it through MailKit to the fake SMTP server. The in-memory queue lost it.
/// </summary>
public abstract class EmailOutboxRestartTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(TestPaths.Scratch("portal"), Guid.NewGuid().ToString("N"));
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateMigratedAsync(provider);

    [Fact]
    public async Task ANotificationsEmail_WrittenBeforeAShutdown_IsSentByTheNextStart()
    {
        const string address = "yyjs.clerk@example.cn";
        var title = NotificationTestData.UniqueTitle("重启后发送");
        await using var smtp = new FakeSmtpServer();
        await using (var first = new Host(this, smtp.Port, runSender: false))
        {
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HarmonyDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == "yyjs.clerk");
            user.Email = address;
            await db.SaveChangesAsync();
            var created = await scope.ServiceProvider.GetRequiredService<NotificationService>()
                .NotifyAsync(NotificationTarget.Users(user.Id), title, "重启前写入", "/ledgers", null, default);
            Assert.Equal(1, created);
        }

        Assert.Empty(smtp.Received);
        await using (var db = database.CreateContext())
        {
            Assert.Null((await db.EmailOutbox.SingleAsync(e => e.Subject == title)).SentAtUtc);
        }

        await using (var second = new Host(this, smtp.Port, runSender: true))
        {
            _ = second.Services; // start: the sender runs in the background
            var mail = await smtp.WaitForAsync(m => m.Subject == title, TimeSpan.FromSeconds(30));
            Assert.Equal([address], mail.Recipients);
            Assert.Contains("重启前写入", mail.Body);
            for (var i = 0; i < 100 && !await SentAsync(title); i++)
            {
                await Task.Delay(100); // the server took it; the sender marks the row right after
            }
        }

        await using (var db = database.CreateContext())
        {
            var row = await db.EmailOutbox.SingleAsync(e => e.Subject == title);
            Assert.NotNull(row.SentAtUtc);
            Assert.Equal(1, row.Attempts);
        }

        Assert.Single(smtp.Received, m => m.Subject == title);
    }

    private async Task<bool> SentAsync(string subject)
    {
        await using var db = database.CreateContext();
        return await db.EmailOutbox.AnyAsync(e => e.Subject == subject && e.SentAtUtc != null);
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>One start of the portal on the test's database and data folder, its email channel at the fake server.</summary>
    private sealed class Host(EmailOutboxRestartTests test, int smtpPort, bool runSender) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", test.database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Harmony", test.database.ConnectionString);
            builder.UseSetting("Harmony:DataDirectory", test.dataDirectory);
            builder.UseSetting("Demo:SampleLedgers", "false");
            builder.UseSetting("Notifications:Reminders:Enabled", "false");
            builder.UseSetting("Notifications:Smtp:Enabled", "true");
            builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Notifications:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Notifications:Smtp:Tls", "None");
            builder.UseSetting("Notifications:Smtp:FromAddress", "noreply@harmony.example.cn");
            builder.UseSetting("Notifications:Smtp:PollSeconds", "0.2");
            builder.UseSetting("Notifications:Smtp:RunSender", runSender ? "true" : "false");
        }
    }
}

public sealed class SqliteEmailOutboxRestartTests() : EmailOutboxRestartTests(DatabaseProvider.Sqlite);

public sealed class PostgresEmailOutboxRestartTests() : EmailOutboxRestartTests(DatabaseProvider.Postgres);
