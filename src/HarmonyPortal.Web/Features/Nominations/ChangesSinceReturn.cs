using System.Globalization;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Web.Features.Ledgers;
using Microsoft.EntityFrameworkCore;
using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>One field of a nominee's ledger row the county changed after the sheet was returned: first value after the return, last value now.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>What changed for one nominee since the sheet's last return: its ledger row's fields, or that the nominee was added after it.</summary>
public sealed record NomineeChanges(long NominationId, string Name, bool AddedAfterReturn, IReadOnlyList<FieldChange> Fields);

/// <summary>The county's corrections between the last return of a sheet and its resubmission, as the reviewer sees them on the sheet.</summary>
public sealed record ReturnChanges(DateTime ReturnedAtUtc, string Reason, IReadOnlyList<NomineeChanges> Nominees);

/// <summary>
/// Reads what the county changed after a return from the ledger rows' history (the audit entries of their edits, with
/// ID numbers and phones already masked): field by field, the value at the return and the value now.
/// </summary>
public static class ChangesSinceReturn
{
    /// <summary>Null unless the sheet was returned and submitted again since; then every nominee with a change.</summary>
    public static async Task<ReturnChanges?> OfAsync(HarmonyDbContext db, NominationSheet sheet, IReadOnlyList<SheetTransition> timeline,
        IReadOnlyList<Nomination> nominees, CancellationToken ct, Core.Ledgers.Definitions.ILedgerDefinition? ledger = null)
    {
        var returned = timeline.LastOrDefault(t => t.Action == WorkflowAction.Return);
        if (returned is null || !timeline.Any(t => t.Action == WorkflowAction.Submit && t.Id > returned.Id))
        {
            return null;
        }

        var own = nominees.Where(n => n.SheetId == sheet.Id).ToList();
        var type = LedgerWriteService.AuditType(ledger ?? GoldRules.Ledger(sheet.Category));
        var rowIds = own.Select(n => n.LedgerRowId.ToString(CultureInfo.InvariantCulture)).ToList();
        var since = returned.AtUtc;
        var edits = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ObjectType == type && e.ObjectId != null && rowIds.Contains(e.ObjectId) && e.AtUtc > since
                && e.Outcome == AuditOutcome.Success && (e.Action == AuditActions.LedgerUpdated || e.Action == AuditActions.LedgerConfirmed))
            .OrderBy(e => e.Id)
            .Select(e => new { e.ObjectId, e.Details })
            .ToListAsync(ct);
        var result = new List<NomineeChanges>();
        foreach (var nominee in own)
        {
            var id = nominee.LedgerRowId.ToString(CultureInfo.InvariantCulture);
            var fields = new List<FieldChange>();
            foreach (var edit in edits.Where(e => e.ObjectId == id))
            {
                foreach (var (field, values) in LedgerSnapshot.ParseChanges(edit.Details))
                {
                    var at = fields.FindIndex(f => f.Field == field);
                    var change = new FieldChange(field, at < 0 ? values.ElementAtOrDefault(0) ?? "" : fields[at].Before, values.ElementAtOrDefault(1) ?? "");
                    if (at < 0)
                    {
                        fields.Add(change);
                    }
                    else
                    {
                        fields[at] = change;
                    }
                }
            }

            fields.RemoveAll(f => f.Before == f.After);
            var added = nominee.CreatedAtUtc > since;
            if (added || fields.Count > 0)
            {
                result.Add(new NomineeChanges(nominee.Id, nominee.Name, added, fields));
            }
        }

        return new ReturnChanges(since, returned.Reason ?? "", result);
    }
}
