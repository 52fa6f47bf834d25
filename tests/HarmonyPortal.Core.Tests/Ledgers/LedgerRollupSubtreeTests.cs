using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Core.Tests.Ledgers;

/// <summary>
/// The dashboard's figures come from the counters added up once per subtree (docs/adr/0039): for every region of a
/// province, every ledger and the year, they equal a fresh count of the rows, confirmed and 待复核 apart; and the
/// filtered quota counts found through the subtree's region ids count the same rows as the join on the path.
/// </summary>
public abstract class LedgerRollupSubtreeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Year = 2026;
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateMigratedAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task SubtreeTotals_EqualAFreshCountOfTheRows_ForEveryRegionAndLedger()
    {
        await using var db = database.CreateContext();
        // 甲省 with two cities and three counties, and 乙省 beside it, whose rows must never be counted.
        var province = await RegionAsync(db, "甲省", "990000", RegionLevel.Province, null);
        var other = await RegionAsync(db, "乙省", "980000", RegionLevel.Province, null);
        var cityA = await RegionAsync(db, "甲一市", "990100", RegionLevel.City, province);
        var cityB = await RegionAsync(db, "甲二市", "990200", RegionLevel.City, province);
        await RegionAsync(db, "甲一市一县", "990101", RegionLevel.County, cityA);
        await RegionAsync(db, "甲一市二县", "990102", RegionLevel.County, cityA);
        await RegionAsync(db, "甲二市一县", "990201", RegionLevel.County, cityB);
        await RegionAsync(db, "乙省一市", "980100", RegionLevel.City, other);
        var all = await db.Regions.OrderBy(r => r.Id).ToListAsync();
        var regions = all.Where(r => r.IsInSubtreeOf(province.Path)).ToList();
        var organization = TestLedgerRows.Create(LedgerCatalog.Find("mediation-organizations")!, province.Id, Year - 1);
        db.Add(organization);
        await db.SaveChangesAsync();

        // Rows spread over the province's regions, this year and last, every seventh carried forward (待复核).
        var n = 0;
        foreach (var ledger in LedgerCatalog.All)
        {
            foreach (var region in all.Where((_, i) => (i + ledger.Key.Length) % 4 != 0))
            {
                for (var k = 0; k < 1 + (region.Id + n) % 3; k++, n++)
                {
                    var row = TestLedgerRows.Create(ledger, region.Id, n % 5 == 0 ? Year - 1 : Year, organization.Id);
                    row.Status = n % 7 == 0 ? LedgerRowStatus.NeedsReview : LedgerRowStatus.Active;
                    db.Add(row);
                }
            }
        }

        await db.SaveChangesAsync();
        Assert.True(await FiguresCheckedAsync(db, province, regions) > 100,
            "too few rows: the test would not notice a wrong total");

        // Then the 待复核 counts follow the rows (docs/adr/0042): carried-forward rows confirmed, rows carried forward
        // again, rows moved between the province's regions, to 乙省 and to another year, and rows deleted.
        var changed = 0;
        foreach (var ledger in LedgerCatalog.All)
        {
            var rows = await ledger.Rows(db).Where(r => r.Year == Year || r.Year == Year - 1).OrderBy(r => r.Id)
                .ToListAsync();
            foreach (var (row, i) in rows.Select((r, i) => (r, i)))
            {
                switch (i % 6)
                {
                    case 0: row.Status = row.Status == LedgerRowStatus.NeedsReview
                        ? LedgerRowStatus.Active : LedgerRowStatus.NeedsReview; break;
                    case 1: row.RegionId = regions[(i / 6) % regions.Count].Id; break;
                    case 2 when row.Status == LedgerRowStatus.NeedsReview: row.RegionId = other.Id; break;
                    case 3: (row.Year, row.Status) = (Year + Year - 1 - row.Year, LedgerRowStatus.NeedsReview); break;
                    case 4 when i % 4 == 0 && ledger.Key != "mediation-organizations": db.Remove(row); break;
                    default: continue;
                }

                changed++;
            }

            await db.SaveChangesAsync();
        }

        Assert.True(changed > 50, $"only {changed} rows changed");
        var after = await FiguresCheckedAsync(db, province, regions);
        Assert.True(after > 50, $"only {after} rows after the changes ({changed} changed)");
        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);
    }

    /// <summary>Each region's and ledger's subtree figures against a fresh count of rows; the rows counted.</summary>
    private static async Task<int> FiguresCheckedAsync(HarmonyDbContext db, Region province, List<Region> regions)
    {
        var rollup = await LedgerRollup.LoadAsync(db, province.Path, Year, CancellationToken.None);
        var checkedFigures = 0;
        foreach (var ledger in LedgerCatalog.All)
        {
            foreach (var region in regions)
            {
                var rows = ledger.Rows(db).InSubtreeOf(region.Path).Where(r => r.Year == Year);
                var confirmed = await rows.CountAsync(r => r.Status != LedgerRowStatus.NeedsReview);
                var unconfirmed = await rows.CountAsync(r => r.Status == LedgerRowStatus.NeedsReview);
                Assert.Equal((ledger.Key, region.Name, confirmed),
                    (ledger.Key, region.Name, rollup.OfSubtree(ledger.Key, region.Path)));
                Assert.Equal((ledger.Key, region.Name, unconfirmed),
                    (ledger.Key, region.Name, rollup.UnconfirmedOfSubtree(ledger.Key, region.Path)));
                Assert.Equal(
                    await ledger.Rows(db).InSubtreeOf(region.Path).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(),
                    await ledger.Rows(db).InSubtreeOf(db.Regions, region.Path)
                        .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
                checkedFigures += confirmed + unconfirmed;
            }
        }

        return checkedFigures;
    }

    private static async Task<Region> RegionAsync(
        Core.Data.HarmonyDbContext db, string name, string code, RegionLevel level, Region? parent)
    {
        var region = new Region { Name = name, Code = code, Level = level, Path = "/", ParentId = parent?.Id };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        region.Path = $"{parent?.Path ?? "/"}{region.Id}/";
        await db.SaveChangesAsync();
        return region;
    }
}

public sealed class SqliteLedgerRollupSubtreeTests() : LedgerRollupSubtreeTests(DatabaseProvider.Sqlite);

public sealed class PostgresLedgerRollupSubtreeTests()
    : LedgerRollupSubtreeTests(DatabaseProvider.Postgres);
