using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Reporting;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Ledgers;
using Microsoft.EntityFrameworkCore;
using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Web.Features.Reporting;

/// <summary>
/// The roll-up page of one region and year: its own report, and for each region directly below it (towns
/// skipped) reported or not, when, on time or late, and rows per ledger; any region of the user's subtree.
/// </summary>
public sealed class ReportingPageService(
    HarmonyDbContext db, UserScope scope, ReportingDeadlines deadlines, LedgerRollup rollups, Offices.UnitContacts.UnitContactService contacts, TimeProvider clock)
{
    public async Task<ReportingPage> PageAsync(int? regionId, int? year, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var y = Core.Input.PortalYears.Checked(year, today);

        var region = await ReportingAccess.RegionInScopeAsync(db, scope, regionId ?? scope.RegionId, ct);
        var children = await db.Regions.AsNoTracking()
            .Where(r => r.ParentId == region.Id && r.Level != RegionLevel.Town)
            .Where(Region.OpenIn(y)) // 应报送: a region closed in or before the year is no longer expected to report
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .ToListAsync(ct);
        await RegionNames.ApplyYearAsync(db, children.Prepend(region), y, ct);
        return await PageAsync(region, children, y, today, ct);
    }

    /// <summary>
    /// The page of a region in the user's scope and the regions directly below it open in the year (towns skipped),
    /// both already read with the year's names (the dashboard's reporting card).
    /// </summary>
    public Task<ReportingPage> PageAsync(Region region, IEnumerable<Region> children, int year, CancellationToken ct) =>
        PageAsync(region, children.OrderBy(r => r.SortOrder).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(), year,
            DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);

    private async Task<ReportingPage> PageAsync(
        Region region, List<Region> children, int y, DateOnly today, CancellationToken ct)
    {
        var regions = children.Prepend(region).ToList();
        var ids = regions.Select(r => r.Id).ToList();
        var reports = await db.LedgerReports.AsNoTracking()
            .Where(r => r.Year == y && ids.Contains(r.RegionId))
            .ToListAsync(ct);
        var deadlineOf = await deadlines.ForManyAsync(regions, y, ct);
        var rollup = await rollups.ForSubtreeAsync(region.Path, y, ct);
        var liveCounts = LedgerRowCounts.ForSubtrees(rollup, regions);

        RegionReportStatus StatusOf(Region r)
        {
            var own = reports.Where(x => x.RegionId == r.Id).ToList();
            var live = own.SingleOrDefault(x => x.IsLive);
            var returned = own.Where(x => !x.IsLive).MaxBy(x => x.ReturnedAtUtc);
            // A report keeps the deadlines in force when it was made; lateness per ledger by the day of the report, or by today.
            var deadline = live is null ? deadlineOf[r.Id] : deadlineOf[r.Id].AsStored(live.LedgerDeadlines, live.Deadline);
            var day = live is null ? today : DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(live.ReportedAtUtc, DateTimeKind.Utc), clock.LocalTimeZone));
            var perLedger = deadline.Ledgers.Select(l => new LedgerLateness(l, l.DaysLateOn(day), live is not null)).ToList();
            var counts = live is null ? liveCounts[r.Id] : LedgerRowCounts.FromJson(live.RowCounts);
            return new RegionReportStatus(r.Id, r.Name, r.Code, r.Level, deadline,
                live is null ? null : new ReportView(Local(live.ReportedAtUtc), live.ReportedByName, live.IsLate, live.DaysLate, deadline.IsNone),
                live is null && returned is not null ? new ReturnView(Local(returned.ReturnedAtUtc!.Value), returned.ReturnedByName ?? "", returned.ReturnReason ?? "") : null,
                LedgerRowCounts.Describe(counts), live is not null, deadline.DaysLateOn(today),
                ReportingAccess.CanReturn(scope, r), r.Level == RegionLevel.City) { PerLedger = perLedger };
        }

        var parent = region.Id != scope.RegionId && region.ParentId is { } parentId
            ? await db.Regions.AsNoTracking().InScope(scope).Where(r => r.Id == parentId).Select(r => new { r.Id, r.Name }).SingleOrDefaultAsync(ct)
            : null;
        var years = LedgerQueryService.YearChoices(today.Year);
        var rows = children.Select(StatusOf).ToList();
        return new ReportingPage(
            y,
            years.Contains(y) ? years : [.. years.Append(y).OrderDescending()],
            StatusOf(region),
            rows,
            ReportingAccess.CanReport(scope, region),
            ReportingAccess.Reports(region.Level),
            parent?.Id,
            parent?.Name)
        {
            Contacts = await contacts.ForRegionsAsync(rows.Where(c => c.IsOverdue).Select(c => c.RegionId).ToList(), ct),
            Unconfirmed = LedgerRowCounts.Describe(Core.Ledgers.Definitions.LedgerCatalog.All.ToDictionary(l => l.Key, l => rollup.UnconfirmedOfSubtree(l.Key, region.Path))),
        };
    }

    private string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record ReportView(string ReportedAt, string ReportedBy, bool IsLate, int DaysLate, bool NoDeadline = false)
{
    public string Timeliness => NoDeadline ? "无报送期限" : IsLate ? $"逾期 {DaysLate} 天" : "按时";
}

