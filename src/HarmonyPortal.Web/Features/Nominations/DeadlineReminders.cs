using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
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
    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        var jurisdictions = await db.RuleSetVersions.AsNoTracking().Select(v => v.RegionId).Distinct().ToListAsync(ct);
        var created = 0;
        foreach (var (regionId, version) in (await catalog.InForceAsync(jurisdictions, today.Year, ct)).Concat(await catalog.InForceAsync(jurisdictions, today.Year + 1, ct)).DistinctBy(p => p.Value.Id))
        {
            var set = RuleSetCatalog.Parse(version);
            var jurisdiction = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == regionId, ct);
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
                        created += await RemindAsync(jurisdiction, key, step, deadline, today, ct);
                    }
                }
            }
        }

        created += await RemindLedgersAsync(today, ct);
        if (created > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Deadline reminders for {Today}: {Created} notifications", today, created);
        }

        return created;
    }

    /// <summary>
    /// Reminds the counties and cities that have not reported their ledgers of this year or the last of each ledger
    /// deadline 7, 3 or 1 days away (ledgers due the same day in one reminder). Ledgers without a date are never reminded of.
    /// </summary>
    private async Task<int> RemindLedgersAsync(DateOnly today, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.City).ToListAsync(ct);
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

    private async Task<int> RemindAsync(Region jurisdiction, SheetKey key, DeadlineStep step, Deadline deadline, DateOnly today, CancellationToken ct)
    {
        var (category, year, batch, honour) = (key.Category, key.Year, key.Batch, key.Honour);
        var level = step == DeadlineStep.Report ? RegionLevel.City : RegionLevel.County;
        var regions = await db.Regions.AsNoTracking()
            .InSubtreeOf(jurisdiction.Path).Where(r => r.Level == level)
            .Select(r => new { r.Id, r.Name, r.Level }).ToListAsync(ct);
        var ids = regions.Select(r => r.Id).ToList();
        var done = await db.NominationSheets.AsNoTracking()
            .Where(s => ids.Contains(s.RegionId) && s.Category == category && s.HonourTaskId == honour && s.Year == year && s.Batch == batch && s.Status != SheetStatus.Draft && s.Status != SheetStatus.Returned)
            .Select(s => s.RegionId).ToListAsync(ct);
        var extended = await db.DeadlineExtensions.LatestByRegionAsync(ids, category, year, batch, step, ct, honour);
        var created = 0;
        foreach (var region in regions.Where(r => !done.Contains(r.Id)))
        {
            var due = extended.TryGetValue(region.Id, out var date) ? date : deadline.Date;
            var days = due.DayNumber - today.DayNumber;
            if (!DaysBefore.Contains(days))
            {
                continue;
            }

            var (target, verb) = region.Level == RegionLevel.City
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
