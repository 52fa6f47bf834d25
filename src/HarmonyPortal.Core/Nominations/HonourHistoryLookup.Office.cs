using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// The history of an office-defined honour (ADR 0026), for its tier progression (逐年层级递进): the honour's earlier
/// nominations and, by the honour's ledger's own identity (ID number, credit code, or the name in its region), which of
/// them are of the candidates. Two queries for the whole page, whatever the number of candidates.
/// </summary>
public sealed partial class HonourHistoryLookup
{
    /// <summary>The history the rules' honour needs: a gold category's by category, an office-defined honour's by its task id.</summary>
    public Task<HonourHistory> ForAsync(GoldRules rules, IEnumerable<LedgerRow> candidates, CancellationToken ct) =>
        OfficeHonour.Is(rules.HonourId)
            ? ForOfficeHonourAsync(rules.HonourId, rules.LedgerDefinition, candidates.ToList(), ct)
            : ForAsync(rules.Category, candidates, ct);

    private async Task<HonourHistory> ForOfficeHonourAsync(string honourTaskId, ILedgerDefinition ledger, List<LedgerRow> candidates, CancellationToken ct)
    {
        if (candidates.Count == 0)
        {
            return HonourHistory.None;
        }

        var before = candidates.Max(r => r.Year);
        var earlier = await db.Nominations.AsNoTracking()
            .Where(n => n.Category == OfficeHonour.Category && n.HonourTaskId == honourTaskId && n.Year < before)
            .Select(n => new
            {
                n.LedgerRowId,
                n.Year,
                n.Tier,
                Published = db.Nominations.Where(Nomination.OnPublishedList).Any(p => p.Id == n.Id),
            })
            .ToListAsync(ct);
        if (earlier.Count == 0)
        {
            return HonourHistory.None;
        }

        var ids = earlier.Select(n => n.LedgerRowId).Distinct().ToList();
        var known = (await ledger.Rows(db).AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => Identities(ledger, r));
        var records = new Dictionary<(Type, long), IReadOnlyList<HonourRecord>>();
        foreach (var candidate in candidates)
        {
            var mine = Identities(ledger, candidate);
            var held = earlier.Where(n => known.TryGetValue(n.LedgerRowId, out var theirs) && theirs.Overlaps(mine))
                .Select(n => new HonourRecord(OfficeHonour.Category, n.Year, n.Tier, n.Published, honourTaskId)).ToList();
            if (held.Count > 0)
            {
                records[HonourHistory.KeyOf(candidate)] = held;
            }
        }

        return new HonourHistory(records);
    }

    /// <summary>How the ledger knows the row across years: its identity and aliases; a name only within its region.</summary>
    private static HashSet<string> Identities(ILedgerDefinition ledger, LedgerRow row)
    {
        var identity = ledger.IdentityOf(row);
        var regional = identity == row.Name || LedgerIdentity.IsNameKey(identity);
        return [.. ledger.IdentityAliasesOf(row).Prepend(identity).Where(i => i.Length > 0).Select(i => regional ? $"{row.RegionId}:{i}" : i)];
    }
}
