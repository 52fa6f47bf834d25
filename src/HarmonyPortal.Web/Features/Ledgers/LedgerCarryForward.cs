using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// Copies last year's rows of the clerk's own region into the new year, marked 待复核 for review.
/// Rows already present in the new year (same person, organisation or name) are left alone.
/// </summary>
public sealed class LedgerCarryForward(HarmonyDbContext db, UserScope scope, AuditLog audit, TimeProvider clock)
{
    public sealed record Outcome(int Copied, int Skipped);

    public async Task<Outcome> RunAsync(ILedgerDefinition definition, int toYear, CancellationToken ct)
    {
        if (!scope.CanWriteRecordsOf(scope.RegionId))
        {
            throw new WriteForbiddenException();
        }

        var source = await definition.Rows(db).AsNoTracking()
            .Where(r => r.RegionId == scope.RegionId && r.Year == toYear - 1)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var copied = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var old in source)
        {
            await definition.LoadReferencesAsync(db, old, ct);
            var copy = definition.NewRow();
            foreach (var field in definition.Fields.Where(f => f.Kind != FieldKind.IdNumber))
            {
                field.Set(copy, field.Get(old));
            }

            if (old is PersonRow person && copy is PersonRow target)
            {
                // The sealed columns move as they are; the plaintext is never needed.
                (target.IdNumberCipher, target.IdNumberHash, target.IdNumberMasked) = (person.IdNumberCipher, person.IdNumberHash, person.IdNumberMasked);
            }

            (copy.RegionId, copy.Year, copy.Status, copy.Version) = (old.RegionId, toYear, LedgerRowStatus.NeedsReview, 1);
            copy.UnitId = old.UnitId; // the same unit stays responsible
            (copy.CreatedAtUtc, copy.UpdatedAtUtc, copy.UpdatedBy) = (now, now, scope.UserName);
            if (await definition.SameIdentity(db, copy).AnyAsync(ct) || (definition.SameName(db, copy) is { } sameName && await sameName.AnyAsync(ct))
                || (await definition.ResolveAsync(db, copy, ct)).Count > 0)
            {
                continue;
            }

            db.Add(copy);
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.LedgerCreated, AuditOutcome.Success, LedgerWriteService.AuditType(definition), copy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                LedgerSnapshot.Changes(null, CreationLine(definition, copy)), regionId: copy.RegionId); // its 修改记录 starts here
            copied++;
        }

        audit.Add(AuditActions.LedgerCarriedForward, AuditOutcome.Success, LedgerWriteService.AuditType(definition), null,
            $"{toYear - 1} -> {toYear}: copied {copied}, skipped {source.Count - copied}", regionId: scope.RegionId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome(copied, source.Count - copied);
    }

    /// <summary>The copied row's values for its creation line; the ID number from its stored mask (the plaintext is never read).</summary>
    private static Dictionary<string, string> CreationLine(ILedgerDefinition definition, LedgerRow copy)
    {
        var line = LedgerSnapshot.Of(definition, copy);
        if (copy is PersonRow person && definition.Fields.FirstOrDefault(f => f.Kind == FieldKind.IdNumber) is { } id)
        {
            line[id.Header] = person.IdNumberMasked;
        }

        return line;
    }
}
