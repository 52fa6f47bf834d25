using System.Globalization;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Audit.Viewer;

/// <summary>One entry as the viewer shows it: local time, the region's name, personal data masked.</summary>
public sealed record AuditRow(long Id, string At, string? UserName, string? Region, string? IpAddress, string Action, AuditOutcome Outcome,
    string? ObjectType, string? ObjectId, string? Details);

public sealed record AuditPage(AuditFilter Filter, IReadOnlyList<AuditRow> Rows, int Total, int Pages, IReadOnlyList<RegionOption> Regions,
    IReadOnlyList<string> Actions, IReadOnlyList<(string Field, string Message)> Errors, int RetentionDays);

/// <summary>
/// The audit log viewer (审计日志, ADR 0020): entries of the reader's region subtree only, filtered by time, user,
/// region, action, outcome and object, newest first. Every read and every export is itself an audit entry.
/// </summary>
public sealed class AuditViewer(HarmonyDbContext db, UserScope scope, AuditLog audit, TimeProvider clock, AuditRetention retention)
{
    public const int PageSize = 50;

    /// <summary>The most rows one export holds; a larger result is refused with a request to narrow the filter.</summary>
    public const int ExportLimit = 50_000;

    public async Task<AuditPage> PageAsync(AuditFilter filter, CancellationToken ct)
    {
        var errors = filter.Check();
        var regions = await RegionOptionsAsync(ct);
        if (errors.Count > 0)
        {
            return new AuditPage(filter, [], 0, 0, regions, KnownActions, errors, retention.Days);
        }

        var query = await QueryAsync(filter, ct);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await RowsAsync(query.Skip((page - 1) * PageSize).Take(PageSize), ct);
        audit.Add(AuditActions.AuditViewed, AuditOutcome.Success, "audit-log", null, $"{filter.Describe()} page={page} rows={rows.Count}/{total}");
        await db.SaveChangesAsync(ct);
        return new AuditPage(filter with { Page = page }, rows, total, pages, regions, KnownActions, [], retention.Days);
    }

    /// <summary>The filtered entries for the export, or null when there are more than <see cref="ExportLimit"/>.</summary>
    public async Task<IReadOnlyList<AuditRow>?> ExportRowsAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = await QueryAsync(filter, ct);
        var rows = await RowsAsync(query.Take(ExportLimit + 1), ct);
        var refused = rows.Count > ExportLimit;
        audit.Add(AuditActions.AuditExported, refused ? AuditOutcome.Failure : AuditOutcome.Success, "audit-log", null,
            $"{filter.Describe()} rows={(refused ? $">{ExportLimit}" : rows.Count.ToString(CultureInfo.InvariantCulture))}");
        await db.SaveChangesAsync(ct);
        return refused ? null : rows;
    }

    /// <summary>The scoped, filtered query, newest first. A region outside the reader's subtree answers 404.</summary>
    private async Task<IQueryable<Core.Audit.AuditEntry>> QueryAsync(AuditFilter filter, CancellationToken ct)
    {
        var visible = db.Regions.AsNoTracking();
        if (filter.RegionId is { } regionId)
        {
            var root = await db.Regions.AsNoTracking().InScope(scope).Where(r => r.Id == regionId).Select(r => r.Path).SingleOrDefaultAsync(ct)
                ?? throw new OutOfScopeException();
            visible = visible.InSubtreeOf(root);
        }

        var query = db.AuditEntries.AsNoTracking().InScope(visible, scope);
        var zone = clock.LocalTimeZone;
        if (filter.From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
            query = query.Where(a => a.AtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            query = query.Where(a => a.AtUtc < end);
        }

        if (Trimmed(filter.User) is { } user)
        {
            query = query.Where(a => a.UserName != null && a.UserName.Contains(user));
        }

        if (Trimmed(filter.Action) is { } action)
        {
            query = query.Where(a => a.Action.StartsWith(action));
        }

        if (filter.Outcome is { } outcome)
        {
            query = query.Where(a => a.Outcome == outcome);
        }

        if (Trimmed(filter.Target) is { } target)
        {
            var colon = target.LastIndexOf(':');
            if (colon > 0 && colon < target.Length - 1)
            {
                var (type, id) = (target[..colon], target[(colon + 1)..]);
                query = query.Where(a => a.ObjectType == type && a.ObjectId == id);
            }
            else
            {
                var bare = target.Trim(':');
                query = query.Where(a => a.ObjectType == bare || a.ObjectId == bare);
            }
        }

        return query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id);
    }

    private async Task<List<AuditRow>> RowsAsync(IQueryable<Core.Audit.AuditEntry> query, CancellationToken ct)
    {
        var entries = await query
            .Select(a => new { a.Id, a.AtUtc, a.UserName, Region = db.Regions.Where(r => r.Id == a.RegionId).Select(r => r.Name).FirstOrDefault(),
                a.IpAddress, a.Action, a.Outcome, a.ObjectType, a.ObjectId, a.Details })
            .ToListAsync(ct);
        var zone = clock.LocalTimeZone;
        // Details are masked when written; masked again here so that no entry, however old, shows an ID number or a phone in full.
        return entries.Select(a => new AuditRow(a.Id,
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(a.AtUtc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            a.UserName, a.Region, a.IpAddress, a.Action, a.Outcome, a.ObjectType, Masked(a.ObjectId), Masked(a.Details))).ToList();
    }

    private async Task<IReadOnlyList<RegionOption>> RegionOptionsAsync(CancellationToken ct) =>
        (await db.Regions.AsNoTracking().InScope(scope).Where(r => r.Level != RegionLevel.Town)
            .OrderBy(r => r.Path).Select(r => new { r.Id, r.Name, r.Level }).ToListAsync(ct))
        .Select(r => new RegionOption(r.Id, r.Name, Math.Max(0, (int)r.Level - (int)scope.RegionLevel))).ToList();

    private static string? Masked(string? text) => text is null ? null : PersonalDataMaskingEnricher.Mask(text);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The names of the audited events, offered as suggestions in the action field.</summary>
    public static IReadOnlyList<string> KnownActions { get; } = typeof(AuditActions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
        .Concat(Enum.GetValues<Core.Nominations.WorkflowAction>().Select(AuditActions.Sheet)).Distinct().Order(StringComparer.Ordinal).ToList();
}
