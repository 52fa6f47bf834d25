using System.Globalization;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers.RecycleBin;

/// <summary>
/// Deleting a ledger row moves it to its ledger's recycle bin (回收站); the clerk of the row's region restores it from
/// there until the retention ends. The row leaves its table (so it counts nowhere and blocks no new row of the same
/// identity); restoring puts it back with its id, so its 修改记录 continues. Both steps are audited on that history.
/// </summary>
public sealed class LedgerRecycleBin(
    HarmonyDbContext db, UserScope scope, LedgerWriteService writer, PersonalDataProtector protector, AuditLog audit, TimeProvider clock, RecycleBinOptions options)
{
    public const string ReasonHeader = "删除原因";

    public RecycleBinOptions Options => options;

    public DateOnly Today => writer.Today;

    /// <summary>The row the confirmation page shows (404 outside the scope, 403 for anyone but the clerk of its region).</summary>
    public async Task<LedgerRow> FindForDeleteAsync(ILedgerDefinition definition, long id, CancellationToken ct)
    {
        var row = await writer.FindAsync(definition, id, unseal: false, ct);
        EnsureCanWrite(row.RegionId);
        return row;
    }

    /// <summary>Moves the row to the recycle bin; null when done, else why not (in Chinese).</summary>
    public async Task<string?> DeleteAsync(ILedgerDefinition definition, long id, int version, string? reason, CancellationToken ct)
    {
        var row = await writer.FindAsync(definition, id, unseal: true, ct);
        EnsureCanWrite(row.RegionId);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > DeletedLedgerRow.ReasonMaxLength)
        {
            return $"{ReasonHeader}：不能超过 {DeletedLedgerRow.ReasonMaxLength} 字";
        }

        if (await writer.LockRefusalAsync(row.RegionId, row.Year, ct) is { } locked)
        {
            return locked;
        }

        if (await definition.CannotDeleteAsync(db, row, ct) is { } refusal)
        {
            return refusal;
        }

        if (Core.Rules.RuleSetCatalog.CategoryOf(row) is { } category && await db.Nominations.AnyAsync(n => n.Category == category && n.LedgerRowId == row.Id, ct))
        {
            return "该记录已在金牌选树推荐中，不能删除；如需删除，请先将其移出推荐表。";
        }

        var before = LedgerSnapshot.Of(definition, row);
        var values = LedgerRowValues.Capture(db, row);
        db.Entry(row).Property(r => r.Version).OriginalValue = version;
        db.Remove(row);
        db.DeletedLedgerRows.Add(new DeletedLedgerRow
        {
            Ledger = definition.Key,
            RowId = row.Id,
            RegionId = row.RegionId,
            Year = row.Year,
            Name = row.Name,
            Values = values,
            DeletedAtUtc = clock.GetUtcNow().UtcDateTime,
            DeletedByUserId = scope.UserId,
            DeletedBy = scope.UserName,
            Reason = reason,
        });
        var after = reason is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [ReasonHeader] = reason };
        audit.Add(AuditActions.LedgerDeleted, AuditOutcome.Success, LedgerWriteService.AuditType(definition), Id(row.Id), LedgerSnapshot.Changes(before, after), regionId: row.RegionId);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return "该记录已被他人修改或删除，请刷新后再试。";
        }
    }

    /// <summary>The ledger's deleted rows of the user's subtree for a year, newest first.</summary>
    public async Task<RecycleBinViewModel> ListAsync(ILedgerDefinition definition, int year, CancellationToken ct)
    {
        var entries = await db.DeletedLedgerRows.AsNoTracking().InScope(scope).Include(r => r.Region)
            .Where(r => r.Ledger == definition.Key && r.Year == year)
            .OrderByDescending(r => r.DeletedAtUtc).ThenByDescending(r => r.Id)
            .Take(500)
            .ToListAsync(ct);
        return new RecycleBinViewModel(definition, year, LedgerQueryService.YearChoices(writer.Today.Year), options.Days,
            entries.Select(e => new RecycleBinItem(e, options.ExpiresAtUtc(e.DeletedAtUtc), scope.CanWriteRecordsOf(e.RegionId))).ToList());
    }

    /// <summary>Puts the row back (the clerk of its region only, within the retention, its identity still free); returns its id or why not.</summary>
    public async Task<(long RowId, string? Refusal)> RestoreAsync(ILedgerDefinition definition, long entryId, CancellationToken ct)
    {
        var entry = await db.DeletedLedgerRows.InScope(scope).Include(r => r.Region)
            .SingleOrDefaultAsync(r => r.Id == entryId && r.Ledger == definition.Key, ct) ?? throw new OutOfScopeException();
        EnsureCanWrite(entry.RegionId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (options.ExpiresAtUtc(entry.DeletedAtUtc) <= now)
        {
            return (entry.RowId, $"“{entry.Name}”已超过回收站保留期限（{options.Days} 天），不能恢复");
        }

        var row = LedgerRowValues.Rebuild(db, definition, entry.Values);
        if (row.RegionId != entry.RegionId)
        {
            // The row's region was merged into another after the delete: the row comes back where its region went.
            var units = await Core.Regions.RegionMerge.UnitMapAsync(db, row.RegionId, entry.RegionId, ct);
            row.UnitId = row.UnitId is { } unit && units.TryGetValue(unit, out var mapped) ? mapped : null;
            row.RegionId = entry.RegionId;
        }

        if (await writer.LockRefusalAsync(row.RegionId, row.Year, ct) is { } locked)
        {
            return (entry.RowId, locked);
        }

        if (row is PersonRow person)
        {
            // Sealed afresh under the current algorithm and key (ADR 0022), and checked under every algorithm's hash.
            protector.Unseal(person);
            protector.Seal(person);
        }

        if (await DuplicateAsync(definition, row, ct) is { } duplicate)
        {
            return (entry.RowId, duplicate);
        }

        await definition.LoadReferencesAsync(db, row, ct);

        row.Version++;
        row.UpdatedAtUtc = now;
        row.UpdatedBy = scope.UserName;
        db.Add(row);
        db.DeletedLedgerRows.Remove(entry);
        audit.Add(AuditActions.LedgerRestored, AuditOutcome.Success, LedgerWriteService.AuditType(definition), Id(row.Id),
            LedgerSnapshot.Changes(null, LedgerSnapshot.Of(definition, row)), regionId: row.RegionId);
        try
        {
            await db.SaveChangesAsync(ct);
            return (row.Id, null);
        }
        catch (DbUpdateException)
        {
            // A row of the same identity saved meanwhile, or a row it refers to (its 调解组织) is gone.
            db.ChangeTracker.Clear();
            return (entry.RowId, await DuplicateAsync(definition, row, ct) ?? $"不能恢复“{entry.Name}”：它引用的记录（如所属调解组织）已不存在，请先恢复或登记该记录");
        }
    }

    /// <summary>A deleted row of the user's subtree, rebuilt for its history page; null when the bin has none.</summary>
    public async Task<(LedgerRow Row, DeletedLedgerRow Entry)?> FindDeletedAsync(ILedgerDefinition definition, long rowId, CancellationToken ct)
    {
        var entry = await db.DeletedLedgerRows.AsNoTracking().InScope(scope).Include(r => r.Region)
            .SingleOrDefaultAsync(r => r.Ledger == definition.Key && r.RowId == rowId, ct);
        if (entry is null)
        {
            return null;
        }

        var row = LedgerRowValues.Rebuild(db, definition, entry.Values);
        row.Region = entry.Region;
        return (row, entry);
    }

    private async Task<string?> DuplicateAsync(ILedgerDefinition definition, LedgerRow row, CancellationToken ct)
    {
        var identity = definition.IdentityOf(row);
        var existing = await definition.SameIdentity(db, row).Select(r => new { r.Region.Name, r.Region.Path }).FirstOrDefaultAsync(ct);
        if (existing is null && definition.SameName(db, row) is { } sameName)
        {
            (existing, identity) = (await sameName.Select(r => new { r.Region.Name, r.Region.Path }).FirstOrDefaultAsync(ct), definition.NameKeyOf(row)!);
        }

        if (existing is null)
        {
            return null;
        }

        var error = writer.DuplicateError(definition, row.Year, existing.Name, existing.Path, identity, "restore");
        await writer.Lookups.FlushAsync(ct);
        return $"不能恢复“{row.Name}”：{error.Message}。如需恢复，请先删除或修改现有记录";
    }

    private void EnsureCanWrite(int regionId)
    {
        if (!scope.CanWriteRecordsOf(regionId))
        {
            throw new WriteForbiddenException();
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed record RecycleBinItem(DeletedLedgerRow Entry, DateTime ExpiresAtUtc, bool CanRestore);

public sealed record RecycleBinViewModel(ILedgerDefinition Definition, int Year, IReadOnlyList<int> Years, int RetentionDays, IReadOnlyList<RecycleBinItem> Items);

public sealed record ConfirmDeleteViewModel(ILedgerDefinition Definition, LedgerRow Row, IReadOnlyList<(string Header, string Text)> Values, int RetentionDays, string? Reason, string? Error);
