using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// Reminds the regions that have not submitted (counties, by the Submit deadline) or forwarded (cities, by the Report
/// deadline) their sheet when that deadline, or the extension of that step granted to them, is 7, 3 or 1 days away;
/// and the regions that have not reported their ledgers of each ledger's own reporting deadline. Each reminder carries a key, so a
/// second run or a second portal instance sends it once.
/// </summary>
public sealed class DeadlineReminders(
    HarmonyDbContext db, RuleSetCatalog catalog, NotificationService notifications, Core.Reporting.ReportingDeadlines ledgerDeadlines, ILogger<DeadlineReminders> logger)
{
    public static readonly int[] DaysBefore = [7, 3, 1];

    /// <summary>Sends today's reminders; returns how many notifications were created.</summary>
    /// <remarks>
    /// The counties, cities and jurisdictions and the extensions granted for this year and the next are read once; a
    /// sheet's submissions are read only for a step whose date, or some region's extension of it, falls on a reminder
    /// day. So a day without reminders costs the same few commands however many jurisdictions, honours and regions
    /// there are (it had cost three per jurisdiction, honour, step and date: 64 on a reminder day of the test data).
    /// </remarks>
    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        var jurisdictions = await db.RuleSetVersions.AsNoTracking().Select(v => v.RegionId).Distinct().ToListAsync(ct);
        var inForce = (await catalog.InForceAsync(jurisdictions, today.Year, ct))
            .Concat(await catalog.InForceAsync(jurisdictions, today.Year + 1, ct)).DistinctBy(p => p.Value.Id).ToList();
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.City || jurisdictions.Contains(r.Id))
            .OrderBy(r => r.Id).ToListAsync(ct);
        var extensions = await LatestExtensionsAsync(today, ct);
        var created = 0;
        foreach (var (regionId, version) in inForce)
        {
            var set = RuleSetCatalog.Parse(version);
            var jurisdiction = regions.Single(r => r.Id == regionId);
            // The gold categories and the plan's own honours (ADR 0026), each by its honour task.
            var honours = Enum.GetValues<GoldCategory>().Select(c => (Task: set.HonourTask(c), Category: c, Honour: ""))
                .Concat(OfficeHonour.Of(set).Select(t => (Task: (RuleTask?)t, Category: OfficeHonour.Category, Honour: t.Id)));
            foreach (var (found, category, honour) in honours)
            {
                if (found is not { } task)
                {
                    continue;
                }

                // Counties are reminded of their submission to the city, cities of their report upward: each step by its own date.
                foreach (var step in new[] { DeadlineStep.Submit, DeadlineStep.Report })
                {
                    var due = task.DeadlinesOf(step).Where(d => d.Year is { } y && (y == today.Year || y == today.Year + 1) && set.Governs(y))
                        .Select(d => (Year: d.Year!.Value, d.Batch)).Distinct()
                        .Select(k => SheetEvaluator.DeadlineOf(task, step, k.Year, k.Batch)!).Distinct();
                    foreach (var deadline in due)
                    {
                        var key = new SheetKey(category, deadline.Year!.Value, deadline.Batch ?? 0)
                        {
                            Honour = honour,
                            HonourTitle = OfficeHonour.Is(honour) ? task.Honour?.Title : null,
                        };
                        var owing = Owing(regions, jurisdiction, extensions, key, step, deadline, today);
                        created += owing.Count == 0 ? 0 : await RemindAsync(owing, key, step, today, ct);
                    }
                }
            }
        }

        var countiesAndCities = regions.Where(r => r.Level is RegionLevel.County or RegionLevel.City).ToList();
        created += await RemindLedgersAsync(countiesAndCities, today, ct);
        if (created > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Deadline reminders for {Today}: {Created} notifications", today, created);
        }

        return created;
    }

    private sealed record ExtendedStep(
        int RegionId, GoldCategory Category, string Honour, int Year, int Batch, DeadlineStep Step);

    /// <summary>The date in force of each extended step of this year and the next: the latest extension wins.</summary>
    private async Task<Dictionary<ExtendedStep, DateOnly>> LatestExtensionsAsync(
        DateOnly today, CancellationToken ct) =>
        (await db.DeadlineExtensions.AsNoTracking()
            .Where(e => e.Year == today.Year || e.Year == today.Year + 1)
            .Select(e => new { e.Id, e.RegionId, e.Category, e.HonourTaskId, e.Year, e.Batch, e.Step, e.NewDate })
            .ToListAsync(ct))
        .GroupBy(e => new ExtendedStep(e.RegionId, e.Category, e.HonourTaskId, e.Year, e.Batch, e.Step))
        .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!.NewDate);

    /// <summary>
    /// The regions under the jurisdiction that owe this step (counties submit, cities report) and whose date of it
    /// — the plan's, or the extension granted to them — is 7, 3 or 1 days away, with that date.
    /// </summary>
    private static List<(Region Region, DateOnly Due)> Owing(
        IReadOnlyList<Region> regions, Region jurisdiction,
        Dictionary<ExtendedStep, DateOnly> extensions, SheetKey key, DeadlineStep step, Deadline deadline,
        DateOnly today)
    {
        var level = step == DeadlineStep.Report ? RegionLevel.City : RegionLevel.County;
        DateOnly DueOf(Region r) =>
            extensions.TryGetValue(new(r.Id, key.Category, key.Honour, key.Year, key.Batch, step), out var date)
                ? date : deadline.Date;
        return regions
            .Where(r => r.Level == level && r.IsInSubtreeOf(jurisdiction.Path))
            .Select(r => (Region: r, Due: DueOf(r)))
            .Where(r => DaysBefore.Contains(r.Due.DayNumber - today.DayNumber))
            .ToList();
    }

    /// <summary>
    /// Reminds the counties and cities that have not reported their ledgers of this year or the last of each ledger
    /// deadline 7, 3 or 1 days away (ledgers due the same day in one reminder). Ledgers without a date are never reminded of.
    /// </summary>
    private async Task<int> RemindLedgersAsync(IReadOnlyList<Region> regions, DateOnly today, CancellationToken ct)
    {
        var created = 0;
        foreach (var year in new[] { today.Year - 1, today.Year })
        {
            var reported = (await db.LedgerReports.AsNoTracking().Where(r => r.Year == year && r.ReturnedAtUtc == null).Select(r => r.RegionId).ToListAsync(ct)).ToHashSet();
            var pending = regions.Where(r => !reported.Contains(r.Id)).ToList();
            var deadlines = await ledgerDeadlines.ForManyAsync(pending, year, ct);
            foreach (var region in pending)
            {
                foreach (var due in deadlines[region.Id].Ledgers.Where(l => l.Date is not null).GroupBy(l => l.Date!.Value))
                {
                    var days = due.Key.DayNumber - today.DayNumber;
                    if (!DaysBefore.Contains(days))
                    {
                        continue;
                    }

                    var title = $"{year} 年度台账（{string.Join("、", due.Select(l => l.Title))}）还有 {days} 天报送截止（{due.Key:yyyy-MM-dd}），{region.Name}尚未报送";
                    created += await notifications.NotifyAsync(NotificationTarget.Region(region.Id, Core.Users.UserRole.Clerk, Core.Users.UserRole.Reviewer), title, null,
                        $"/reporting?year={year}", $"ledger-deadline:{region.Id}:{year}:{due.Key:yyyyMMdd}:{days}", ct);
                }
            }
        }

        return created;
    }

    /// <summary>Notifies each owing region that has not submitted or reported yet (a returned sheet is owed).</summary>
    private async Task<int> RemindAsync(
        List<(Region Region, DateOnly Due)> owing, SheetKey key, DeadlineStep step, DateOnly today,
        CancellationToken ct)
    {
        var (category, year, batch, honour) = (key.Category, key.Year, key.Batch, key.Honour);
        var ids = owing.Select(r => r.Region.Id).ToList();
        var done = await db.NominationSheets.AsNoTracking()
            .Where(s => ids.Contains(s.RegionId) && s.Category == category && s.HonourTaskId == honour && s.Year == year && s.Batch == batch && s.Status != SheetStatus.Draft && s.Status != SheetStatus.Returned)
            .Select(s => s.RegionId).ToListAsync(ct);
        var created = 0;
        foreach (var (region, due) in owing.Where(r => !done.Contains(r.Region.Id)))
        {
            var days = due.DayNumber - today.DayNumber;
            var (target, verb) = step == DeadlineStep.Report
                ? (NotificationTarget.ReviewersOf(region.Id), "上报")
                : (NotificationTarget.ClerksOf(region.Id), "提交");
            var title = $"{key.Title}推荐表还有 {days} 天截止（{due:yyyy-MM-dd}），{region.Name}尚未{verb}";
            var subject = OfficeHonour.Is(honour) ? $"honour-{honour}" : category.ToString();
            created += await notifications.NotifyAsync(target, title, null, $"/nominations?{key.Query}",
                $"deadline:{region.Id}:{subject}:{year}:{batch}:{due:yyyyMMdd}:{days}", ct);
        }

        return created;
    }
}
