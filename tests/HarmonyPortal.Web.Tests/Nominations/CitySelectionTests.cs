using System.Net;
using System.Text.Json.Nodes;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// 赣州 confers its gold titles at the city ("市协调劳动关系三方择优选树20名金牌劳动关系协调员"; "择优选树3家以上金牌劳动人事争议
/// 调解组织，推荐上报省协调劳动关系三方"): county 章贡区 (gzzg) → city 赣州 (gz), which selects and publishes and so reports
/// to 江西 (jx), whose reviewer sees the published list read-only. The test first saves a version of 赣州's 2021–2023 plan
/// whose gold tasks are honours selected at the City level, through the rules page as the city's admin would.
/// </summary>
public abstract class CitySelectionTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Theory]
    [InlineData(GoldCategory.Coordinator, 0, "金牌劳动关系协调员")]
    [InlineData(GoldCategory.MediationOrganization, 1, "金牌劳动人事争议调解组织")]
    public async Task GanzhouCityReviewer_SelectsAndPublishes_TheProvinceSeesThePublishedListReadOnly(GoldCategory category, int batch, string title)
    {
        await SelectedAtTheCityAsync();
        portal.Clock.Set(2021, 7, 1);
        using var clerk = await portal.SignedInClientAsync("gzzg.clerk");
        using var city = await portal.SignedInClientAsync("gz.reviewer");
        using var province = await portal.SignedInClientAsync("jx.reviewer");
        var gold = new[] { ("category", category.ToString()), ("year", "2021"), ("batch", batch.ToString()) };
        var query = $"category={category}&year=2021&batch={batch}";
        var batchName = batch == 0 ? "" : "第 1 批";

        // The county nominates and submits; the city reviews the nominee and approves the sheet, as under any plan; the
        // city's clerk nominates one of the city's own.
        var first = await NominateAsync(clerk, category, await LedgerRowAsync(clerk, category, 2021, "章贡甲" + category), batch);
        await AttestAllAsync(clerk, first);
        var county = await SheetAsync(portal, first);
        await DoneAsync(ActAsync(clerk, county.Id, "submit"));
        if (category == GoldCategory.MediationOrganization)
        {
            await ConfirmAllAsync(city, first); // 赣州 sets mediation criteria with a condition the reviewer confirms; none for coordinators
        }

        Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync($"/nominations/{first}/decide", await city.TokenFromAsync($"/nominations/{first}"), ("approve", "true"))).StatusCode);
        await DoneAsync(ActAsync(city, county.Id, "approve"));
        using var cityClerk = await portal.SignedInClientAsync("gz.clerk");
        var second = await NominateAsync(cityClerk, category, await LedgerRowAsync(cityClerk, category, 2021, "赣州乙" + category), batch);
        await AttestAllAsync(cityClerk, second);
        var citySheet = await SheetAsync(portal, first, city: true);

        // The city does not forward: its sheet says who confers the title, and offers selection and publication instead.
        var cityPage = await city.GetPageAsync($"/nominations/sheets/{citySheet.Id}");
        Assert.Contains("本类别由市级择优选树并发布名单，发布即报省", cityPage.QuerySelector("[data-testid=selecting-level]")!.TextContent);
        Assert.Null(cityPage.QuerySelector($"form[action='/nominations/sheets/{citySheet.Id}/forward']"));
        Assert.Contains("市级择优", cityPage.QuerySelector("[data-testid=nominees]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(city, citySheet.Id, "forward")).StatusCode);

        // Before the city has decided, the province may not select either: the title is the city's to confer.
        var early = await province.PostAsync($"/nominations/{first}/select", await province.TokenFromAsync("/nominations"), ("select", "true"));
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("本类别由市级审核员择优和发布名单；省级只能查看已发布的名单", await TextAsync(early));

        // The city selects one and passes over the other with a reason; publishing waits for every decision.
        Assert.Equal("市级择优", (await city.GetPageAsync($"/print/nominations/{first}")).QuerySelector("[data-testid=selection-label]")!.TextContent.Trim());
        var nominee = await city.GetPageAsync($"/nominations/{first}");
        Assert.Contains("市级择优", nominee.Body!.TextContent);
        Assert.NotNull(nominee.QuerySelector($"form[action='/nominations/{first}/select']"));
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync($"/nominations/{first}/select", await city.TokenFromAsync($"/nominations/{first}"), ("select", "true"))).StatusCode);
        var overview = await city.GetPageAsync($"/nominations?{query}");
        Assert.Contains("待择优的推荐对象 1 名", overview.QuerySelector("[data-testid=publish-own]")!.TextContent);
        var tooEarly = await city.PostAsync("/nominations/publish", await city.TokenFromAsync("/nominations"), [.. gold, ("confirmed", "true")]);
        Assert.Contains($"还有 1 名推荐对象未择优（赣州乙{category}）", (await city.GetPageAsync($"/nominations?{query}")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, tooEarly.StatusCode);
        var noReason = await city.PostAsync($"/nominations/{second}/select", await city.TokenFromAsync($"/nominations/{second}"), ("select", "false"));
        Assert.Contains("未入选的理由：必填", await TextAsync(noReason));
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync($"/nominations/{second}/select", await city.TokenFromAsync($"/nominations/{second}"), ("select", "false"), ("reason", "事迹不够突出"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync("/nominations/publish", await city.TokenFromAsync("/nominations"), [.. gold, ("confirmed", "true")])).StatusCode);

        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, first, city: true)).Status);
            Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, first)).Status);
            var decisions = await db.Nominations.AsNoTracking().Where(n => n.Id == first || n.Id == second).OrderBy(n => n.Id).Select(n => new { n.ProvinceDecision, n.ProvinceReason, n.FrozenJson }).ToListAsync();
            Assert.Equal((Decision.Yes, Decision.No, "事迹不够突出"), (decisions[0].ProvinceDecision, decisions[1].ProvinceDecision, decisions[1].ProvinceReason));
            Assert.All(decisions, d => Assert.NotNull(d.FrozenJson));
            var steps = await db.SheetTransitions.AsNoTracking().Where(t => t.SheetId == citySheet.Id).OrderBy(t => t.Id).ToListAsync();
            Assert.Equal([WorkflowAction.Select, WorkflowAction.Select, WorkflowAction.Publish], steps.Select(t => t.Action));
            Assert.Contains($"赣州市发布 2021 年度{batchName}{title}名单，入选 1 名，并报江西省", steps[^1].Reason);
            Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.ObjectType == "sheet" && a.ObjectId == citySheet.Id.ToString()));
        }

        // The province is told, sees the city's line marked 已报省 and the published list, and has nothing to select or publish.
        Assert.Contains($"赣州市发布了2021 年度{batchName}{title}名单（入选 1 名）并报省，请查阅", (await province.GetPageAsync("/notifications")).Body!.TextContent);
        Assert.Contains($"{title}名单已发布，本地区入选 1 名", (await clerk.GetPageAsync("/notifications")).Body!.TextContent);
        var provinceOverview = await province.GetPageAsync($"/nominations?{query}");
        Assert.NotNull(provinceOverview.QuerySelector("[data-testid=reported-upward]"));
        Assert.Contains("省级查看各市已发布的名单，不再择优", provinceOverview.QuerySelector("[data-testid=selecting-level]")!.TextContent);
        Assert.Null(provinceOverview.QuerySelector("form[action='/nominations/publish']"));
        var provinceSheet = await province.GetPageAsync($"/nominations/sheets/{citySheet.Id}");
        Assert.Contains("入选", provinceSheet.QuerySelector("[data-testid=nominees]")!.TextContent);
        Assert.Empty(provinceSheet.QuerySelectorAll("main form"));
        Assert.Null((await province.GetPageAsync($"/nominations/{first}")).QuerySelector("form[action$='/select']"));
        var published = (await province.GetPageAsync($"/print/published?{query}")).Body!.TextContent;
        Assert.Contains("章贡甲" + category, published);
        Assert.DoesNotContain("赣州乙" + category, published);

        // Posted by hand, the province's selection and publication are refused with the reason, and change nothing.
        var select = await province.PostAsync($"/nominations/{second}/select", await province.TokenFromAsync("/nominations"), ("select", "true"));
        Assert.Equal(HttpStatusCode.Forbidden, select.StatusCode);
        Assert.Contains("本类别由市级审核员择优和发布名单；省级只能查看已发布的名单", await TextAsync(select));
        var publish = await province.PostAsync("/nominations/publish", await province.TokenFromAsync("/nominations"), [.. gold, ("confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Contains($"2021 年度{title}由各市择优选树、发布名单后报省；省级只能查看已发布的名单", await TextAsync(publish));
        await using var after = portal.CreateDbContext();
        Assert.Equal(Decision.No, (await after.Nominations.AsNoTracking().SingleAsync(n => n.Id == second)).ProvinceDecision);
        Assert.Equal(3, await after.SheetTransitions.CountAsync(t => t.SheetId == citySheet.Id));
        Assert.True(await after.AuditEntries.CountAsync(a => a.Action == AuditActions.AccessDenied && a.ObjectId == $"/nominations/{second}/select") >= 1);

        foreach (var printed in new[] { citySheet.Id, county.Id })
        {
            // The printed summary table heads its selection column with the level that confers the title.
            var head = (await city.GetPageAsync($"/print/sheets/{printed}")).QuerySelector("[data-testid=selection-head]")!.TextContent.Trim();
            Assert.Equal("市级择优", head);
        }
    }

    /// <summary>Saves 赣州's 2021–2023 plan again with its gold-coordinator and gold-mediation-organization tasks as honours the city confers.</summary>
    private async Task SelectedAtTheCityAsync()
    {
        var ganzhou = await portal.RegionIdAsync("360700");
        await using var db = portal.CreateDbContext();
        var current = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == ganzhou && v.FromYear == 2021).OrderByDescending(v => v.Version).FirstAsync();
        var plan = JsonNode.Parse(current.Json)!;
        var changed = false;
        foreach (var (id, category, title, ledger) in new[]
        {
            ("gold-coordinator", "coordinator", "金牌劳动关系协调员", "coordinators"),
            ("gold-mediation-organization", "mediationOrganization", "金牌劳动人事争议调解组织", "mediation-organizations"),
        })
        {
            var task = plan["tasks"]!.AsArray().Single(t => (string?)t!["id"] == id)!;
            changed |= (string?)task["honour"]?["selectingLevel"] != "City";
            task["kind"] = "honour";
            task["honour"] = new JsonObject { ["category"] = category, ["title"] = title, ["ledger"] = ledger, ["selectingLevel"] = "City" };
        }

        if (!changed)
        {
            return;
        }

        using var admin = await portal.SignedInClientAsync("gz.admin");
        var saved = await admin.PostAsync($"/rules/{ganzhou}", await admin.TokenFromAsync($"/rules/{ganzhou}"), ("json", plan.ToJsonString()), ("comment", "金牌由市级择优选树，推荐上报省"));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await TextAsync(saved));
    }
}

public sealed class SqliteCitySelectionTests(SqlitePortal portal) : CitySelectionTests<SqlitePortal>(portal);

public sealed class PostgresCitySelectionTests(PostgresPortal portal) : CitySelectionTests<PostgresPortal>(portal);
