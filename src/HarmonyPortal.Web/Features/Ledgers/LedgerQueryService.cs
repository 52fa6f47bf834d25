using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>Read side of the ledgers: counts, list pages, details (with the audited full ID number) and history.</summary>
public sealed class LedgerQueryService(
    HarmonyDbContext db,
    UserScope scope,
    PersonalDataProtector protector,
    LedgerWriteService writer,
    AuditLog audit,
    Core.Rules.EligibilityService eligibility,
    RecycleBin.LedgerRecycleBin recycleBin,
    RegionSubtreeCache subtrees)
{
    public int CurrentYear => writer.Today.Year;

    public static IReadOnlyList<int> YearChoices(int current) => Core.Input.PortalYears.Choices(new DateOnly(current, 1, 1));

    public async Task<LedgerIndexViewModel> IndexAsync(int? year, CancellationToken ct)
    {
        var y = Core.Input.PortalYears.Checked(year, writer.Today);
        var counts = new List<(ILedgerDefinition, int)>();
        foreach (var definition in LedgerCatalog.All)
        {
            counts.Add((definition, await definition.Rows(db).InScope(scope).CountAsync(r => r.Year == y, ct)));
        }

        return new LedgerIndexViewModel(y, YearChoices(CurrentYear), counts, scope.CanWriteRecordsOf(scope.RegionId));
    }

    public async Task<LedgerListViewModel> ListAsync(ILedgerDefinition definition, LedgerListQuery query, CancellationToken ct)
    {
        query.Check(definition, writer.Today);

        // One connection for the page's queries, the layout's unread count included (issue 21): EF otherwise opens and
        // closes it around each query, and SQLite registers EF's functions on the connection at every opening. It is
        // closed when the request's context goes back to the pool.
        await db.Database.OpenConnectionAsync(ct);

        // The region filter's options and the unfiltered list's total come from one query (issue 21).
        var regions = await LedgerListRegions.LoadAsync(db, subtrees, scope, definition, query.Year!.Value, ct);
        var tree = regions.Tree;
        EnsureRegionFilterInScope(tree, query);
        await regions.CountAsync(db, definition, query, ct);

        // An 18-character query in a person ledger is an ID number: looked up by its keyed hash, but only among the rows
        // whose numbers the user sees in full (its own region's), within a limit per hour, and audited without the number.
        // Rows of the regions below show the number masked, so a search there would confirm guesses of the hidden digits.
        IReadOnlyList<string>? hash = null;
        string? note = null;
        IQueryable<LedgerRow> rows = definition.Rows(db).InScope(scope);
        query.AllowPhoneSearchIn(scope.RegionId);
        if (query.SearchesByName && definition.HasIdNumber && IdNumber.TryParse(query.Q, writer.Today, out var id, out _))
        {
            note = await writer.Lookups.SearchRefusalAsync(ct);
            hash = note is null ? protector.Hashes(id!.Normalized) : [new string('-', 64)]; // refused: a hash no row has
            rows = rows.Where(r => r.RegionId == scope.RegionId);
        }

        var found = await definition.ListAsync(rows, query, hash, ct);
        // Counted over the rows only when the counters cannot answer (a filter) and the first page is not the whole result.
        var total = regions.TotalFor(query, hash is not null)
            ?? (query.AfterId is null && found.Count <= LedgerListQuery.PageSize ? found.Count : await definition.Filter(rows, query, hash).CountAsync(ct));
        if (hash is not null)
        {
            await writer.Lookups.RecordSearchAsync(definition, refused: note is not null, found.Count, ct);
            note ??= $"按身份证号码只查找本地区（{scope.RegionName}）登记的记录；下级地区的记录显示为脱敏号码，请按姓名查找。";
        }
        else if (query.By == LedgerSearch.ByPhone && !string.IsNullOrWhiteSpace(query.Q))
        {
            note = $"按联系电话只查找本地区（{scope.RegionName}）登记的记录；下级地区的记录电话号码脱敏显示，请按姓名或工作单位查找。";
        }

        var hasNext = found.Count > LedgerListQuery.PageSize;
        var canWrite = scope.CanWriteRecordsOf(scope.RegionId);
        var listYear = query.Year!.Value;
        return new LedgerListViewModel(definition, query, found.Take(LedgerListQuery.PageSize).ToList(), hasNext,
            RegionOption.DrillDown(tree, query.RegionId), YearChoices(CurrentYear), canWrite)
        {
            SearchNote = note,
            Total = total,
            LockNote = canWrite ? await writer.LockRefusalAsync(scope.RegionId, listYear, ct) : null,
            Unconfirmed = canWrite ? await definition.Rows(db).CountAsync(r => r.RegionId == scope.RegionId && r.Year == listYear && r.Status == LedgerRowStatus.NeedsReview, ct) : 0,
        };
    }

    /// <summary>A region filter naming a region outside the user's subtree answers 404, as a missing record does.</summary>
    public static void EnsureRegionFilterInScope(RegionNode tree, LedgerListQuery query)
    {
        if (query.RegionId is { } regionId && tree.SelfAndDescendants().All(n => n.Id != regionId))
        {
            throw new OutOfScopeException();
        }
    }

    public async Task<LedgerDetailsViewModel> DetailsAsync(ILedgerDefinition definition, long id, bool reveal, CancellationToken ct)
    {
        // Only users of the owning region may see the full ID number, and each view is audited.
        var row = await writer.FindAsync(definition, id, unseal: true, ct);
        var mayReveal = definition.HasIdNumber && row.RegionId == scope.RegionId;
        var revealed = reveal && mayReveal;
        if (revealed)
        {
            await audit.RecordAsync(AuditActions.LedgerIdNumberViewed, AuditOutcome.Success, LedgerWriteService.AuditType(definition),
                row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), regionId: row.RegionId, ct: ct);
        }

        var own = row.RegionId == scope.RegionId;
        var values = definition.Fields
            .Select(f => (f, LedgerSnapshot.ForViewer(f, FieldValues.Format(f, f.Get(row)), f.Kind == FieldKind.IdNumber ? revealed : own)))
            .ToList();
        return new LedgerDetailsViewModel(definition, row, values, scope.CanWriteRecordsOf(row.RegionId), mayReveal, revealed,
            await eligibility.CardAsync(row, ct));
    }

    public async Task<LedgerFormViewModel> EditFormAsync(ILedgerDefinition definition, long id, CancellationToken ct)
    {
        var row = await writer.FindAsync(definition, id, unseal: true, ct);
        if (!scope.CanWriteRecordsOf(row.RegionId))
        {
            throw new WriteForbiddenException();
        }

        if (definition.HasIdNumber)
        {
            // The edit form carries the full number: a view like the details page's reveal, audited the same way.
            await audit.RecordAsync(AuditActions.LedgerIdNumberViewed, AuditOutcome.Success, LedgerWriteService.AuditType(definition),
                row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "edit-form", regionId: row.RegionId, ct: ct);
        }

        var values = definition.Fields.ToDictionary(f => f.Key, f => (string?)FieldValues.Format(f, f.Get(row)));
        return new LedgerFormViewModel(definition, values, [], row.Year, row.Id, row.Version, row.Region.Name)
        {
            Units = await writer.UnitChoicesAsync(row.RegionId, row.UnitId, ct),
            Towns = await TownsAsync(definition, row.RegionId, row.Year, ct),
        };
    }

    /// <summary>The registered towns the form's 所属乡镇街道（园区） picks from; empty (free text) when none or the ledger has no such field.</summary>
    public async Task<IReadOnlyList<string>> TownsAsync(ILedgerDefinition definition, int regionId, int year, CancellationToken ct) =>
        definition.Fields.Any(f => f.Key == TownRegister.FieldKey) ? await TownRegister.NamesAsync(db, regionId, year, ct) : [];

    public async Task<LedgerHistoryViewModel> HistoryAsync(ILedgerDefinition definition, long id, CancellationToken ct)
    {
        // A deleted row's history stays reachable while the row is in the recycle bin.
        var deleted = await definition.Rows(db).InScope(scope).AnyAsync(r => r.Id == id, ct) ? null : await recycleBin.FindDeletedAsync(definition, id, ct);
        var row = deleted?.Row ?? await writer.FindAsync(definition, id, unseal: false, ct);
        var objectId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var type = LedgerWriteService.AuditType(definition);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ObjectType == type && e.ObjectId == objectId)
            .OrderByDescending(e => e.Id)
            .Take(200)
            .ToListAsync(ct);
        return new LedgerHistoryViewModel(definition, row, entries.Select(e => (e, LedgerSnapshot.ParseChanges(e.Details))).ToList()) { Deleted = deleted?.Entry };
    }
}
