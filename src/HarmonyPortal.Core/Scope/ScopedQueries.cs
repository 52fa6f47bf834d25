using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Users;

namespace HarmonyPortal.Core.Scope;

/// <summary>
/// The scoped query layer: every feature reads through these filters, so a record outside the
/// user's subtree is invisible everywhere in the same way (and answers 404 like a missing one).
/// </summary>
public static class ScopedQueries
{
    public static IQueryable<Region> InScope(this IQueryable<Region> regions, UserScope scope) =>
        regions.Where(r => r.Path.StartsWith(scope.RegionPath));

    public static IQueryable<AppUser> InScope(this IQueryable<AppUser> users, UserScope scope) =>
        users.Where(u => u.Region.Path.StartsWith(scope.RegionPath));

    public static IQueryable<TRow> InScope<TRow>(this IQueryable<TRow> rows, UserScope scope)
        where TRow : Ledgers.LedgerRow =>
        rows.Where(r => r.Region.Path.StartsWith(scope.RegionPath));

    public static IQueryable<Ledgers.DeletedLedgerRow> InScope(this IQueryable<Ledgers.DeletedLedgerRow> rows, UserScope scope) =>
        rows.Where(r => r.Region.Path.StartsWith(scope.RegionPath));

    public static IQueryable<MemberUnit> InScope(this IQueryable<MemberUnit> units, UserScope scope) =>
        units.Where(p => p.Region.Path.StartsWith(scope.RegionPath));

    public static IQueryable<Materials.MaterialSubmission> InScope(this IQueryable<Materials.MaterialSubmission> materials, UserScope scope) =>
        materials.Where(m => m.Region.Path.StartsWith(scope.RegionPath));

    public static IQueryable<Indicators.IndicatorReport> InScope(this IQueryable<Indicators.IndicatorReport> reports, UserScope scope) =>
        reports.Where(r => r.Region.Path.StartsWith(scope.RegionPath));

    public static IQueryable<Notifications.EmailOutbox> InScope(this IQueryable<Notifications.EmailOutbox> emails, UserScope scope) =>
        emails.Where(e => e.Region.Path.StartsWith(scope.RegionPath));

    /// <summary>The regions of a subtree inside the user's (the root itself included): what a reviewer's or a roll-up's table lists.</summary>
    public static IQueryable<Region> InSubtreeOf(this IQueryable<Region> regions, Region root, UserScope scope) =>
        regions.InScope(scope).Where(r => r.Path.StartsWith(root.Path));

    /// <summary>Audit rows of the user's subtree; rows without a region (failed logins) are province-wide.</summary>
    public static IQueryable<AuditEntry> InScope(this IQueryable<AuditEntry> entries, IQueryable<Region> regions, UserScope scope)
    {
        var visible = regions.InScope(scope).Select(r => (int?)r.Id);
        return entries.Where(e => visible.Contains(e.RegionId));
    }
}
