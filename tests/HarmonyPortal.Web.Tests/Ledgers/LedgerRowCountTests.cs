using System.Net;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Ledgers.LedgerWorkbooks;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// The counters behind the dashboard follow the portal's own write paths (form, import, carry-forward, delete); the
/// raw paths and every ledger are covered in Core.Tests (LedgerRowCountTriggerTests).
/// </summary>
public abstract class LedgerRowCountTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task FormImportCarryForwardAndDelete_LeaveTheCountersEqualToTheRows()
    {
        using var clerk = await portal.SignedInClientAsync("yyqy.clerk");
        var region = await portal.RegionIdAsync("430600-QY");
        var token = await clerk.TokenFromAsync("/ledgers");
        foreach (var name in new[] { "屈原某甲公司", "屈原某乙公司", "屈原某丙公司" })
        {
            var created = await clerk.PostAsync("/ledgers/harmonious-enterprises/create", token,
                ("values[Name]", name), ("values[Address]", "某路1号"), ("values[ContactName]", "张三"), ("values[ContactPhone]", "13800000000"),
                ("values[EmployeeCount]", "120"), ("values[ServiceUnit]", "县人社局"), ("values[ReachedStandard]", "是"), ("year", "2025"));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var imported = await UploadAsync(clerk, "coordinators", Workbook(CoordinatorHeaders,
            Person("1", "屈甲", TestIdNumbers.WithCheckDigit("430682198503030041"), "女", "2021-03-01"),
            Person("2", "屈乙", TestIdNumbers.WithCheckDigit("430682197707070011"), "男", "2021-03-01")));
        Assert.True(imported.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(imported)).Body!.TextContent);
        var carried = await clerk.PostAsync("/ledgers/harmonious-enterprises/carry-forward", token, ("year", "2026"));
        Assert.Equal(HttpStatusCode.Redirect, carried.StatusCode);
        await using var db = portal.CreateDbContext();
        var removed = await db.HarmoniousEnterprises.AsNoTracking().FirstAsync(r => r.RegionId == region && r.Year == 2026);
        var deleted = await clerk.PostAsync($"/ledgers/harmonious-enterprises/{removed.Id}/delete", token, ("version", removed.Version.ToString()), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        Assert.Equal(3, await CountedAsync(db, "harmonious-enterprises", region, 2025));
        Assert.Equal(2, await CountedAsync(db, "harmonious-enterprises", region, 2026));
        Assert.Equal(2, await CountedAsync(db, "coordinators", region, 2026));
        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);

        // The carried-forward rows are 待复核 in their counter until the clerk confirms them (docs/adr/0042).
        Assert.Equal(2, await UnconfirmedAsync(db, "harmonious-enterprises", region, 2026));
        var confirmed = await clerk.PostAsync(
            "/ledgers/harmonious-enterprises/confirm?year=2026", token, ("all", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(0, await UnconfirmedAsync(db, "harmonious-enterprises", region, 2026));
        Assert.Equal(2, await CountedAsync(db, "harmonious-enterprises", region, 2026));
        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);
    }

    private static Task<int> UnconfirmedAsync(Core.Data.HarmonyDbContext db, string ledger, int region, int year) =>
        db.LedgerRowCounts.AsNoTracking().Where(c => c.Ledger == ledger && c.RegionId == region && c.Year == year)
            .Select(c => c.Unconfirmed).SingleAsync();

    private static Task<int> CountedAsync(Core.Data.HarmonyDbContext db, string ledger, int region, int year) =>
        db.LedgerRowCounts.Where(c => c.Ledger == ledger && c.RegionId == region && c.Year == year).Select(c => c.Count).SingleAsync();
}

public sealed class SqliteLedgerRowCountTests(SqlitePortal portal) : LedgerRowCountTests<SqlitePortal>(portal);

public sealed class PostgresLedgerRowCountTests(PostgresPortal portal) : LedgerRowCountTests<PostgresPortal>(portal);
