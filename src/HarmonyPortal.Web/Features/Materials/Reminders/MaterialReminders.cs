using System.Security.Cryptography;
using System.Text;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Notifications;
using HarmonyPortal.Web.Features.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Materials.Reminders;

/// <summary>
/// Reminds each region that owes a material or an indicator figure (<see cref="ExpectedSubmissions"/>) and has not
/// submitted it — nothing sent, only drafts, or returned and not yet resubmitted — when the date in force (the plan's,
/// or the extension granted to the region) is 7, 3 or 1 days away: an in-portal notification to the region's clerks,
/// and an email to the contact of the task's lead unit in that region (<see cref="RuleTask.Lead"/>, e.g. 人社局), or,
/// when that unit has no contact email, to every unit's contact email. Each reminder carries a key per region, task,
/// date and day count: a second run the same day (or a second portal instance) notifies nobody again, and the emails
/// to the contacts go once, recorded in the audit log with the addresses masked.
/// </summary>
public sealed class MaterialReminders(
    HarmonyDbContext db, RuleSetCatalog catalog, NotificationService notifications, EmailOutboxWriter email, NotificationEmail composer, AuditLog audit,
    ILogger<MaterialReminders> logger)
{
    public static readonly int[] DaysBefore = [7, 3, 1];

    /// <summary>Sends today's reminders; returns how many in-portal notifications were created.</summary>
    /// <remarks>
    /// The regions are read once, and each tree's plans and extensions once per year for both kinds: a day without
    /// reminders costs two commands per tree and year (it had cost eight per tree, year and kind: 121 on the demo).
    /// </remarks>
    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.Town)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var roots = regions.Where(r => r.ParentId == null).ToList();
        var created = 0;
        // A task of a year may fall due early in the next one (an annual summary due in January).
        foreach (var year in new[] { today.Year - 1, today.Year, today.Year + 1 })
        {
            foreach (var root in roots)
            {
                var owedInTree = await new ExpectedSubmissions(db, catalog, SystemScope(root))
                    .ForSubtreeAsync(root, regions, year, [TaskKind.Material, TaskKind.Indicator], ct);
                foreach (var kind in new[] { TaskKind.Material, TaskKind.Indicator })
                {
                    var due = owedInTree.Where(e => e.Task.Kind == kind && IsReminderDay(e.Due, today)).ToList();
                    if (due.Count == 0)
                    {
                        continue;
                    }

                    var statuses = await PendingStatusesAsync(due, year, kind, ct);
                    foreach (var owed in due)
                    {
                        var status = statuses.GetValueOrDefault((owed.Region.Id, owed.JurisdictionRegionId, owed.Task.Id));
                        if (status is null or ReviewStatus.Returned)
                        {
                            created += await RemindAsync(owed, year, kind, status, today, ct);
                        }
                    }
                }
            }
        }

        if (created > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Material and indicator reminders for {Today}: {Created} notifications", today, created);
        }

        return created;
    }

    private static bool IsReminderDay(DateOnly? due, DateOnly today) =>
        due is { } d && DaysBefore.Contains(d.DayNumber - today.DayNumber);

    /// <summary>
    /// Each region's status on each task, read from the materials and indicator reports themselves: the materials'
    /// combined status (<see cref="MaterialStatus.OfMaterials"/>), an indicator's latest report's. Absent: nothing sent.
    /// </summary>
    private async Task<Dictionary<(int RegionId, int JurisdictionId, string TaskId), ReviewStatus?>> PendingStatusesAsync(
        IReadOnlyList<ExpectedSubmission> due, int year, TaskKind kind, CancellationToken ct)
    {
        var regionIds = due.Select(e => e.Region.Id).Distinct().ToList();
        if (kind == TaskKind.Material)
        {
            var materials = await db.MaterialSubmissions.AsNoTracking()
                .Where(m => m.Year == year && regionIds.Contains(m.RegionId) && m.Status != ReviewStatus.Draft)
                .Select(m => new { m.RegionId, m.JurisdictionRegionId, m.TaskId, m.Status, m.SubmittedAtUtc, m.DaysLate })
                .ToListAsync(ct);
            return materials.GroupBy(m => (m.RegionId, m.JurisdictionRegionId, m.TaskId))
                .ToDictionary(g => g.Key, g => MaterialStatus.OfMaterials(g.Select(m => (m.Status, m.SubmittedAtUtc, m.DaysLate))).Status);
        }

        var reports = await db.IndicatorReports.AsNoTracking()
            .Where(r => r.Year == year && regionIds.Contains(r.RegionId))
            .Select(r => new { r.Id, r.RegionId, r.JurisdictionRegionId, r.TaskId, r.Status, r.ReportedAtUtc })
            .ToListAsync(ct);
        return reports.GroupBy(r => (r.RegionId, r.JurisdictionRegionId, r.TaskId))
            .ToDictionary(g => g.Key, g => (ReviewStatus?)g.OrderBy(r => r.ReportedAtUtc).ThenBy(r => r.Id).Last().Status);
    }

    private async Task<int> RemindAsync(ExpectedSubmission owed, int year, TaskKind kind, ReviewStatus? status, DateOnly today, CancellationToken ct)
    {
        var due = owed.Due!.Value;
        var days = due.DayNumber - today.DayNumber;
        var region = owed.Region;
        var what = kind == TaskKind.Material ? "材料" : "指标数据";
        var state = status == ReviewStatus.Returned ? "已被退回、尚未重新提交" : "尚未提交";
        var title = Fit($"{year} 年度{what}“{owed.Task.Name}”还有 {days} 天截止（{due:yyyy-MM-dd}），{region.Name}{state}");
        var body = $"{region.Name}：{year} 年度{what}“{owed.Task.Name}”（{owed.JurisdictionName}）报送期限 {owed.DueText}，{state}。牵头单位：{owed.Task.Lead}。";
        var link = LinkFor(kind, region.Id, year);
        var key = $"task-deadline:{region.Id}:{owed.JurisdictionRegionId}:{owed.Task.Id}:{year}:{due:yyyyMMdd}:{days}";

        var created = await notifications.NotifyAsync(NotificationTarget.ClerksOf(region.Id), title, body, link, key, ct);
        await EmailContactsAsync(region, owed.Task.Lead, title, body, link, key, ct);
        return created;
    }

    /// <summary>Where the region's clerks submit: the materials page, or the indicators page (the same for everyone).</summary>
    public static string LinkFor(TaskKind kind, int regionId, int year) =>
        (kind == TaskKind.Material ? "/materials" : "/indicators") + $"?regionId={regionId}&year={year}";

    /// <summary>
    /// Emails the contacts once per reminder key: the lead unit's contact when it has an address, else every unit's.
    /// The audit entry, saved with the emails, marks the key as done; with the email channel off nothing is recorded.
    /// </summary>
    private async Task EmailContactsAsync(Region region, string lead, string title, string body, string link, string key, CancellationToken ct)
    {
        if (!email.Enabled)
        {
            return;
        }

        var units = await db.MemberUnits.AsNoTracking().Where(u => u.RegionId == region.Id && u.IsActive && u.ContactEmail != null)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id).ToListAsync(ct);
        var reachable = units.Where(u => EmailAddress.IsValid(u.ContactEmail)).ToList();
        var to = (LeadUnit(reachable, lead) is { } leadUnit ? [leadUnit] : reachable).DistinctBy(u => u.ContactEmail!.Trim().ToUpperInvariant()).ToList();
        if (to.Count == 0)
        {
            return;
        }

        var objectId = AuditKey(key);
        if (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.Action == AuditActions.TaskReminderEmailed && a.ObjectType == "task-reminder" && a.ObjectId == objectId, ct))
        {
            return;
        }

        audit.Add(AuditActions.TaskReminderEmailed, AuditOutcome.Success, "task-reminder", objectId,
            $"{title}；发送至 {string.Join("、", to.Select(u => $"{u.ShortName} {EmailAddress.Mask(u.ContactEmail)}"))}", regionId: region.Id);
        foreach (var unit in to)
        {
            var greeting = unit.ContactName is { Length: > 0 } name ? $"{name}（{unit.ShortName}）：您好！\n\n" : $"{unit.ShortName}联系人：您好！\n\n";
            email.Add(composer.Compose(unit.ContactEmail!.Trim(), title, greeting + body, link), region.Id);
        }

        await db.SaveChangesAsync(ct); // the audit entry and the emails in the outbox: both or neither
    }

    /// <summary>
    /// The unit the plan names as lead: by its short name as the notices spell it (市人社局 → 人社局), else by party, since a
    /// plan's 人社局 is the 人社厅 of a province.
    /// </summary>
    private static MemberUnit? LeadUnit(IReadOnlyList<MemberUnit> units, string lead) =>
        MemberUnits.Named(units, lead)
        ?? units.FirstOrDefault(u => u.Kind is { } party && Enum.GetValues<RegionLevel>().Any(level => party.ShortNameAt(level) == lead.Trim()));

    /// <summary>The reminder key as an audit object id (64 characters at most): itself when short, else its hash.</summary>
    private static string AuditKey(string key) =>
        key.Length <= 64 ? key : "h:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..62];

    private static string Fit(string title) =>
        title.Length <= Core.Notifications.Notification.TitleMaxLength ? title : title[..(Core.Notifications.Notification.TitleMaxLength - 1)] + "…";

    /// <summary>The job reads a whole tree as its root's reviewers would; it writes nothing but reminders.</summary>
    private static UserScope SystemScope(Region root) =>
        new("system", "system", root.Id, root.Path, root.Level, root.Name, null, "", UserRole.Reviewer);
}
