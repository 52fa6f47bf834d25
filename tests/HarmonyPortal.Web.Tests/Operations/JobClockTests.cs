using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Jobs;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Operations;

/// <summary>
/// The job loop waits on the portal's clock (ADR 0018, 0032): moving the clock past a recurring job's interval runs
/// the job on the instance's own loop. The loop's wall-clock poll is an hour here, so only the clock can wake it.
/// </summary>
public abstract class JobClockTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : HourPollPortal
{
    private const string Purge = "finished-work-purge"; // daily, and not among the jobs tests keep quiet

    [Fact]
    public async Task MovingTheClockPastARecurringJobsInterval_RunsItOnTheInstancesLoop()
    {
        var first = await RunAfterAsync(DateTime.MinValue); // the loop runs it once as the instance starts
        var waiting = await JobAsync();
        Assert.Equal(BackgroundJobStatus.Queued, waiting.Status);
        Assert.Equal(first + TimeSpan.FromDays(1), waiting.NextRunAtUtc, TimeSpan.FromMilliseconds(1));

        portal.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        var second = await RunAfterAsync(first);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, second, TimeSpan.FromMilliseconds(1));
        Assert.Equal(second + TimeSpan.FromDays(1), (await JobAsync()).NextRunAtUtc, TimeSpan.FromMilliseconds(1));
    }

    /// <summary>The job's last success once later than <paramref name="after"/>; fails after 30 s of waiting.</summary>
    private async Task<DateTime> RunAfterAsync(DateTime after)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if ((await JobAsync()).LastSucceededAtUtc is { } done && done > after)
            {
                return done;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"{Purge} did not run after {after:O} within 30 s");
    }

    private async Task<BackgroundJob> JobAsync()
    {
        await using var db = portal.CreateDbContext();
        return await db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Name == Purge)
            ?? new BackgroundJob { Name = Purge, Kind = Purge };
    }
}

/// <summary>A portal whose job loop polls the wall clock only once an hour.</summary>
public class HourPollPortal(DatabaseProvider provider) : PortalFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:PollSeconds", "3600");
    }
}

public sealed class SqliteHourPollPortal() : HourPollPortal(DatabaseProvider.Sqlite);

public sealed class PostgresHourPollPortal() : HourPollPortal(DatabaseProvider.Postgres);

public sealed class SqliteJobClockTests(SqliteHourPollPortal portal) : JobClockTests<SqliteHourPollPortal>(portal);

public sealed class PostgresJobClockTests(PostgresHourPollPortal portal)
    : JobClockTests<PostgresHourPollPortal>(portal);
