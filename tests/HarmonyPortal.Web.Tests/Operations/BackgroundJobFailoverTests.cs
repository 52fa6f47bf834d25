using System.Text.Json;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Exports;
using HarmonyPortal.Core.Jobs;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Infrastructure.Jobs;
using HarmonyPortal.Web.Tests.YearEnd;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Operations;

/// <summary>
/// The job table (ADR 0018) with several portal instances on one database and one clock: the web instance (the
/// fixture, which runs no jobs) takes the users' requests, instances A, B and C run jobs when the test tells them to
/// (their loops are off, so the test decides who claims what and when the clock passes a lease).
/// </summary>
public abstract class BackgroundJobFailoverTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : JobTwinPortal
{
    private static readonly string[] YearEnd = [Features.YearEnd.YearEndJobRunner.Kind];
    private static readonly string[] Purge = ["recycle-bin-purge"];

    private int Year => portal.Clock.GetLocalNow().Year;

    private TimeSpan PastLease => portal.Lease + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AnInstanceKilledInTheMiddleOfAYearEndExport_LeavesItRunning_UntilItsLeaseLapses_ThenTheOtherFinishesItOnce()
    {
        await using var a = Instance("A");
        await using var b = Instance("B");
        using var reviewer = await portal.SignedInClientAsync("yy.reviewer");
        using var admin = await portal.SignedInClientAsync("hn.admin");
        var id = await YearEndExports.StartAsync(reviewer, Year);

        var claimed = await Engine(a).ClaimNextAsync(default, YearEnd);
        Assert.Equal($"year-end/{id}", claimed?.Name);
        // A dies with the job in hand: its run is cut off and nothing renews its lease any more.
        using (var killed = new CancellationTokenSource())
        {
            await killed.CancelAsync();
            await Engine(a).RunAsync(claimed!, killed.Token);
        }

        await a.DisposeAsync();

        var row = (await admin.GetPageAsync("/year-end")).QuerySelector($"[data-testid=background-jobs] tr[data-job='year-end/{id}']");
        Assert.Equal("运行中", row!.QuerySelector("[data-role=status]")!.TextContent);
        Assert.Equal("A", row.QuerySelector("[data-role=owner]")!.TextContent);
        Assert.Null(await Engine(b).ClaimNextAsync(default, YearEnd)); // A's lease still holds
        Assert.NotEqual("Done", await StatusAsync(reviewer, id));

        portal.Clock.Advance(PastLease);
        var takenOver = await Engine(b).ClaimNextAsync(default, YearEnd);
        Assert.Equal(($"year-end/{id}", 2), (takenOver?.Name, takenOver?.Attempt));
        await Engine(b).RunAsync(takenOver!, default);

        Assert.Equal("Done", await StatusAsync(reviewer, id));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reviewer.Http.GetAsync($"/year-end/exports/{id}/download")).StatusCode);
        Assert.Equal([id.ToString("N") + ".xlsx"], ExportFilesOf(id));
        await using var db = portal.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.ObjectId == id.ToString() && e.Action == AuditActions.YearEndExportStarted));
        var job = await db.BackgroundJobs.SingleAsync(j => j.Name == $"year-end/{id}");
        Assert.Equal((BackgroundJobStatus.Done, "B", 2), (job.Status, job.LeaseOwner, job.Attempts));
        Assert.Null(await Engine(b).ClaimNextAsync(default, YearEnd));
        row = (await admin.GetPageAsync("/year-end")).QuerySelector($"[data-testid=background-jobs] tr[data-job='year-end/{id}']");
        Assert.Null(row); // done: no longer among the admin's unfinished jobs
    }

    [Fact]
    public async Task OfTwoInstancesFinishingOneYearEndExport_OnlyTheOneHoldingTheLeaseSucceeds_TheLateOneWritesNothing()
    {
        await using var a = Instance("A");
        await using var b = Instance("B");
        using var reviewer = await portal.SignedInClientAsync("ts.reviewer");
        var id = await YearEndExports.StartAsync(reviewer, Year);

        var first = await Engine(a).ClaimNextAsync(default, YearEnd);
        Assert.Equal($"year-end/{id}", first?.Name);
        portal.Clock.Advance(PastLease); // A stalls (a long pause, a lost network) past its lease
        var second = await Engine(b).ClaimNextAsync(default, YearEnd);
        Assert.Equal($"year-end/{id}", second?.Name);
        await Engine(b).RunAsync(second!, default);
        await using var db = portal.CreateDbContext();
        var finishedByB = await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id);
        var fileByB = File.GetLastWriteTimeUtc(Path.Combine(portal.ExportsDirectory, id.ToString("N") + ".xlsx"));

        await Engine(a).RunAsync(first!, default); // A wakes and runs its attempt to the end

        var after = await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id);
        Assert.Equal((ExportJobStatus.Done, finishedByB.FinishedAtUtc, finishedByB.FileName), (after.Status, after.FinishedAtUtc, after.FileName));
        Assert.Equal([id.ToString("N") + ".xlsx"], ExportFilesOf(id));
        Assert.Equal(fileByB, File.GetLastWriteTimeUtc(Path.Combine(portal.ExportsDirectory, id.ToString("N") + ".xlsx")));
        var job = await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Name == $"year-end/{id}");
        Assert.Equal((BackgroundJobStatus.Done, "B", 2L), (job.Status, job.LeaseOwner, job.Claims));
        Assert.Equal("Done", await StatusAsync(reviewer, id));
    }

    [Fact]
    public async Task ARecurringJob_RunsOnOneInstanceAtATime_AndWaitsItsIntervalBeforeAnyInstanceRunsItAgain()
    {
        await using var a = Instance("A");
        await using var b = Instance("B");
        await Engine(a).StartAsync(default);
        await Engine(b).StartAsync(default);
        portal.Clock.Advance(TimeSpan.FromHours(2)); // whatever state an earlier test left, the purge is due now
        using var admin = await portal.SignedInClientAsync("hn.admin");

        var onA = await Engine(a).ClaimNextAsync(default, Purge);
        Assert.Equal("recycle-bin-purge", onA?.Name);
        Assert.Null(await Engine(b).ClaimNextAsync(default, Purge)); // A holds it
        var row = (await admin.GetPageAsync("/year-end")).QuerySelector("[data-testid=background-jobs] tr[data-job='recycle-bin-purge']");
        Assert.Equal(("回收站到期清除", "运行中", "A"), (row!.Children[0].TextContent, row.QuerySelector("[data-role=status]")!.TextContent, row.QuerySelector("[data-role=owner]")!.TextContent));

        await Engine(a).RunAsync(onA!, default);
        Assert.Null(await Engine(b).ClaimNextAsync(default, Purge)); // done for this hour
        row = (await admin.GetPageAsync("/year-end")).QuerySelector("[data-testid=background-jobs] tr[data-job='recycle-bin-purge']");
        Assert.Equal("等待", row!.QuerySelector("[data-role=status]")!.TextContent);

        portal.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var onB = await Engine(b).ClaimNextAsync(default, Purge);
        Assert.Equal("recycle-bin-purge", onB?.Name);
        Assert.Null(await Engine(a).ClaimNextAsync(default, Purge));
        await Engine(b).RunAsync(onB!, default);
        await using var db = portal.CreateDbContext();
        var job = await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Name == "recycle-bin-purge");
        Assert.Equal((BackgroundJobStatus.Queued, "B", 0), (job.Status, job.LeaseOwner, job.Attempts));
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, job.LastSucceededAtUtc!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task AFailingYearEndExport_IsRetriedWithBackOff_ThenShownAsFailedToTheAdminAndItsUser()
    {
        // C's exports folder is a file: every attempt there fails (as a folder gone read-only or unmounted would).
        var notAFolder = Path.Combine(portal.DataDirectory, "exports-is-a-file");
        await File.WriteAllTextAsync(notAFolder, "");
        await using var c = Instance("C", ("Harmony:ExportsDirectory", notAFolder));
        using var reviewer = await portal.SignedInClientAsync("gz.reviewer");
        var id = await YearEndExports.StartAsync(reviewer, Year);
        await using var db = portal.CreateDbContext();

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= JobTwinPortal.MaxAttempts; attempt++)
        {
            var claimed = await Engine(c).ClaimNextAsync(default, YearEnd);
            Assert.Equal(($"year-end/{id}", attempt), (claimed?.Name, claimed?.Attempt));
            await Engine(c).RunAsync(claimed!, default);
            var job = await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Name == $"year-end/{id}");
            Assert.Contains($"第 {attempt} 次运行失败", job.LastError);
            if (attempt < JobTwinPortal.MaxAttempts)
            {
                Assert.Equal(BackgroundJobStatus.Queued, job.Status);
                Assert.Null(await Engine(c).ClaimNextAsync(default, YearEnd)); // backing off
                Assert.NotEqual("Failed", await StatusAsync(reviewer, id));
                var wait = job.NextRunAtUtc - portal.Clock.GetUtcNow().UtcDateTime;
                waits.Add(TimeSpan.FromSeconds(Math.Round(wait.TotalSeconds)));
                portal.Clock.Advance(wait + TimeSpan.FromSeconds(1));
            }
            else
            {
                Assert.Equal(BackgroundJobStatus.Failed, job.Status);
            }
        }

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], waits); // the back-off doubles
        portal.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await Engine(c).ClaimNextAsync(default, YearEnd)); // given up: not tried again

        using var admin = await portal.SignedInClientAsync("jx.admin");
        using var owner = await portal.SignedInClientAsync("gz.reviewer");
        var row = (await admin.GetPageAsync("/year-end")).QuerySelector($"[data-testid=background-jobs] tr[data-job='year-end/{id}']");
        Assert.Equal("失败", row!.QuerySelector("[data-role=status]")!.TextContent);
        Assert.Contains($"第 {JobTwinPortal.MaxAttempts} 次运行失败，不再重试", row.QuerySelector("[data-role=error]")!.TextContent);
        Assert.Contains("table-danger", row.ClassName);
        var own = (await owner.GetPageAsync("/year-end")).QuerySelector($"tr[data-export-job='{id}'] [data-role=status]")!.TextContent;
        Assert.Equal("失败：" + Features.YearEnd.YearEndJobRunner.FailedMessage, own);
        Assert.Null((await owner.GetPageAsync("/year-end")).QuerySelector("[data-testid=background-jobs]")); // admins only
    }

    private static async Task<string?> StatusAsync(PortalClient user, Guid id) =>
        JsonDocument.Parse(await user.Http.GetStringAsync($"/year-end/exports/{id}")).RootElement.GetProperty("status").GetString();

    private static JobEngine Engine(WebApplicationFactory<Program> instance) => instance.Services.GetRequiredService<JobEngine>();

    private string[] ExportFilesOf(Guid id) =>
        Directory.GetFiles(portal.ExportsDirectory, id.ToString("N") + "*").Select(Path.GetFileName).Order().ToArray()!;

    private WebApplicationFactory<Program> Instance(string name, params (string Key, string Value)[] more) =>
        portal.SecondInstance([.. JobTwinPortal.JobSettings(name), .. more]);
}

