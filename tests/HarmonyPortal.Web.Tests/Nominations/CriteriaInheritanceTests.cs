using System.Net;
using System.Text.Json.Nodes;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// A county's own plan that sets no criteria takes them from the plan of the level above, and every place that shows
/// the criteria says so: the ledger's eligibility card, the sheet, the nominee page and the printed 推荐表.
/// </summary>
public abstract class CriteriaInheritanceTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task ACountyPlanWithoutCriteria_UsesTheCitysCriteria_AndEveryPageNamesTheCitysPlan()
    {
        portal.Clock.Set(2022, 10, 12);
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        var huling = await portal.RegionIdAsync("410000-JY-HL");
        await using (var db = portal.CreateDbContext())
        {
            var city = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jiyuan).OrderByDescending(v => v.Version).FirstAsync();
            var county = JsonNode.Parse(city.Json)!.AsObject();
            county["jurisdiction"] = "410000-JY-HL";
            county["name"] = "虎岭高新区劳动关系协调员队伍建设工作方案";
            county["criteria"] = new JsonObject();
            county["coverageTargets"] = new JsonArray();
            county["tasks"] = new JsonArray();
            // A region's first plan is stored as the seeder stores one (the rules page edits plans a region already has).
            var json = county.ToJsonString();
            var (plan, errors) = RuleSetReader.Read(json);
            Assert.Empty(errors);
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                RegionId = huling, Version = 1, PlanVersion = 1, FromYear = plan!.FromYear, ToYear = plan.ToYear, Json = json, Name = plan.Name,
                CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        const string Note = "选树条件依照《济源示范区劳动关系协调员队伍建设和金牌选树》（上级规划）";
        using var clerk = await portal.SignedInClientAsync("jyhl.clerk");
        var created = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers"),
            [.. LedgerForms.Coordinator("周依照", TestIdNumbers.WithCheckDigit("419001198506060030"), "男", phone: "13906060030"), ("year", "2022")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var card = (await clerk.GetPageAsync(created.Headers.Location!.OriginalString)).QuerySelector("[data-testid=eligibility]")!;
        Assert.Contains(Note, card.QuerySelector("[data-testid=criteria-source]")!.TextContent);
        Assert.Contains("持有劳动关系协调员职业技能等级证书：是", card.TextContent);

        var id = await NominateAsync(clerk, GoldCategory.Coordinator, long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]));
        var sheet = await SheetAsync(portal, id);
        Assert.Contains(Note, (await clerk.GetPageAsync($"/nominations/sheets/{sheet.Id}")).QuerySelector("[data-testid=criteria-source]")!.TextContent);
        var nominee = await clerk.GetPageAsync($"/nominations/{id}");
        Assert.Contains(Note, nominee.QuerySelector("[data-testid=eligibility] [data-testid=criteria-source]")!.TextContent);
        Assert.Null(nominee.QuerySelector("[data-testid=no-criteria]"));
        Assert.Contains(Note, (await clerk.GetPageAsync($"/print/nominations/{id}")).QuerySelector("[data-testid=criteria-source]")!.TextContent);

        // 济源's own clerk answers to 济源's own plan: nothing is said to be inherited.
        using var cityClerk = await portal.SignedInClientAsync("jy.clerk");
        var own = await cityClerk.PostAsync("/ledgers/coordinators/create", await cityClerk.TokenFromAsync("/ledgers"),
            [.. LedgerForms.Coordinator("吴本级", TestIdNumbers.WithCheckDigit("419001198507070040"), "女", phone: "13907070040"), ("year", "2022")]);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        var ownCard = (await cityClerk.GetPageAsync(own.Headers.Location!.OriginalString)).QuerySelector("[data-testid=eligibility]")!;
        Assert.Null(ownCard.QuerySelector("[data-testid=criteria-source]"));
    }
}

public sealed class SqliteCriteriaInheritanceTests(SqlitePortal portal) : CriteriaInheritanceTests<SqlitePortal>(portal);

public sealed class PostgresCriteriaInheritanceTests(PostgresPortal portal) : CriteriaInheritanceTests<PostgresPortal>(portal);
