using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Spreadsheets;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// A checked row of an import: the row built from the file, its Excel row number, and its creation line as history
/// shows it (<see cref="LedgerSnapshot.Changes"/> from nothing), written by the checking thread so that the saving one
/// only stores it.
/// </summary>
public sealed record CheckedRow(LedgerRow Row, int RowNumber, string CreationLine);

/// <summary>
/// The "新增并更新" half of an import: file rows matched to rows of the clerk's own region in the same year either
/// change nothing (无变化) or update the row, each update audited like the form's (its 修改记录 line) and checked
/// against the version the dry run saw; a row changed since is an error naming the file's row. Also writes the
/// creation line of every imported new row.
/// </summary>
public sealed class LedgerImportUpdates(HarmonyDbContext db, UserScope scope, AuditLog audit, TimeProvider clock)
{
    public sealed record Result(int Updated, int Unchanged);

    /// <summary>Compares, and unless <paramref name="dryRun"/> updates, the matched rows; problems go to <paramref name="problems"/>.</summary>
    public async Task<Result> ApplyAsync(ILedgerDefinition definition, IReadOnlyList<CheckedRow> rows, IReadOnlyDictionary<string, ExistingRow> matched,
        ImportPreview? expected, bool dryRun, List<ImportProblem> problems, Dictionary<long, int> versions, CancellationToken ct)
    {
        var (updated, unchanged) = (0, 0);
        var byId = rows.ToDictionary(r => matched[definition.IdentityOf(r.Row)].Id);
        var ids = byId.Keys.ToList();
        var existing = await definition.Rows(db).Where(r => ids.Contains(r.Id) && r.RegionId == scope.RegionId).ToListAsync(ct);
        var header = LedgerWriteService.IdentityField(definition).Header;
        foreach (var row in existing.OrderBy(r => byId[r.Id].RowNumber))
        {
            var file = byId[row.Id];
            versions[row.Id] = row.Version;
            if (expected is not null && expected.Versions.TryGetValue(row.Id, out var seen) && seen != row.Version)
            {
                problems.Add(new ImportProblem(file.RowNumber, header,
                    $"第 {file.RowNumber} 行：“{row.Name}”的记录在预览之后已被他人修改（预览时为第 {seen} 版，现为第 {row.Version} 版），未导入任何记录；请重新上传预览"));
                continue;
            }

            await definition.LoadReferencesAsync(db, row, ct);
            if (row is PersonRow person && file.Row is PersonRow same)
            {
                person.IdNumber = same.IdNumber; // the same number (matched by its hash): shown masked in the history line
            }

            if (definition.IdentityField is { Kind: FieldKind.CreditCode } code && code.Get(file.Row) is null)
            {
                code.Set(file.Row, code.Get(row)); // matched by name, the file (附件6) gives no credit code: the known one stays
            }

            // Compared in full (a snapshot masks phones); the ID number is the same, it matched.
            if (definition.Fields.All(f => f.Kind == FieldKind.IdNumber || FieldValues.Format(f, f.Get(row)) == FieldValues.Format(f, f.Get(file.Row))))
            {
                unchanged++;
                continue;
            }

            var before = LedgerSnapshot.Of(definition, row);

            updated++;
            if (dryRun)
            {
                continue;
            }

            foreach (var field in definition.Fields.Where(f => f.Kind != FieldKind.IdNumber))
            {
                field.Set(row, field.Get(file.Row));
            }

            await definition.ResolveAsync(db, row, ct);
            db.Entry(row).Property(r => r.Version).OriginalValue = row.Version;
            (row.Version, row.UpdatedAtUtc, row.UpdatedBy, row.Status) = (row.Version + 1, clock.GetUtcNow().UtcDateTime, scope.UserName, LedgerRowStatus.Active);
            audit.Add(AuditActions.LedgerUpdated, AuditOutcome.Success, LedgerWriteService.AuditType(definition), Id(row.Id),
                LedgerSnapshot.Changes(before, LedgerSnapshot.Of(definition, row)), regionId: row.RegionId);
        }

        if (!dryRun && problems.Count == 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                foreach (var entry in ex.Entries.Select(e => e.Entity).OfType<LedgerRow>())
                {
                    var file = byId[entry.Id];
                    problems.Add(new ImportProblem(file.RowNumber, header, $"第 {file.RowNumber} 行：“{entry.Name}”的记录在导入过程中已被他人修改，未导入任何记录；请重新上传预览"));
                }
            }
        }

        foreach (var row in existing)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        return new Result(updated, unchanged);
    }

    /// <summary>The highest row id of the clerk's region in the year, read just before a batch is inserted.</summary>
    public async Task<long> LastIdAsync(ILedgerDefinition definition, int year, CancellationToken ct) =>
        await definition.Rows(db).Where(r => r.RegionId == scope.RegionId && r.Year == year).MaxAsync(r => (long?)r.Id, ct) ?? 0;

    /// <summary>
    /// The creation line (修改记录 "新增") of rows just bulk-inserted: their ids are read back in insertion order (the
    /// rows of this import carry its <paramref name="stamp"/> and come after <paramref name="afterId"/>, the last id before the batch).
    /// </summary>
    public async Task RecordCreatedAsync(ILedgerDefinition definition, int year, DateTime stamp, long afterId, IReadOnlyList<CheckedRow> inserted, CancellationToken ct)
    {
        var ids = await definition.Rows(db).AsNoTracking()
            .Where(r => r.RegionId == scope.RegionId && r.Year == year && r.CreatedAtUtc == stamp && r.Id > afterId)
            .OrderBy(r => r.Id).Select(r => r.Id).Take(inserted.Count + 1).ToListAsync(ct);
        if (ids.Count != inserted.Count)
        {
            throw new InvalidOperationException($"Imported {inserted.Count} rows but read back {ids.Count}.");
        }

        var type = LedgerWriteService.AuditType(definition);
        var entries = inserted.Select((r, i) => audit.Entry(AuditActions.LedgerCreated, AuditOutcome.Success, type, Id(ids[i]),
            r.CreationLine, actor: scope, regionId: scope.RegionId)).ToList(); // the request's user, read once, not from its claims per row
        await db.InsertAsync(entries, ct);
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
