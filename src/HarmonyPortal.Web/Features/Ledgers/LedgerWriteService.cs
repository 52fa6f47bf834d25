using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// Creates and updates ledger rows (deleting is the recycle bin's) for the clerk of the owning region: parse every field,
/// apply the ledger's cross-field rules, resolve references, seal personal data, refuse duplicates,
/// check the version, and save the row with its audit entry in one unit of work.
/// </summary>
public sealed class LedgerWriteService(HarmonyDbContext db, UserScope scope, PersonalDataProtector protector, AuditLog audit, TimeProvider clock,
    IdNumberLookups lookups, Core.Reporting.LedgerYearLock yearLock)
{
    /// <summary>The reason of a save that lost to a newer version; the page shows both versions instead.</summary>
    public const string ConflictReason = "该记录已被他人修改，本次修改未保存";

    /// <summary>The gate of lookups by ID number; the import shares it.</summary>
    public IdNumberLookups Lookups => lookups;

    /// <summary>The acting user's region: where a clerk's new rows go.</summary>
    public int RegionId => scope.RegionId;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static string AuditType(ILedgerDefinition definition) => "ledger:" + definition.Key;

    /// <summary>Why the region's rows of the year cannot be written (reported and not returned), or null; see <see cref="Core.Reporting.LedgerYearLock"/>.</summary>
    public Task<string?> LockRefusalAsync(int regionId, int year, CancellationToken ct) => yearLock.RefusalAsync(regionId, year, ct);

    /// <summary>Loads a row the user may read (404 otherwise), with its ID number decrypted when <paramref name="unseal"/>.</summary>
    public async Task<LedgerRow> FindAsync(ILedgerDefinition definition, long id, bool unseal, CancellationToken ct)
    {
        var row = await definition.Rows(db).InScope(scope).Include(r => r.Region).Include(r => r.Unit).SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new OutOfScopeException();
        await definition.LoadReferencesAsync(db, row, ct);
        if (unseal && row is PersonRow person)
        {
            protector.Unseal(person);
        }

        return row;
    }

    /// <summary>A new row of the user's region in <paramref name="year"/>, which <see cref="LedgerYearInputValidator"/> checked.</summary>
    /// <returns>Done with the new row's id, or refused with the field errors.</returns>
    public async Task<ServiceResult<long>> CreateAsync(
        ILedgerDefinition definition, int year, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        EnsureCanWrite(scope.RegionId);

        if (await yearLock.RefusalAsync(scope.RegionId, year, ct) is { } locked)
        {
            return ServiceResult.Fail("Year", locked).As<long>();
        }

        var row = definition.NewRow();
        row.RegionId = scope.RegionId;
        row.Year = year;
        row.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        var errors = await ApplyAsync(definition, row, values, ct);
        if (errors.Count > 0)
        {
            return (await RefusedAsync(errors, ct)).As<long>();
        }

        db.Add(row);
        var saved = await SaveAsync(definition, row, null, AuditActions.LedgerCreated, ct);
        return saved.Succeeded ? new ServiceResult<long> { Value = row.Id } : saved.As<long>();
    }

    /// <returns>Done, refused with the field errors, or a conflict carrying both versions of the row.</returns>
    public async Task<ServiceResult<LedgerConflict>> UpdateAsync(
        ILedgerDefinition definition, long id, int version, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        var row = await FindAsync(definition, id, unseal: true, ct);
        EnsureCanWrite(row.RegionId);
        if (await yearLock.RefusalAsync(row.RegionId, row.Year, ct) is { } locked)
        {
            return (await RefusedAsync([new FieldError("Year", locked)], ct)).As<LedgerConflict>();
        }

        var before = LedgerSnapshot.Of(definition, row);
        var errors = await ApplyAsync(definition, row, values, ct);
        if (errors.Count > 0)
        {
            return (await RefusedAsync(errors, ct)).As<LedgerConflict>();
        }

        // The version the clerk started from is what the database must still hold.
        db.Entry(row).Property(r => r.Version).OriginalValue = version;
        row.Status = LedgerRowStatus.Active;
        return await SaveAsync(definition, row, before, AuditActions.LedgerUpdated, ct);
    }

    /// <summary>
    /// Parses every field of the definition from <paramref name="values"/> into the row, then runs the
    /// cross-field rules and resolves references. Returns every error; the row is then not to be saved.
    /// </summary>
    /// <param name="checkDuplicates">False when the caller checks identities in bulk (import).</param>
    /// <param name="encryptIdNumber">False when the caller encrypts ID numbers itself, in bulk (import); hash and mask are set either way.</param>
    public async Task<IReadOnlyList<FieldError>> ApplyAsync(
        ILedgerDefinition definition, LedgerRow row, IReadOnlyDictionary<string, string?> values, CancellationToken ct,
        bool checkDuplicates = true, bool encryptIdNumber = true)
    {
        var errors = new List<FieldError>();
        var today = Today;
        foreach (var field in definition.Fields)
        {
            if (FieldValues.TryParse(field, values.GetValueOrDefault(field.Key), today, out var value, out var error))
            {
                field.Set(row, value);
            }
            else
            {
                errors.Add(new FieldError(field.Key, error!));
            }
        }

        if (await ApplyUnitAsync(row, values.GetValueOrDefault(MemberUnits.FieldKey), ct) is { } unitError)
        {
            errors.Add(unitError);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        errors.AddRange(definition.Validate(row, today));
        if (errors.Count == 0)
        {
            errors.AddRange(await definition.ResolveAsync(db, row, ct));
        }

        if (errors.Count == 0 && row is PersonRow person)
        {
            protector.SealLookups(person);
            if (encryptIdNumber)
            {
                protector.Encrypt(person);
            }
        }

        if (errors.Count == 0 && checkDuplicates && await GuessRefusalAsync(definition, row, ct) is { } refusal)
        {
            errors.Add(refusal);
        }

        if (errors.Count == 0 && checkDuplicates && await FindDuplicateAsync(definition, row, "form", ct) is { } duplicate)
        {
            errors.Add(duplicate);
        }

        return errors;
    }

    /// <summary>
    /// Sets the row's responsible unit (责任单位) from the short name the form or the workbook gave: an active unit of the
    /// row's region (or the row's current unit, kept though retired). Blank keeps the current unit, and gives a new row the
    /// clerk's own unit (the region's host unit for a user without one). An unknown name is the field's error.
    /// </summary>
    private async Task<FieldError?> ApplyUnitAsync(LedgerRow row, string? shortName, CancellationToken ct)
    {
        var units = await UnitsOfAsync(row.RegionId, ct);
        if (string.IsNullOrWhiteSpace(shortName))
        {
            row.UnitId ??= units.FirstOrDefault(u => u.Id == scope.UnitId)?.Id ?? units.FirstOrDefault(u => u.HostsOffice)?.Id ?? units.FirstOrDefault()?.Id;
            return null;
        }

        var unit = MemberUnits.Named(units.Where(u => u.IsActive || u.Id == row.UnitId), shortName);
        if (unit is null)
        {
            return new FieldError(MemberUnits.FieldKey,
                $"{MemberUnits.ColumnHeader}：本地区没有名为“{Shorten(shortName.Trim())}”的在用成员单位，请填写{string.Join("、", units.Where(u => u.IsActive).Select(u => u.ShortName))}之一或留空");
        }

        row.UnitId = unit.Id;
        return null;
    }

    private static string Shorten(string text) => text.Length <= MemberUnit.ShortNameMaxLength ? text : text[..MemberUnit.ShortNameMaxLength] + "…";

    private readonly Dictionary<int, List<MemberUnit>> unitsByRegion = [];

    /// <summary>
    /// The member units of a region, read once per request (an import applies 100,000 rows; it calls this before its
    /// concurrent stages start, so the checking never touches the connection for units).
    /// </summary>
    public async Task<List<MemberUnit>> UnitsOfAsync(int regionId, CancellationToken ct)
    {
        if (!unitsByRegion.TryGetValue(regionId, out var units))
        {
            units = await MemberUnits.EnsureAsync(db, regionId, ct);
            unitsByRegion[regionId] = units;
        }

        return units;
    }

    /// <summary>The 责任单位 select of the row form: the region's active units and the row's current one; which is selected.</summary>
    public async Task<UnitChoices> UnitChoicesAsync(int regionId, int? currentUnitId, CancellationToken ct)
    {
        var units = await UnitsOfAsync(regionId, ct);
        var selected = units.FirstOrDefault(u => u.Id == (currentUnitId ?? scope.UnitId)) ?? units.FirstOrDefault(u => u.HostsOffice);
        return new UnitChoices(units.Where(u => u.IsActive || u.Id == currentUnitId).Select(u => u.ShortName).ToList(), selected?.ShortName);
    }

    /// <summary>A number whose mask the user sees on another region's row is a guess: allowed within the limits of <see cref="IdNumberLookups"/>.</summary>
    private async Task<FieldError?> GuessRefusalAsync(ILedgerDefinition definition, LedgerRow row, CancellationToken ct)
    {
        if (row is not PersonRow person || (await lookups.MaskedOnlyAsync(definition, row.Year, person.IdNumberMasked, ct)).Count == 0)
        {
            return null;
        }

        var refused = await lookups.JudgeAsync(definition, [new IdNumberLookups.Guess(0, person.IdNumberMasked, person.IdNumberHash)], "form", ct);
        return refused.TryGetValue(0, out var message) ? new FieldError(IdentityField(definition).Key, message) : null;
    }

    private async Task<FieldError?> FindDuplicateAsync(ILedgerDefinition definition, LedgerRow row, string via, CancellationToken ct)
    {
        var existing = await definition.SameIdentity(db, row)
            .Select(r => new { r.Region.Name, r.Region.Path })
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return DuplicateError(definition, row.Year, existing.Name, existing.Path, definition.IdentityOf(row), via);
        }

        // A social organisation with a credit code: its name is still unique in the region and year.
        var sameName = definition.SameName(db, row) is { } rows ? await rows.Select(r => new { r.Region.Name, r.Region.Path }).FirstOrDefaultAsync(ct) : null;
        return sameName is null ? null : DuplicateError(definition, row.Year, sameName.Name, sameName.Path, definition.NameKeyOf(row)!, via);
    }

    /// <summary>
    /// Names the region of the existing row when it lies in the user's subtree, never its personal data; outside it says
    /// only that the record is registered elsewhere, and the hit is audited and reported to the office above both.
    /// </summary>
    public FieldError DuplicateError(ILedgerDefinition definition, int year, string regionName, string regionPath, string identity, string via)
    {
        var key = LedgerIdentity.IsNameKey(identity) ? NameField(definition) : IdentityField(definition);
        if (!scope.CanRead(regionPath))
        {
            return new FieldError(key.Key, lookups.Elsewhere(definition, year, key.Header, IdentityNoun(key), regionName, regionPath, identity, via));
        }

        return new FieldError(key.Key, $"{key.Header}：{year} 年度本台账中已有该{IdentityNoun(key)}的记录（{regionName}），同一年度不能重复登记");
    }

    /// <summary>A refusal of the form: nothing of the row is saved, but the lookups it made are recorded.</summary>
    private async Task<ServiceResult> RefusedAsync(IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await lookups.FlushAsync(ct);
        return errors.Aggregate(new ServiceResult(), (result, e) => result.Add(e.Key, e.Message));
    }

    public static ILedgerField IdentityField(ILedgerDefinition definition) => definition.IdentityField;

    /// <summary>The field an identity names: the name for a <see cref="LedgerIdentity.NameKey"/>, else the identity's own.</summary>
    public static ILedgerField IdentityField(ILedgerDefinition definition, string identity) =>
        LedgerIdentity.IsNameKey(identity) ? NameField(definition) : definition.IdentityField;

    private static ILedgerField NameField(ILedgerDefinition definition) => definition.Fields.First(f => f.Key == nameof(LedgerRow.Name));

    private static string IdentityNoun(ILedgerField key) => key.Kind switch
    {
        FieldKind.IdNumber => "人员",
        FieldKind.CreditCode => "组织",
        _ => "名称",
    };

    private async Task<ServiceResult<LedgerConflict>> SaveAsync(
        ILedgerDefinition definition, LedgerRow row, Dictionary<string, string>? before, string action, CancellationToken ct)
    {
        row.Version++;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = scope.UserName;
        try
        {
            // The row first (a new row needs its id), then its audit entry: both or neither.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            audit.Add(action, AuditOutcome.Success, AuditType(definition), Id(row), LedgerSnapshot.Changes(before, LedgerSnapshot.Of(definition, row)), regionId: row.RegionId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await lookups.FlushAsync(ct);
            return new ServiceResult<LedgerConflict>();
        }
        catch (DbUpdateConcurrencyException)
        {
            var conflict = await ConflictAsync(definition, row, ct);
            await lookups.FlushAsync(ct);
            return ServiceResult.Conflicted(ConflictReason, conflict);
        }
        catch (DbUpdateException)
        {
            // Another clerk saved the same person or organisation between our check and our save.
            db.ChangeTracker.Clear();
            if (await FindDuplicateAsync(definition, row, "form", ct) is { } duplicate)
            {
                return (await RefusedAsync([duplicate], ct)).As<LedgerConflict>();
            }

            throw;
        }
    }

    private async Task<LedgerConflict> ConflictAsync(ILedgerDefinition definition, LedgerRow mine, CancellationToken ct)
    {
        var yours = LedgerSnapshot.Of(definition, mine);
        db.ChangeTracker.Clear();
        var current = await definition.Rows(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == mine.Id, ct);
        if (current is null)
        {
            return new LedgerConflict(0, null, DateTime.MinValue, [.. yours.Select(kv => (kv.Key, kv.Value, "（已被删除）"))]);
        }

        await definition.LoadReferencesAsync(db, current, ct);
        if (current is PersonRow person)
        {
            protector.Unseal(person);
        }

        var theirs = LedgerSnapshot.Of(definition, current);
        return new LedgerConflict(current.Version, current.UpdatedBy, current.UpdatedAtUtc,
            [.. yours.Select(kv => (kv.Key, kv.Value, theirs.GetValueOrDefault(kv.Key) ?? ""))]);
    }

    private void EnsureCanWrite(int regionId)
    {
        if (!scope.CanWriteRecordsOf(regionId))
        {
            throw new WriteForbiddenException();
        }
    }

    private static string Id(LedgerRow row) => row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
