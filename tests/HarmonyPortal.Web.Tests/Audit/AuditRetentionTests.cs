using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Audit.Viewer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Audit;

/// <summary>
/// Audit:RetentionDays (ADR 0020): the purge job deletes what is older than the retention and nothing younger — tried
/// at the boundary with the fake clock — and a retention under 180 days stops the portal at start-up.
/// </summary>
public abstract class AuditRetentionTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task ThePurgeJob_DeletesOnlyEntriesOlderThanTheRetention_NothingAtOrInsideIt()
    {
        portal.Clock.Set(2027, 6, 30);
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-AuditRetention.DefaultDays);
        var ages = new Dictionary<string, DateTime>
        {
            ["a-year-and-a-day"] = cutoff.AddDays(-1),
            ["one-second-too-old"] = cutoff.AddSeconds(-1),
            ["exactly-365-days"] = cutoff,
            ["one-second-young-enough"] = cutoff.AddSeconds(1),
            ["last-week"] = now.AddDays(-7),
        };
        await using (var db = portal.CreateDbContext())
        {
            db.AuditEntries.AddRange(ages.Select(a => new AuditEntry
            {
                AtUtc = a.Value, UserName = "retention.probe", Action = AuditActions.LedgerUpdated, ObjectType = "probe", ObjectId = a.Key, Outcome = AuditOutcome.Success,
            }));
            await db.SaveChangesAsync();
        }

        await using var before = portal.CreateDbContext();
        var youngerBefore = await before.AuditEntries.CountAsync(a => a.AtUtc >= cutoff);

        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditRetentionJob>().RunAsync(default);
        }

        await using var after = portal.CreateDbContext();
        var left = await after.AuditEntries.AsNoTracking().Where(a => a.UserName == "retention.probe").Select(a => a.ObjectId!).ToListAsync();
        Assert.Equal(["exactly-365-days", "last-week", "one-second-young-enough"], left.Order(StringComparer.Ordinal));
        Assert.Equal(0, await after.AuditEntries.CountAsync(a => a.AtUtc < cutoff && a.Action != AuditActions.AuditPurged));
        // Nothing younger went: the same entries as before, plus the purge's own record.
        Assert.Equal(youngerBefore + 1, await after.AuditEntries.CountAsync(a => a.AtUtc >= cutoff));
        var record = await after.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.AuditPurged && a.AtUtc == now);
        Assert.Contains("已删除", record.Details, StringComparison.Ordinal);

        // A second run a second later finds nothing more to delete.
        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        using (var scope = portal.Services.CreateScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AuditRetentionPurge>().RunAsync(now, default));
        }
    }

    [Theory]
    [InlineData("179", false)]
    [InlineData("90", false)]
    [InlineData("180", true)]
    [InlineData(null, true)]
    public void ARetentionUnder180Days_IsRefusedAtStartUp_WithTheReason(string? days, bool starts)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(days is null ? [] : [new(AuditRetention.Setting, days)]).Build();
        if (starts)
        {
            Assert.Equal(days is null ? 365 : int.Parse(days, System.Globalization.CultureInfo.InvariantCulture), AuditRetention.Read(config).Days);
            return;
        }

        var error = Assert.Throws<InvalidOperationException>(() => AuditRetention.Read(config));
        Assert.Contains($"Audit:RetentionDays is {days}", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 180 days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APortalConfiguredWith90Days_DoesNotStart()
    {
        await using var factory = new RetentionPortal(portal.Provider, portal.ConnectionString);
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Audit:RetentionDays is 90", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class RetentionPortal(DatabaseProvider provider, string connectionString) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Harmony:DataDirectory", Path.Combine(TestPaths.Scratch("portal"), Guid.NewGuid().ToString("N")));
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("ConnectionStrings:Harmony", connectionString);
            builder.UseSetting("Demo:SampleLedgers", "false");
            builder.UseSetting(AuditRetention.Setting, "90");
        }
    }
}

public sealed class SqliteAuditRetentionPortal() : PortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAuditRetentionPortal() : PortalFactory(DatabaseProvider.Postgres);

public sealed class SqliteAuditRetentionTests(SqliteAuditRetentionPortal portal) : AuditRetentionTests<SqliteAuditRetentionPortal>(portal);

public sealed class PostgresAuditRetentionTests(PostgresAuditRetentionPortal portal) : AuditRetentionTests<PostgresAuditRetentionPortal>(portal);
