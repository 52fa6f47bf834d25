using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Rules;

/// <summary>
/// Quota progress of a tiered honour (TaskQuotas): a tier's quota counts only the nominees of that tier, nominated and
/// approved, while a quota without a tier counts them all — as the dashboard shows them for 忻府区 under a 山西 plan with
/// 铜牌 and 银牌 quotas.
/// </summary>
public abstract class TierQuotaProgressTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static int serial;

    /// <summary>山西's plan for 2024–2026 whose gold coordinators come in 铜牌 and 银牌, with a quota per tier and one for all.</summary>
    private async Task PlanAsync()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        await using var db = portal.CreateDbContext();
        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == shanxi).OrderByDescending(v => v.Version).FirstAsync();
        var plan = JsonNode.Parse(latest.Json)!.AsObject();
        (plan["fromYear"], plan["toYear"], plan["name"]) = (2024, 2026, "山西省 2024–2026 年分层级选树方案（测试）");
        plan["criteria"]!.AsObject().Remove("coordinator");
        var gold = plan["tasks"]!.AsArray().Single(t => (string?)t!["id"] == "gold-coordinator")!.AsObject();
        gold["deadlines"] = new JsonArray();
        gold["honour"]!["tiers"] = JsonNode.Parse("""[ { "id": "bronze", "name": "铜牌" }, { "id": "silver", "name": "银牌" } ]""");
        gold["quotas"] = JsonNode.Parse("""
            [ { "level": "County", "per": "year", "min": 2, "unit": "名", "tier": "bronze" },
              { "level": "County", "per": "year", "min": 1, "unit": "名", "tier": "silver" },
              { "level": "County", "per": "year", "max": 5, "unit": "名" } ]
            """);
        var json = plan.ToJsonString();
        var (set, errors) = RuleSetReader.Read(json);
        Assert.Empty(errors);
        db.RuleSetVersions.Add(new RuleSetVersion
        {
            RegionId = shanxi, Version = latest.Version + 1, PlanVersion = 1, FromYear = 2024, ToYear = 2026, Json = json, Name = set!.Name,
            CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test",
        });
        await db.SaveChangesAsync();
    }

    private static async Task<long> NominateAsync(PortalClient clerk, string name, string tier)
    {
        var id = TestIdNumbers.WithCheckDigit($"14090219860404{Interlocked.Increment(ref serial) % 100:D2}60");
        var row = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers"),
            [.. LedgerForms.Coordinator(name, id, phone: "1390404" + id[^5..^1]), ("year", "2024")]);
        Assert.True(row.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(row)).QuerySelector("[data-testid=form-errors]")?.TextContent);
        var nominated = await clerk.PostAsync("/nominations/create", await clerk.TokenFromAsync("/nominations"),
            ("category", "Coordinator"), ("ledgerRowId", row.Headers.Location!.OriginalString.Split('/')[^1]), ("batch", "0"), ("tier", tier),
            ("narrative", "长期扎根基层，调处劳动争议百余件，推动企业建立协商机制，职工满意度高。"));
        Assert.Equal(HttpStatusCode.Redirect, nominated.StatusCode);
        return long.Parse(nominated.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>The dashboard row of 忻府区's gold-coordinator quota whose requirement ends with <paramref name="requirement"/>: its 完成情况.</summary>
    private static string Progress(IDocument dashboard, string requirement)
    {
        var rows = dashboard.QuerySelectorAll("[data-testid=dashboard-progress] tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .Where(c => c[0] == "忻府区" && c[1] == "打造金牌劳动关系协调员" && c[2].EndsWith(requirement, StringComparison.Ordinal))
            .ToList();
        return Assert.Single(rows)[3];
    }

    [Fact]
    public async Task EachTiersQuota_CountsThatTiersNomineesOnly_AndTheQuotaWithoutATierCountsThemAll()
    {
        portal.Clock.Set(2024, 6, 3);
        await PlanAsync();
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var bronze = await NominateAsync(clerk, "忻府铜牌甲", "bronze");
        await NominateAsync(clerk, "忻府铜牌乙", "bronze");
        await NominateAsync(clerk, "忻府银牌", "silver");
        await DoneAsync(ActAsync(clerk, (await SheetAsync(portal, bronze)).Id, "submit"));
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync($"/nominations/{bronze}/decide", await city.TokenFromAsync($"/nominations/{bronze}"), ("approve", "true"))).StatusCode);

        var dashboard = await city.GetPageAsync($"/dashboard?regionId={await portal.RegionIdAsync("140902")}&year=2024");

        // 铜牌: 2 nominated, 1 approved, against its own minimum of 2; 银牌: 1 nominated, none approved; all tiers: 3 and 1.
        Assert.Equal("1 / 2 名，还差 1 名（已推荐 2）", Progress(dashboard, "≥ 2 名（铜牌）"));
        Assert.Equal("0 / 1 名，还差 1 名（已推荐 1）", Progress(dashboard, "≥ 1 名（银牌）"));
        var all = Progress(dashboard, "≤ 5 名");
        Assert.StartsWith("1 ", all);
        Assert.EndsWith("（已推荐 3）", all);
    }
}

public sealed class SqliteTierQuotaProgressTests(SqlitePortal portal) : TierQuotaProgressTests<SqlitePortal>(portal);

public sealed class PostgresTierQuotaProgressTests(PostgresPortal portal) : TierQuotaProgressTests<PostgresPortal>(portal);
