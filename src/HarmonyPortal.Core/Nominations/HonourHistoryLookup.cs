using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// The earlier nominations of the candidates a page evaluates, for "held an honour in an earlier year" criteria and tier
/// progression: the same person (ID number) or organisation (credit code; a mediation organisation, or a social
/// organisation without credit code, by its name in its region, as its ledger identifies it) in an earlier year's row of the category's ledger, nominated, and whether selected
/// onto a published list. Two queries per category for the whole page, whatever the number of candidates.
/// </summary>
public sealed partial class HonourHistoryLookup(HarmonyDbContext db)
{
    public Task<HonourHistory> ForAsync(GoldCategory category, IEnumerable<LedgerRow> candidates, CancellationToken ct) =>
        ForAsync(candidates.Select(r => (category, r)), ct);

    public async Task<HonourHistory> ForAsync(IEnumerable<(GoldCategory Category, LedgerRow Row)> candidates, CancellationToken ct)
    {
        var records = new Dictionary<(Type, long), IReadOnlyList<HonourRecord>>();
        foreach (var group in candidates.GroupBy(c => c.Category))
        {
            var rows = group.Select(c => c.Row).DistinctBy(HonourHistory.KeyOf).ToList();
            var byIdentity = rows.Where(r => !Identity(r).EndsWith(':')).GroupBy(Identity).ToDictionary(g => g.Key, g => g.ToList());
            if (byIdentity.Count == 0)
            {
                continue;
            }

            var before = rows.Max(r => r.Year);
            var earlier = await EarlierRowsAsync(group.Key, byIdentity.Keys.ToList(), before, ct);
            if (earlier.Count == 0)
            {
                continue;
            }

            var ids = earlier.Keys.ToList();
            var nominations = await db.Nominations.AsNoTracking()
                .Where(n => n.Category == group.Key && ids.Contains(n.LedgerRowId))
                .Select(n => new
                {
                    n.LedgerRowId,
                    n.Year,
                    n.Tier,
                    Published = db.Nominations.Where(Nomination.OnPublishedList).Any(p => p.Id == n.Id), // one condition with the published list's, in the same query
                })
                .ToListAsync(ct);
            foreach (var found in nominations.GroupBy(n => earlier[n.LedgerRowId]))
            {
                var held = found.Select(n => new HonourRecord(group.Key, n.Year, n.Tier, n.Published)).ToList();
                foreach (var row in byIdentity.GetValueOrDefault(found.Key) ?? [])
                {
                    records[HonourHistory.KeyOf(row)] = held;
                }
            }
        }

        return new HonourHistory(records);
    }

    /// <summary>How the ledger knows the row in another year: the ID number's hash, the credit code, or the name in its region.</summary>
    private static string Identity(LedgerRow row) => row switch
    {
        PersonRow p => "p:" + p.IdNumberHash,
        SocialOrganization { CreditCode: { Length: > 0 } code } => "c:" + code,
        _ => $"n:{row.RegionId}:{row.Name}",
    };

    /// <summary>Rows of years before <paramref name="before"/> with one of the identities: row id → identity.</summary>
    private async Task<Dictionary<long, string>> EarlierRowsAsync(GoldCategory category, List<string> identities, int before, CancellationToken ct)
    {
        var keys = identities.Select(i => i[2..]).ToList();
        switch (category)
        {
            case GoldCategory.Coordinator:
                return await db.Coordinators.AsNoTracking().Where(r => r.Year < before && keys.Contains(r.IdNumberHash))
                    .ToDictionaryAsync(r => r.Id, r => "p:" + r.IdNumberHash, ct);
            case GoldCategory.SocialOrganization:
                // By credit code; an organisation entered without one (附件6 prints none) by its name in its region.
                var codes = identities.Where(i => i.StartsWith("c:", StringComparison.Ordinal)).Select(i => i[2..]).ToList();
                var byCode = codes.Count == 0 ? [] : await db.SocialOrganizations.AsNoTracking().Where(r => r.Year < before && codes.Contains(r.CreditCode!))
                    .ToDictionaryAsync(r => r.Id, r => "c:" + r.CreditCode, ct);
                var byName = await ByNameAsync(db.SocialOrganizations, identities, before, ct);
                return byName.Where(n => !byCode.ContainsKey(n.Key)).Concat(byCode).ToDictionary();
            default:
                return await ByNameAsync(db.MediationOrganizations, identities, before, ct);
        }
    }

    /// <summary>Earlier organisation rows by name in their region ("n:region:name" identities).</summary>
    private static async Task<Dictionary<long, string>> ByNameAsync<TRow>(IQueryable<TRow> rows, List<string> identities, int before, CancellationToken ct)
        where TRow : OrganizationRow
    {
        var named = identities.Where(i => i.StartsWith("n:", StringComparison.Ordinal)).ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var names = named.Select(k => k[(k.IndexOf(':', 2) + 1)..]).Distinct().ToList();
        var found = await rows.AsNoTracking().Where(r => r.Year < before && names.Contains(r.Name))
            .Select(r => new { r.Id, r.RegionId, r.Name }).ToListAsync(ct);
        return found.Select(r => (r.Id, Identity: $"n:{r.RegionId}:{r.Name}")).Where(r => named.Contains(r.Identity))
            .ToDictionary(r => r.Id, r => r.Identity);
    }
}
