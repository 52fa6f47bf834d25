using System.Net;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// 唐山市 has no plan of its own; 唐山高新区's plan defines its own honour "培育达标典型" (ADR 0026) and has the city select and
/// publish it. The city acts on the honour as the zone's plan defines it — nominees approved, selected and published by 唐山
/// (ts) — and 河北 (he), which has no plan either, sees the published list read-only.
/// </summary>
public abstract class TangshanOfficeHonourTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Honour = "harmonious-enterprises-model";

    private static readonly (string, string)[] Key = [("honour", Honour), ("year", "2021"), ("batch", "0")];

    [Fact]
    public async Task TangshanCity_WithoutAPlan_SelectsAndPublishesTheZonesOfficeHonour_TheProvinceSeesTheListReadOnly()
    {
        portal.Clock.Set(2021, 7, 1);
        using var clerk = await portal.SignedInClientAsync("tsgx.clerk");
        using var city = await portal.SignedInClientAsync("ts.reviewer");
        using var province = await portal.SignedInClientAsync("he.reviewer");

        // 高新区 nominates an enterprise for its plan's honour (its sheet measures the zone's "每年推荐不少于1家") and submits; the city approves it.
        var name = "高新培育达标企业" + Guid.NewGuid().ToString("N")[..6];
        var id = await NominateAsync(clerk, await EnterpriseAsync(clerk, name));
        var county = await SheetAsync(portal, id);
        Assert.Equal(Honour, county.HonourTaskId);
        Assert.Contains("推荐培育企业选树培育达标典型", (await clerk.GetPageAsync($"/nominations/sheets/{county.Id}")).QuerySelector("[data-testid=sheet-findings]")!.TextContent);
        await DoneAsync(ActAsync(clerk, county.Id, "submit"));
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true"))).StatusCode);
        await DoneAsync(ActAsync(city, county.Id, "approve"));

        // The city finds the honour beside the gold categories although no plan of its own defines it.
        Assert.Contains("培育达标典型", (await city.GetPageAsync("/nominations?year=2021")).QuerySelector("[data-testid=office-honours]")!.TextContent);

        // The city's overview names the honour and the zone's plan it acts on, and offers selection, not forwarding.
        var overview = await city.GetPageAsync($"/nominations?honour={Honour}&year=2021&batch=0");
        Assert.Contains("培育达标典型", overview.QuerySelector("h1")!.TextContent);
        Assert.Contains("本类别由市级择优选树并发布名单，发布即报省", overview.QuerySelector("[data-testid=selecting-level]")!.TextContent);
        Assert.Contains("本级未制定规划：依照下级规划《唐山高新区劳动关系“和谐同行”能力提升三年行动计划》（唐山高新区", overview.Body!.TextContent);
        var citySheet = await SheetAsync(portal, id, city: true);
        Assert.Equal(Honour, citySheet.HonourTaskId);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(city, citySheet.Id, "forward")).StatusCode);

        // The city selects and publishes.
        await DoneAsync(city.PostAsync($"/nominations/{id}/select", await city.TokenFromAsync($"/nominations/{id}"), ("select", "true")));
        var preview = await city.Http.GetAsync($"/nominations/publish?honour={Honour}&year=2021&batch=0");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains(name, await TextAsync(preview));
        await DoneAsync(city.PostAsync("/nominations/publish", await city.TokenFromAsync("/nominations"), [.. Key, ("confirmed", "true")]));
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, id, city: true)).Status);
            var publish = await db.SheetTransitions.AsNoTracking().Where(t => t.SheetId == citySheet.Id && t.Action == WorkflowAction.Publish).SingleAsync();
            Assert.Contains("唐山市发布 2021 年度培育达标典型名单，入选 1 名，并报河北省", publish.Reason);
            Assert.Equal((OfficeHonour.Category, Decision.Yes), await db.Nominations.AsNoTracking().Where(n => n.Id == id).Select(n => new ValueTuple<GoldCategory, Decision>(n.Category, n.ProvinceDecision)).SingleAsync());
        }

        // 河北 is told, finds the honour among its cities' honours, sees the published list, and may neither select nor publish.
        Assert.Contains("唐山市发布了2021 年度培育达标典型名单（入选 1 名）并报省", (await province.GetPageAsync("/notifications")).Body!.TextContent);
        Assert.Contains("培育达标典型", (await province.GetPageAsync("/nominations?year=2021")).QuerySelector("[data-testid=office-honours]")!.TextContent);
        var provinceOverview = await province.GetPageAsync($"/nominations?honour={Honour}&year=2021&batch=0");
        Assert.Contains("培育达标典型", provinceOverview.QuerySelector("h1")!.TextContent);
        Assert.NotNull(provinceOverview.QuerySelector("[data-testid=reported-upward]"));
        Assert.Null(provinceOverview.QuerySelector("form[action='/nominations/publish']"));
        Assert.Empty((await province.GetPageAsync($"/nominations/sheets/{citySheet.Id}")).QuerySelectorAll("main form"));
        var list = await province.GetPageAsync($"/print/published?honour={Honour}&year=2021&batch=0");
        Assert.Contains("培育达标典型名单", list.QuerySelector("h1")!.TextContent);
        Assert.Contains(name, list.Body!.TextContent);
        var select = await province.PostAsync($"/nominations/{id}/select", await province.TokenFromAsync("/nominations"), ("select", "false"), ("reason", "名额已满"));
        Assert.Equal(HttpStatusCode.Forbidden, select.StatusCode);
        var again = await province.PostAsync("/nominations/publish", await province.TokenFromAsync("/nominations"), [.. Key, ("confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("2021 年度培育达标典型由各市择优选树、发布名单后报省；省级只能查看已发布的名单", await TextAsync(again));
    }

    private static async Task<long> EnterpriseAsync(PortalClient clerk, string name)
    {
        var created = await clerk.PostAsync("/ledgers/harmonious-enterprises/create", await clerk.TokenFromAsync("/ledgers"),
            ("values[Name]", name), ("values[Address]", "高新区某路1号"), ("values[ContactName]", "王五"), ("values[ContactPhone]", "13800000001"),
            ("values[EmployeeCount]", "80"), ("values[ServiceUnit]", "高新区人社局"), ("values[ReachedStandard]", "是"), ("year", "2021"));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await TextAsync(created));
        return long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<long> NominateAsync(PortalClient clerk, long rowId)
    {
        var response = await clerk.PostAsync("/nominations/create", await clerk.TokenFromAsync($"/nominations?honour={Honour}&year=2021"),
            [.. Key, ("ledgerRowId", rowId.ToString()), ("narrative", "企业建立健全工资集体协商机制，劳动关系和谐稳定，连续三年无劳动争议，职工满意度高。")]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await TextAsync(response));
        Assert.Matches(@"^/nominations/\d+$", response.Headers.Location!.OriginalString);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }
}

public sealed class SqliteTangshanOfficeHonourTests(SqlitePortal portal) : TangshanOfficeHonourTests<SqlitePortal>(portal);

public sealed class PostgresTangshanOfficeHonourTests(PostgresPortal portal) : TangshanOfficeHonourTests<PostgresPortal>(portal);
