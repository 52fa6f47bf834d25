using HarmonyPortal.Core.Jobs;
using HarmonyPortal.Core.Notifications;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Operations;

/// <summary>
/// The job table and the email outbox do not grow without end: the daily purge deletes finished one-off jobs and sent
/// or given-up emails older than 90 days, and never a recurring job, queued work, a younger row or an unsent email.
/// </summary>
public abstract class FinishedWorkPurgeTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task ThePurge_DeletesFinishedJobsAndSentEmailsPastNinetyDays_AndKeepsEverythingYoungerOrUnfinished()
    {
        portal.Clock.Set(2026, 3, 1);
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var old = now.AddDays(-91);
        var young = now.AddDays(-89);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var region = await portal.RegionIdAsync("430000");
        await using (var db = portal.CreateDbContext())
        {
            db.BackgroundJobs.AddRange(
                Job($"old-done-{tag}", BackgroundJobStatus.Done, succeeded: old),
                Job($"old-failed-{tag}", BackgroundJobStatus.Failed, failed: old),
                Job($"young-done-{tag}", BackgroundJobStatus.Done, succeeded: young),
                Job($"old-queued-{tag}", BackgroundJobStatus.Queued, created: old),
                Job($"old-recurring-{tag}", BackgroundJobStatus.Queued, succeeded: old, recurring: true));
            db.EmailOutbox.AddRange(
                Mail($"old-sent-{tag}", region, old, sent: old),
                Mail($"old-gave-up-{tag}", region, old, failed: old),
                Mail($"young-sent-{tag}", region, young, sent: young),
                Mail($"old-unsent-{tag}", region, old));
            await db.SaveChangesAsync();
        }

        using (var scope = portal.Services.CreateScope())
        {
            var (jobs, emails) = await scope.ServiceProvider.GetRequiredService<FinishedWorkPurgeJob>().PurgeAsync(now, default);
            Assert.True(jobs >= 2 && emails >= 2, $"purged {jobs} jobs and {emails} emails");
        }

        await using var after = portal.CreateDbContext();
        Assert.Equal([$"old-queued-{tag}", $"old-recurring-{tag}", $"young-done-{tag}"],
            await after.BackgroundJobs.Where(j => j.Name.EndsWith(tag)).OrderBy(j => j.Name).Select(j => j.Name).ToListAsync());
        Assert.Equal([$"old-unsent-{tag}", $"young-sent-{tag}"],
            await after.EmailOutbox.Where(e => e.Subject.EndsWith(tag)).OrderBy(e => e.Subject).Select(e => e.Subject).ToListAsync());
    }

    private static BackgroundJob Job(string name, BackgroundJobStatus status, DateTime? created = null, DateTime? succeeded = null, DateTime? failed = null, bool recurring = false) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Kind = recurring ? name : "year-end",
        Recurring = recurring,
        Status = status,
        CreatedAtUtc = created ?? succeeded ?? failed ?? DateTime.UtcNow,
        NextRunAtUtc = created ?? succeeded ?? failed ?? DateTime.UtcNow,
        LastSucceededAtUtc = succeeded,
        LastFailedAtUtc = failed,
    };

    private static EmailOutbox Mail(string subject, int regionId, DateTime created, DateTime? sent = null, DateTime? failed = null) => new()
    {
        To = "clerk@example.cn",
        Subject = subject,
        Body = "正文",
        RegionId = regionId,
        CreatedAtUtc = created,
        NextAttemptAtUtc = created,
        SentAtUtc = sent,
        FailedAtUtc = failed,
    };
}

public sealed class SqliteFinishedWorkPurgeTests(SqlitePortal portal) : FinishedWorkPurgeTests<SqlitePortal>(portal);

public sealed class PostgresFinishedWorkPurgeTests(PostgresPortal portal) : FinishedWorkPurgeTests<PostgresPortal>(portal);
