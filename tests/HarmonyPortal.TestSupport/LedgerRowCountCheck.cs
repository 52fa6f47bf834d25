using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.TestSupport;

/// <summary>
/// What the counters must always equal: a fresh GROUP BY of every ledger table, its rows and, of those, the
/// carried-forward rows still to confirm (待复核), as "rows/待复核" per ledger, region and year (zero counters ignored).
/// </summary>
public static class LedgerRowCountCheck
{
    public static async Task AssertCountsMatchRowsAsync(HarmonyDbContext db)
    {
        var expected = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var ledger in LedgerCatalog.All)
        {
            var groups = await ledger.Rows(db).AsNoTracking()
                .GroupBy(r => new { r.RegionId, r.Year })
                .Select(g => new
                {
                    g.Key.RegionId,
                    g.Key.Year,
                    Count = g.Count(),
                    Unconfirmed = g.Count(r => r.Status == LedgerRowStatus.NeedsReview),
                })
                .ToListAsync();
            foreach (var g in groups)
            {
                expected[$"{ledger.Key}/{g.RegionId}/{g.Year}"] = $"{g.Count}/{g.Unconfirmed}";
            }
        }

        var kept = await db.LedgerRowCounts.AsNoTracking().Where(c => c.Count != 0).ToListAsync();
        var actual = new SortedDictionary<string, string>(
            kept.ToDictionary(c => $"{c.Ledger}/{c.RegionId}/{c.Year}", c => $"{c.Count}/{c.Unconfirmed}"),
            StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }
}

/// <summary>
/// Minimal valid rows of any ledger, for tests about storage rather than content: unique names, ID number hashes and
/// credit codes, a mediator's organisation when given.
/// </summary>
public static class TestLedgerRows
{
    private static int serial;

    public static LedgerRow Create(ILedgerDefinition ledger, int regionId, int year, long? mediationOrganizationId = null)
    {
        var n = Interlocked.Increment(ref serial);
        var row = ledger.NewRow();
        (row.RegionId, row.Year, row.Name, row.Version) = (regionId, year, $"{ledger.Key}-{n}", 1);
        (row.CreatedAtUtc, row.UpdatedAtUtc) = (DateTime.UtcNow, DateTime.UtcNow);
        if (row is PersonRow person)
        {
            person.IdNumberHash = n.ToString("x64");
        }

        if (row.GetType().GetProperty("CreditCode") is { } creditCode)
        {
            creditCode.SetValue(row, n.ToString("D18"));
        }

        if (row is Mediator mediator)
        {
            mediator.MediationOrganizationId = mediationOrganizationId
                ?? throw new ArgumentNullException(nameof(mediationOrganizationId), "A mediator needs its organisation.");
        }

        return row;
    }
}