/// <summary>Two-instance portal whose own (web) instance runs no jobs; job instances come from <see cref="TwinPortal.SecondInstance"/>.</summary>
public class JobTwinPortal(DatabaseProvider provider) : TwinPortal(provider)
{
    public const int MaxAttempts = 3;

    public TimeSpan Lease { get; } = TimeSpan.FromMinutes(2);

    public string ExportsDirectory => Path.Combine(SharedDirectory, "exports");

    public static (string, string)[] JobSettings(string instance) =>
        [("Jobs:Enabled", "false"), ("Jobs:Disabled", ""), ("Jobs:InstanceId", instance), ("Jobs:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in JobSettings("web"))
        {
            builder.UseSetting(key, value);
        }
    }
}

public sealed class SqliteJobTwinPortal() : JobTwinPortal(DatabaseProvider.Sqlite);

public sealed class PostgresJobTwinPortal() : JobTwinPortal(DatabaseProvider.Postgres);

public sealed class SqliteBackgroundJobFailoverTests(SqliteJobTwinPortal portal) : BackgroundJobFailoverTests<SqliteJobTwinPortal>(portal);

public sealed class PostgresBackgroundJobFailoverTests(PostgresJobTwinPortal portal) : BackgroundJobFailoverTests<PostgresJobTwinPortal>(portal);
