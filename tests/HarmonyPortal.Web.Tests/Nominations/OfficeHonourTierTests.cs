using System.Net;
using System.Text.Json.Nodes;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// Tier progression (逐年层级递进) of a tiered office-defined honour (ADR 0026), exactly as the gold categories have it: 山西's
/// "培育达标企业典型" in 铜牌/银牌/金牌 tiers, where 银牌 requires 铜牌 held in an earlier year. The same enterprise (by its
/// name in its region, as the harmonious-enterprises ledger knows it across years) on 2025's published 铜牌 list passes in
/// 2026; one that never held 铜牌 is refused on submission, with the reason, and the nominee page and printed 推荐表 say why.
/// </summary>
public abstract class OfficeHonourTierTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Honour = "harmonious-enterprises-model";

    private const string Narrative = "企业建立健全工资集体协商机制，劳动关系和谐稳定，连续三年无劳动争议，职工满意度高。";

    /// <summary>山西's plan for 2024–2026 (stored as the newest version): the office honour in tiers, without quotas or deadlines.</summary>
    private async Task PlanAsync(bool silverRequiresBronze)
    {
        var shanxi = await portal.RegionIdAsync("140000");
        await using var db = portal.CreateDbContext();
        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == shanxi).OrderByDescending(v => v.Version).FirstAsync();
        var plan = JsonNode.Parse(latest.Json)!.AsObject();
        (plan["fromYear"], plan["toYear"], plan["name"]) = (2024, 2026, "山西省 2024–2026 年典型选树方案（测试）");
        var honour = plan["tasks"]!.AsArray().Single(t => (string?)t!["id"] == Honour)!.AsObject();
        honour["deadlines"] = new JsonArray();
        honour["quotas"] = new JsonArray();
        honour["honour"]!["tiers"] = JsonNode.Parse($$"""
            [ { "id": "bronze", "name": "铜牌" }, { "id": "silver", "name": "银牌", "requiresTierBelow": {{(silverRequiresBronze ? "true" : "false")}} },
              { "id": "gold", "name": "金牌", "requiresTierBelow": true } ]
            """);
        var json = plan.ToJsonString();
        var (set, errors) = RuleSetReader.Read(json);
        Assert.Empty(errors);
        var planVersion = await db.RuleSetVersions.Where(v => v.RegionId == shanxi && v.FromYear == 2024).MaxAsync(v => (int?)v.PlanVersion) ?? 0;
        db.RuleSetVersions.Add(new RuleSetVersion
        {
            RegionId = shanxi, Version = latest.Version + 1, PlanVersion = planVersion + 1, FromYear = 2024, ToYear = 2026, Json = json, Name = set!.Name,
            CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test",
        });
        await db.SaveChangesAsync();
    }

    private static async Task<long> EnterpriseAsync(PortalClient clerk, string name, int year)
    {
        var created = await clerk.PostAsync("/ledgers/harmonious-enterprises/create", await clerk.TokenFromAsync("/ledgers"),
            ("values[Name]", name), ("values[Address]", "某路1号"), ("values[ContactName]", "王五"), ("values[ContactPhone]", "13800000001"),
            ("values[EmployeeCount]", "80"), ("values[ServiceUnit]", "忻府区人社局"), ("values[ReachedStandard]", "是"), ("year", year.ToString()));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await TextAsync(created));
        return long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<HttpResponseMessage> NominateAsync(PortalClient clerk, long rowId, int year, string? tier) =>
        await clerk.PostAsync("/nominations/create", await clerk.TokenFromAsync($"/nominations?honour={Honour}&year={year}"),
            ("honour", Honour), ("year", year.ToString()), ("ledgerRowId", rowId.ToString()), ("batch", "0"), ("tier", tier ?? ""), ("narrative", Narrative));

    private static long IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(@"^/nominations/\d+$", response.Headers.Location!.OriginalString);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>The year's list as the province left it: the sheet published, the nominee selected (入选) or not.</summary>
    private async Task PublishAsync(long nominationId, bool selected)
    {
        await using var db = portal.CreateDbContext();
        var nomination = await db.Nominations.Include(n => n.Sheet).SingleAsync(n => n.Id == nominationId);
        nomination.ProvinceDecision = selected ? Decision.Yes : Decision.No;
        nomination.Sheet.Status = SheetStatus.Published;
        await db.SaveChangesAsync();
    }

    private static string Eligibility(AngleSharp.Dom.IDocument page) => page.QuerySelector("[data-testid=eligibility]")!.TextContent;

    private static string Badge(AngleSharp.Dom.IDocument page) => page.QuerySelector("[data-testid=eligibility] .card-header .badge")!.TextContent.Trim();

    [Fact]
    public async Task ASilverNominee_WithoutBronzeEarlier_IsRefused_WithIt_Passes_AndThePagesAndThePrintedFormSayWhy()
    {
        portal.Clock.Set(2026, 6, 1);
        await PlanAsync(silverRequiresBronze: true);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var reviewer = await portal.SignedInClientAsync("sx.reviewer");
        var (held, never, passedOver) = ("铜牌在前企业", "直接银牌企业", "铜牌落选企业");

        // 2025: two enterprises nominated for 铜牌; one is selected onto the published list, the other is not.
        var bronze2025 = IdOf(await NominateAsync(clerk, await EnterpriseAsync(clerk, held, 2025), 2025, "bronze"));
        var notSelected2025 = IdOf(await NominateAsync(clerk, await EnterpriseAsync(clerk, passedOver, 2025), 2025, "bronze"));
        await PublishAsync(bronze2025, selected: true);
        await PublishAsync(notSelected2025, selected: false);

        // 2026: the tier picker names the requirement; all three are nominated for 银牌.
        var (heldRow, neverRow, passedOverRow) = (await EnterpriseAsync(clerk, held, 2026), await EnterpriseAsync(clerk, never, 2026), await EnterpriseAsync(clerk, passedOver, 2026));
        var overview = await clerk.GetPageAsync($"/nominations?honour={Honour}&year=2026");
        Assert.Equal(["铜牌", "银牌（须此前已获下一级）", "金牌（须此前已获下一级）"], overview.QuerySelectorAll("select[name=tier] option").Select(o => o.TextContent));
        var promoted = IdOf(await NominateAsync(clerk, heldRow, 2026, "silver"));
        var fresh = IdOf(await NominateAsync(clerk, neverRow, 2026, "silver"));
        var notHeld = IdOf(await NominateAsync(clerk, passedOverRow, 2026, "silver"));

        // The nominee pages: the honour's own title, the requirement, and the earlier list it was read from.
        var promotedPage = await clerk.GetPageAsync($"/nominations/{promoted}");
        Assert.Equal("推荐层级：银牌", promotedPage.QuerySelector("[data-testid=tier]")!.TextContent.Trim());
        Assert.Equal("符合", Badge(promotedPage));
        Assert.Contains("培育达标企业典型 选树条件", Eligibility(promotedPage));
        Assert.Contains("需此前年度已获“铜牌”称号", Eligibility(promotedPage));
        Assert.Contains("2025年已获该称号（已公布入选）", Eligibility(promotedPage));
        var freshPage = await clerk.GetPageAsync($"/nominations/{fresh}");
        Assert.Equal("不符合", Badge(freshPage));
        Assert.Contains("未查到2025年及以前的记录", Eligibility(freshPage));
        Assert.Contains("未查到2025年及以前的记录（2025年曾获推荐，未列入公布名单）", Eligibility(await clerk.GetPageAsync($"/nominations/{notHeld}")));

        // Submission is refused for the two without 铜牌, each named with the reason, exactly as for a gold category.
        var sheet = await SheetAsync(portal, promoted);
        var refused = await ActAsync(clerk, sheet.Id, "submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var reasons = await TextAsync(refused);
        Assert.Contains($"{never}：需此前年度已获“铜牌”称号：未查到2025年及以前的记录", reasons);
        Assert.Contains($"{passedOver}：需此前年度已获“铜牌”称号：未查到2025年及以前的记录（2025年曾获推荐，未列入公布名单）", reasons);
        Assert.DoesNotContain($"{held}：", reasons);

        // Without the two, the sheet goes up; the recorded verdict and the printed 推荐表 say why the promoted one passed.
        foreach (var id in new[] { fresh, notHeld })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync($"/nominations/{id}/delete", await clerk.TokenFromAsync($"/nominations/{id}"))).StatusCode);
        }

        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));
        await using (var db = portal.CreateDbContext())
        {
            var recorded = await db.NominationEvaluations.AsNoTracking().Where(e => e.NominationId == promoted).OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal(Outcome.Met, recorded.Outcome);
            Assert.Contains("2025年已获该称号（已公布入选）", recorded.VerdictJson);
        }

        var form = await clerk.GetPageAsync($"/print/nominations/{promoted}");
        Assert.Equal("推荐层级：银牌", form.QuerySelector("[data-testid=tier]")!.TextContent.Trim());
        Assert.Contains("2025年已获该称号（已公布入选）", form.Body!.TextContent);

        // The rules page states the progression of the office honour's tiers.
        Assert.Contains("逐年层级递进：银牌须此前年度已获铜牌、金牌须此前年度已获银牌",
            (await reviewer.GetPageAsync($"/rules/{await portal.RegionIdAsync("140000")}")).Body!.TextContent);
    }

    [Fact]
    public async Task ATierThatDoesNotRequireTheTierBelow_PassesWithoutIt_OneThatDoes_IsRefused()
    {
        portal.Clock.Set(2024, 6, 1);
        await PlanAsync(silverRequiresBronze: false);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        var silver = IdOf(await NominateAsync(clerk, await EnterpriseAsync(clerk, "定襄直接银牌企业", 2024), 2024, "silver"));
        var gold = IdOf(await NominateAsync(clerk, await EnterpriseAsync(clerk, "定襄直接金牌企业", 2024), 2024, "gold"));
        var silverPage = await clerk.GetPageAsync($"/nominations/{silver}");
        Assert.Null(silverPage.QuerySelector("[data-testid=eligibility]"));
        Assert.NotNull(silverPage.QuerySelector("[data-testid=no-criteria]"));
        Assert.Equal("不符合", Badge(await clerk.GetPageAsync($"/nominations/{gold}")));
        var refused = await TextAsync(await ActAsync(clerk, (await SheetAsync(portal, silver)).Id, "submit"));
        Assert.Contains("定襄直接金牌企业：需此前年度已获“银牌”称号：未查到2023年及以前的记录", refused);
        Assert.DoesNotContain("定襄直接银牌企业：", refused);
    }
}

public sealed class SqliteOfficeHonourTierTests(SqlitePortal portal) : OfficeHonourTierTests<SqlitePortal>(portal);

public sealed class PostgresOfficeHonourTierTests(PostgresPortal portal) : OfficeHonourTierTests<PostgresPortal>(portal);
