using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Security;

/// <summary>Attacks a user could try from the browser: guessing in parallel, and posting fields the forms do not have.</summary>
public abstract class AttackTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task FiftyParallelWrongPasswords_NoneSucceeds_NoneFails500_AndTheAccountIsLocked()
    {
        // From an address of its own: the other tests of this fixture sign in from the shared test address.
        var clients = Enumerable.Range(0, 50).Select(_ => portal.ClientFrom("198.51.100.50")).ToList();
        try
        {
            var responses = await Task.WhenAll(clients.Select((c, i) => c.LoginAsync("xzyp.clerk", "Wrong-password-" + i)));

            // The login page again with a message; beyond the address's failure budget (30), 429 without a password check.
            var statuses = responses.GroupBy(r => r.StatusCode).ToDictionary(g => g.Key, g => g.Count());
            Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) + statuses.GetValueOrDefault(HttpStatusCode.TooManyRequests) == 50,
                string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
            Assert.DoesNotContain(responses, r => r.Headers.Location is not null);
            await using var db = portal.CreateDbContext();
            Assert.True((await db.Users.SingleAsync(u => u.UserName == "xzyp.clerk")).LockoutEnd > DateTimeOffset.UtcNow);
            Assert.Equal(50, await db.AuditEntries.CountAsync(e => e.UserName == "xzyp.clerk"
                && (e.Action == AuditActions.LoginFailed || e.Action == AuditActions.LoginLockedOut || e.Action == AuditActions.LoginThrottled)));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task ExtraFieldsInAPost_RegionStatusVersionDecisions_ChangeNothing()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        var elsewhere = (await portal.RegionIdAsync("140921")).ToString();
        var created = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers"),
            [.. QualifyingRow(GoldCategory.Coordinator, "越权字段测试"), ("year", "2022"),
                ("RegionId", elsewhere), ("values[RegionId]", elsewhere), ("Status", "NeedsReview"), ("values[Status]", "NeedsReview"),
                ("Version", "99"), ("values[Version]", "99"), ("values[UpdatedBy]", "attacker"), ("values[IdNumberHash]", "00")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var rowId = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);

        var nominated = await clerk.PostAsync("/nominations/create", await clerk.TokenFromAsync("/nominations"),
            ("category", "Coordinator"), ("ledgerRowId", rowId.ToString()), ("batch", "0"), ("narrative", "多年从事劳动关系协调工作，成效明显，群众认可度高。"),
            ("regionId", elsewhere), ("CityDecision", "Yes"), ("cityDecision", "1"), ("ProvinceDecision", "Yes"), ("SheetId", "1"), ("FrozenJson", "{}"));
        Assert.Equal(HttpStatusCode.Redirect, nominated.StatusCode);
        var nominationId = long.Parse(nominated.Headers.Location!.OriginalString.Split('/')[^1]);

        await using var db = portal.CreateDbContext();
        var row = await db.Coordinators.AsNoTracking().SingleAsync(r => r.Id == rowId);
        var own = await portal.RegionIdAsync("140902");
        Assert.Equal((own, LedgerRowStatus.Active, 1, "xzxf.clerk"), (row.RegionId, row.Status, row.Version, row.UpdatedBy));
        var nomination = await db.Nominations.AsNoTracking().Include(n => n.Sheet).SingleAsync(n => n.Id == nominationId);
        Assert.Equal((own, Decision.Pending, Decision.Pending, (string?)null, own), (nomination.RegionId, nomination.CityDecision, nomination.ProvinceDecision, nomination.FrozenJson, nomination.Sheet.RegionId));
        Assert.Equal(SheetStatus.Draft, nomination.Sheet.Status);
    }
}

public sealed class SqliteAttackTests(SqlitePortal portal) : AttackTests<SqlitePortal>(portal);

public sealed class PostgresAttackTests(PostgresPortal portal) : AttackTests<PostgresPortal>(portal);
