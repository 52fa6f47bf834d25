using System.Net;
using System.Text.Json.Nodes;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// Criteria that ask for an honour held in an earlier year, and tier progression (逐年层级递进): the same person (by ID
/// number) on a published list of an earlier year holds the honour; one only nominated does not. The ledger's eligibility
/// card, the nominee page, the sheet's submission and the printed 推荐表 all read the same history.
/// </summary>
public abstract class HonourHistoryTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static int serial;

    /// <summary>山西's plan for 2024–2026, stored as the newest version, with the coordinator criteria and honour tiers given.</summary>
    private async Task PlanAsync(JsonNode? coordinatorCriteria, JsonArray? tiers, JsonArray? quotas = null)
    {
        var shanxi = await portal.RegionIdAsync("140000");
        await using var db = portal.CreateDbContext();
        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == shanxi).OrderByDescending(v => v.Version).FirstAsync();
        var plan = JsonNode.Parse(latest.Json)!.AsObject();
        (plan["fromYear"], plan["toYear"], plan["name"]) = (2024, 2026, "山西省 2024–2026 年金牌选树方案（测试）");
        var criteria = plan["criteria"]!.AsObject();
        criteria.Remove("coordinator");
        if (coordinatorCriteria is not null)
        {
            criteria["coordinator"] = coordinatorCriteria;
        }

        var gold = plan["tasks"]!.AsArray().Single(t => (string?)t!["id"] == "gold-coordinator")!.AsObject();
        gold["deadlines"] = new JsonArray();
        gold["honour"]!.AsObject().Remove("tiers");
        if (tiers is not null)
        {
            gold["honour"]!["tiers"] = tiers;
        }

        if (quotas is not null)
        {
            gold["quotas"] = quotas;
        }

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

    private static string IdNumber() => TestIdNumbers.WithCheckDigit($"14090219850303{Interlocked.Increment(ref serial) % 100:D2}40");

    private static async Task<long> RowAsync(PortalClient clerk, string name, string id, int year)
    {
        var response = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers"),
            [.. LedgerForms.Coordinator(name, id, phone: "1390303" + id[^5..^1]), ("year", year.ToString())]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=form-errors]")?.TextContent);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<HttpResponseMessage> NominateForAsync(PortalClient clerk, long rowId, string? tier) =>
        await clerk.PostAsync("/nominations/create", await clerk.TokenFromAsync("/nominations"),
            ("category", "Coordinator"), ("ledgerRowId", rowId.ToString()), ("batch", "0"), ("tier", tier ?? ""),
            ("narrative", "长期扎根基层，调处劳动争议百余件，推动企业建立协商机制，职工满意度高。"));

    private static long IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>The 2025 list as the province left it: the sheet published, the nominee selected (入选) or not.</summary>
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
    public async Task HeldOnAPublishedListIn2025_Passes2026_OnlyNominated_FailsWithTheReason_AndTheNotHeldVariantTurnsBoth()
    {
        portal.Clock.Set(2026, 6, 1);
        await PlanAsync(JsonNode.Parse("""
            { "all": [ { "id": "hist-held", "text": "此前年度获评金牌劳动关系协调员", "clause": "测试条款", "kind": "automatic",
                         "test": { "fact": "honour:coordinator", "op": "held" } } ] }
            """), null);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var reviewer = await portal.SignedInClientAsync("sx.reviewer");
        var rules = (await reviewer.GetPageAsync($"/rules/{await portal.RegionIdAsync("140000")}")).QuerySelector("[data-testid=criteria]")!.TextContent;
        Assert.Contains("此前年度获评金牌劳动关系协调员", rules);
        Assert.Contains("（核对：此前年度已获“金牌劳动关系协调员”称号）", rules);
        var (heldId, nominatedId) = (IdNumber(), IdNumber());
        var selected2025 = IdOf(await NominateForAsync(clerk, await RowAsync(clerk, "往年入选", heldId, 2025), null));
        var notSelected2025 = IdOf(await NominateForAsync(clerk, await RowAsync(clerk, "往年落选", nominatedId, 2025), null));
        await PublishAsync(selected2025, selected: true);
        await PublishAsync(notSelected2025, selected: false);

        // The same people's 2026 rows: the ledger's card already reads their history.
        var heldRow = await RowAsync(clerk, "往年入选", heldId, 2026);
        var nominatedRow = await RowAsync(clerk, "往年落选", nominatedId, 2026);
        Assert.Contains("2025年已获该称号（已公布入选）", Eligibility(await clerk.GetPageAsync($"/ledgers/coordinators/{heldRow}")));
        Assert.Contains("未查到2025年及以前的记录（2025年曾获推荐，未列入公布名单）", Eligibility(await clerk.GetPageAsync($"/ledgers/coordinators/{nominatedRow}")));

        var held = IdOf(await NominateForAsync(clerk, heldRow, null));
        var nominated = IdOf(await NominateForAsync(clerk, nominatedRow, null));
        var heldPage = await clerk.GetPageAsync($"/nominations/{held}");
        Assert.Equal("符合", Badge(heldPage));
        Assert.Equal("不符合", Badge(await clerk.GetPageAsync($"/nominations/{nominated}")));
        Assert.Contains("2025年已获该称号（已公布入选）", Eligibility(heldPage));

        var sheet = await SheetAsync(portal, held);
        var refused = await ActAsync(clerk, sheet.Id, "submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var reasons = await TextAsync(refused);
        Assert.Contains("往年落选：不符合“此前年度获评金牌劳动关系协调员”——未查到2025年及以前的记录", reasons);
        Assert.DoesNotContain("往年入选：", reasons);

        // NOT held within one year: the same two people, the other way round.
        await PlanAsync(JsonNode.Parse("""
            { "all": [ { "id": "hist-not-held", "text": "近1年未获评金牌劳动关系协调员", "clause": "测试条款", "kind": "automatic",
                         "test": { "fact": "honour:coordinator", "op": "notHeld", "value": 1 } } ] }
            """), null);
        var heldNow = await clerk.GetPageAsync($"/nominations/{held}");
        Assert.Equal("不符合", Badge(heldNow));
        Assert.Contains("2025年已获该称号（已公布入选）", Eligibility(heldNow));
        Assert.Equal("符合", Badge(await clerk.GetPageAsync($"/nominations/{nominated}")));
        var refusedAgain = await TextAsync(await ActAsync(clerk, sheet.Id, "submit"));
        Assert.Contains("往年入选：不符合“近1年未获评金牌劳动关系协调员”——2025年已获该称号", refusedAgain);
        Assert.DoesNotContain("往年落选：", refusedAgain);
    }

    [Fact]
    public async Task AGoldNominee_NeedsSilverHeldEarlier_BlockedWithoutIt_PassesWithIt_AndTheTierMustBeChosen()
    {
        portal.Clock.Set(2026, 6, 2);
        await PlanAsync(null, JsonNode.Parse("""
            [ { "id": "bronze", "name": "铜牌" }, { "id": "silver", "name": "银牌", "requiresTierBelow": true }, { "id": "gold", "name": "金牌", "requiresTierBelow": true } ]
            """)!.AsArray());
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        using var reviewer = await portal.SignedInClientAsync("sx.reviewer");
        Assert.Contains("层级：铜牌、银牌、金牌；逐年层级递进：银牌须此前年度已获铜牌、金牌须此前年度已获银牌",
            (await reviewer.GetPageAsync($"/rules/{await portal.RegionIdAsync("140000")}")).Body!.TextContent);
        var (silverId, newId) = (IdNumber(), IdNumber());
        var silver2025 = IdOf(await NominateForAsync(clerk, await RowAsync(clerk, "银牌在前", silverId, 2025), "silver"));
        await PublishAsync(silver2025, selected: true);

        var silverRow = await RowAsync(clerk, "银牌在前", silverId, 2026);
        var overview = await clerk.GetPageAsync("/nominations?category=Coordinator");
        Assert.Equal(["铜牌", "银牌（须此前已获下一级）", "金牌（须此前已获下一级）"], overview.QuerySelectorAll("select[name=tier] option").Select(o => o.TextContent));
        var noTier = await NominateForAsync(clerk, silverRow, null);
        Assert.Equal(HttpStatusCode.Redirect, noTier.StatusCode);
        Assert.Contains("推荐层级：请选择铜牌、银牌、金牌之一", (await clerk.GetPageAsync(noTier.Headers.Location!.OriginalString)).Body!.TextContent);

        var promoted = IdOf(await NominateForAsync(clerk, silverRow, "gold"));
        using var other = await portal.SignedInClientAsync("xzyp.clerk");
        var fresh = IdOf(await NominateForAsync(other, await RowAsync(other, "直接金牌", newId, 2026), "gold"));
        var promotedPage = await clerk.GetPageAsync($"/nominations/{promoted}");
        Assert.Equal("推荐层级：金牌", promotedPage.QuerySelector("[data-testid=tier]")!.TextContent.Trim());
        Assert.Equal("符合", Badge(promotedPage));
        Assert.Contains("需此前年度已获“银牌”称号", Eligibility(promotedPage));
        Assert.Equal("推荐层级：金牌", (await other.GetPageAsync($"/print/nominations/{fresh}")).QuerySelector("[data-testid=tier]")!.TextContent.Trim());

        var refused = await ActAsync(other, (await SheetAsync(portal, fresh)).Id, "submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("直接金牌：需此前年度已获“银牌”称号：未查到2025年及以前的记录", await TextAsync(refused));

        // The promoted one held 银牌 in 2025: its sheet goes up, and the recorded verdict and the printed 推荐表 say why.
        await DoneAsync(ActAsync(clerk, (await SheetAsync(portal, promoted)).Id, "submit"));
        await using var db = portal.CreateDbContext();
        var recorded = await db.NominationEvaluations.AsNoTracking().Where(e => e.NominationId == promoted).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Contains("2025年已获该称号（已公布入选）", recorded.VerdictJson);
        Assert.Contains("2025年已获该称号（已公布入选）", (await clerk.GetPageAsync($"/print/nominations/{promoted}")).Body!.TextContent);
    }

    [Fact]
    public async Task ATiersQuota_CountsThatTiersNomineesOnly_AndTheRefusalNamesTheTier()
    {
        portal.Clock.Set(2024, 6, 3); // 2024: the class's other tests nominate for 2025 and 2026 in the same counties
        await PlanAsync(null,
            JsonNode.Parse("""[ { "id": "bronze", "name": "铜牌" }, { "id": "silver", "name": "银牌" } ]""")!.AsArray(),
            JsonNode.Parse("""
                [ { "level": "County", "per": "year", "max": 1, "unit": "名", "tier": "bronze" },
                  { "level": "County", "per": "year", "max": 3, "unit": "名" } ]
                """)!.AsArray());

        // 定襄县: one 铜牌 and one 银牌 — each tier within its quota, two in all within three.
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        var bronze = IdOf(await NominateForAsync(clerk, await RowAsync(clerk, "定襄铜牌", IdNumber(), 2024), "bronze"));
        IdOf(await NominateForAsync(clerk, await RowAsync(clerk, "定襄银牌", IdNumber(), 2024), "silver"));
        await DoneAsync(ActAsync(clerk, (await SheetAsync(portal, bronze)).Id, "submit"));

        // 原平市: two 铜牌 — the 铜牌 quota of one is passed, although two in all are within three.
        using var other = await portal.SignedInClientAsync("xzyp.clerk");
        var first = IdOf(await NominateForAsync(other, await RowAsync(other, "原平铜牌甲", IdNumber(), 2024), "bronze"));
        IdOf(await NominateForAsync(other, await RowAsync(other, "原平铜牌乙", IdNumber(), 2024), "bronze"));
        var refused = await ActAsync(other, (await SheetAsync(portal, first)).Id, "submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var reasons = await TextAsync(refused);
        Assert.Contains("2024 年度打造金牌劳动关系协调员（铜牌）：2 名，超过上限 1 名", reasons);
        Assert.DoesNotContain("打造金牌劳动关系协调员：2 名，超过上限", reasons);

        // The rules page names the tier of each quota as the honour does.
        using var reviewer = await portal.SignedInClientAsync("sx.reviewer");
        var rules = (await reviewer.GetPageAsync($"/rules/{await portal.RegionIdAsync("140000")}")).Body!.TextContent;
        Assert.Contains("名（铜牌）", rules);
        Assert.DoesNotContain("（bronze）", rules);
    }
}

public sealed class SqliteHonourHistoryTests(SqlitePortal portal) : HonourHistoryTests<SqlitePortal>(portal);

public sealed class PostgresHonourHistoryTests(PostgresPortal portal) : HonourHistoryTests<PostgresPortal>(portal);
