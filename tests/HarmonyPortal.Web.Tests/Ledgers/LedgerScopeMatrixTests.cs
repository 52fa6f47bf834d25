using System.Net;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>Every route of every ledger, aimed at a row of another county, by a clerk, a reviewer and an admin of elsewhere.</summary>
public sealed class LedgerScopeMatrixTests(SqlitePortal portal, ITestOutputHelper output) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task EveryLedgerRoute_RefusesUsersOutsideTheOwningRegion_AndChangesNothing()
    {
        var owner = await portal.RegionIdAsync("430611");
        var rows = new Dictionary<string, long>();
        await using (var db = portal.CreateDbContext())
        {
            var organization = new MediationOrganization { RegionId = owner, Year = 2026, Name = "君山区调解委员会", Version = 1 };
            db.Add(organization);
            await db.SaveChangesAsync();
            foreach (var definition in LedgerCatalog.All)
            {
                var row = definition is MediationOrganizationLedger ? organization : definition.NewRow();
                (row.RegionId, row.Year, row.Name, row.Version) = (owner, 2026, "君山区样本" + definition.Key, 1);
                if (row is PersonRow person)
                {
                    (person.IdNumberHash, person.IdNumberCipher, person.IdNumberMasked) = (Guid.NewGuid().ToString("N"), "x", "430611********0000");
                }

                if (row is Mediator mediator)
                {
                    mediator.MediationOrganizationId = organization.Id;
                }

                if (row.Id == 0)
                {
                    db.Add(row);
                }

                await db.SaveChangesAsync();
                rows[definition.Key] = row.Id;
            }
        }

        var attempts = 0;
        var notFound = 0;
        var leaks = new List<string>();
        foreach (var userName in new[] { "yyjk.clerk", "yylq.admin", "gz.reviewer", "jx.admin" })
        {
            using var client = portal.CreatePortalClient();
            await client.LoginOrFailAsync(userName);
            var token = await client.TokenFromAsync("/ledgers");
            foreach (var (kind, id) in rows)
            {
                foreach (var (method, url) in new[]
                {
                    ("GET", $"/ledgers/{kind}/{id}"), ("GET", $"/ledgers/{kind}/{id}?reveal=true"), ("GET", $"/ledgers/{kind}/{id}/edit"),
                    ("GET", $"/ledgers/{kind}/{id}/history"), ("POST", $"/ledgers/{kind}/{id}/edit"), ("POST", $"/ledgers/{kind}/{id}/delete"),
                    ("GET", $"/ledgers/{kind}?regionId={owner}"), ("GET", $"/ledgers/{kind}/export?regionId={owner}"),
                })
                {
                    async Task<HttpStatusCode> SendAsync(string target) => (method == "GET"
                        ? await client.Http.GetAsync(target)
                        : await client.PostAsync(target, token, ("version", "1"), ("values[Name]", "篡改"))).StatusCode;
                    var status = await SendAsync(url);
                    attempts++;
                    notFound += status == HttpStatusCode.NotFound ? 1 : 0;
                    // A role without the route (a reviewer or admin on a clerk's write route) is refused 403 before any record
                    // is looked up: the same answer a missing record gets, so it tells nothing about the row.
                    var missing = url.Replace($"/{kind}/{id}", $"/{kind}/999999999", StringComparison.Ordinal);
                    if (status != HttpStatusCode.NotFound && (status != HttpStatusCode.Forbidden || missing == url || await SendAsync(missing) != status))
                    {
                        leaks.Add($"{userName} {method} {url} answered {(int)status}");
                    }
                }
            }
        }

        output.WriteLine($"{attempts} out-of-scope ledger requests over {rows.Count} ledgers, {notFound} answered 404, the others 403 as a missing record does.");
        Assert.Empty(leaks);
        await using var after = portal.CreateDbContext();
        foreach (var definition in LedgerCatalog.All)
        {
            var row = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(definition.Rows(after), r => r.Id == rows[definition.Key]);
            Assert.Equal(1, row.Version);
        }
    }
}