/// <summary>One ledger's deadline and how late the region is for it: by its report's day when reported, else by today.</summary>
public sealed record LedgerLateness(LedgerDeadline Deadline, int DaysLate, bool Reported)
{
    public string Text => Deadline.Date is null ? "不计逾期"
        : Reported ? (DaysLate > 0 ? $"逾期 {DaysLate} 天" : "按时")
        : DaysLate > 0 ? $"已超过期限 {DaysLate} 天" : "未到期";
}

public sealed record ReturnView(string ReturnedAt, string ReturnedBy, string Reason);

/// <summary>One region's state for the year: its live report if any, the last return if not, and its rows per ledger.</summary>
public sealed record RegionReportStatus(
    int RegionId,
    string Name,
    string Code,
    RegionLevel Level,
    ReportingDeadline Deadline,
    ReportView? Report,
    ReturnView? LastReturn,
    IReadOnlyList<LedgerCount> Rows,
    bool RowsAreSnapshot,
    int DaysPastDeadline,
    bool CanReturn,
    bool CanDrillDown)
{
    public int TotalRows => Rows.Sum(r => r.Count);

    /// <summary>Each ledger's deadline and lateness (the ledgers are reported together, each due on its own date).</summary>
    public IReadOnlyList<LedgerLateness> PerLedger { get; init; } = [];

    public string PendingText => DaysPastDeadline > 0 ? $"未报送，已超过期限 {DaysPastDeadline} 天" : "未报送";

    /// <summary>Not reported and past its deadline: the level above sees the region's member-unit contacts beside it.</summary>
    public bool IsOverdue => Report is null && DaysPastDeadline > 0;
}

public sealed record ReportingPage(
    int Year,
    IReadOnlyList<int> Years,
    RegionReportStatus Own,
    IReadOnlyList<RegionReportStatus> Children,
    bool CanReport,
    bool OwnLevelReports,
    int? ParentRegionId,
    string? ParentRegionName)
{
    public int Expected => Children.Count;

    public int Reported => Children.Count(c => c.Report is not null);

    public int OnTime => Children.Count(c => c.Report is { IsLate: false, NoDeadline: false });

    /// <summary>Reported where no plan sets a deadline: neither on time nor late.</summary>
    public int WithoutDeadline => Children.Count(c => c.Report is { NoDeadline: true });

    public int Late => Children.Count(c => c.Report is { IsLate: true });

    /// <summary>Reported share rounded down to the 5 % steps of site.css's .pct-* classes.</summary>
    public int PercentStep => Expected == 0 ? 100 : Reported * 100 / Expected / 5 * 5;

    public IEnumerable<string> NotReported => Children.Where(c => c.Report is null).Select(c => c.Name);

    public string ChildLevelName => Own.Level == RegionLevel.Province ? "市" : "县（市、区）";

    /// <summary>Carried-forward rows still to confirm (待复核) per ledger in the region and below: not counted, not sent.</summary>
    public IReadOnlyList<LedgerCount> Unconfirmed { get; init; } = [];

    public int TotalUnconfirmed => Unconfirmed.Sum(u => u.Count);

    /// <summary>The member-unit contacts of the overdue regions below.</summary>
    public Offices.UnitContacts.UnitContactBook Contacts { get; init; } = Offices.UnitContacts.UnitContactBook.Empty;
}
