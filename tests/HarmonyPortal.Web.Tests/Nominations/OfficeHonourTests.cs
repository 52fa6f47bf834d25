using System.Net;
using System.Text.Json.Nodes;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.YearEnd;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// Honours an office defines beyond the three gold categories go through the nomination workflow (ADR 0026): 山西's
/// "培育达标企业典型" over the harmonious-enterprises ledger, selected and published by the province; 岳阳's "培育达标典型",
/// selected and published by the city, which the province only views.
/// </summary>
public abstract class OfficeHonourTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    /// <summary>The honour task's id in both seeds (山西 2021–2023 and 岳阳 2021–2023).</summary>
    private const string Honour = "harmonious-enterprises-model";

    [Fact]
    public async Task ShanxiCountyNominatesAnEnterprise_CityApproves_ProvinceSelectsAndPublishes_CitySeesTheListReadOnly()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        var name = "忻府典型企业" + Guid.NewGuid().ToString("N")[..6];
        var row = await EnterpriseAsync(clerk, name, "忻府区人社局");
        var key = new[] { ("honour", Honour), ("year", "2022"), ("batch", "0") };

        // The clerk finds the honour beside the gold categories, under the plan's title, and nominates a harmonious enterprise.
        var gold = await clerk.GetPageAsync("/nominations?year=2022");
        Assert.Contains("培育达标企业典型", gold.QuerySelector("[data-testid=office-honours]")!.TextContent);
        var overview = await clerk.GetPageAsync($"/nominations?honour={Honour}&year=2022");
        Assert.Contains("培育达标企业典型推荐", overview.QuerySelector("h1")!.TextContent);
        Assert.Contains(name, overview.QuerySelector("select[name=ledgerRowId]")!.TextContent);
        var id = await NominateHonourAsync(clerk, row, 2022);

        // The plan sets no criteria for the honour: the nominee page and the printed 推荐表 say so, and name the title.
        var nominee = await clerk.GetPageAsync($"/nominations/{id}");
        Assert.Contains(GoldRulesWarning, nominee.QuerySelector("[data-testid=no-criteria]")!.TextContent);
        Assert.Contains("2022 年度培育达标企业典型", nominee.QuerySelector("h1")!.TextContent);
        var form = await clerk.GetPageAsync($"/print/nominations/{id}");
        Assert.Contains("称号：培育达标企业典型", form.QuerySelector(".doc-meta")!.TextContent);
        Assert.Contains("2022 年度培育达标企业典型推荐表", form.QuerySelector("h1")!.TextContent);
        Assert.NotNull(form.QuerySelector("[data-testid=no-criteria]"));

        // County submits; the city reviews the nominee, approves the sheet and forwards it to the province, which selects.
        var county = await SheetAsync(portal, id);
        await DoneAsync(ActAsync(clerk, county.Id, "submit"));
        var noReason = await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "false"));
        Assert.Contains("理由", await TextAsync(noReason));
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true"))).StatusCode);
        await DoneAsync(ActAsync(city, county.Id, "approve"));
        var citySheet = await SheetAsync(portal, id, city: true);
        Assert.Equal(Honour, citySheet.HonourTaskId);
        await DoneAsync(ActAsync(city, citySheet.Id, "forward"));
        var citySelects = await city.PostAsync($"/nominations/{id}/select", await city.TokenFromAsync($"/nominations/{id}"), ("select", "true"));
        Assert.Equal(HttpStatusCode.Forbidden, citySelects.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await province.PostAsync($"/nominations/{id}/select", await province.TokenFromAsync($"/nominations/{id}"), ("select", "true"))).StatusCode);
        var confirm = await province.GetPageAsync($"/nominations/publish?honour={Honour}&year=2022&batch=0");
        Assert.Contains("培育达标企业典型", confirm.Body!.TextContent);
        Assert.Contains(name, confirm.Body!.TextContent);
        await DoneAsync(province.PostAsync("/nominations/publish", await province.TokenFromAsync("/nominations"), [.. key, ("confirmed", "true")]));

        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, id, city: true)).Status);
            var stored = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id);
            Assert.Equal((OfficeHonour.Category, Honour, Decision.Yes), (stored.Category, stored.HonourTaskId, stored.ProvinceDecision));
            var published = await db.SheetTransitions.AsNoTracking().Where(t => t.SheetId == citySheet.Id && t.Action == WorkflowAction.Publish).SingleAsync();
            Assert.Contains("山西省发布 2022 年度培育达标企业典型名单", published.Reason);
        }

        // The published list carries the plan's title; the city sees it and its sheet read-only.
        var list = await city.GetPageAsync($"/print/published?honour={Honour}&year=2022&batch=0");
        Assert.Contains("培育达标企业典型名单", list.QuerySelector("h1")!.TextContent);
        Assert.Contains(name, list.Body!.TextContent);
        var cityOverview = await city.GetPageAsync($"/nominations?honour={Honour}&year=2022");
        Assert.NotNull(cityOverview.QuerySelector("[data-testid=published-print]"));
        Assert.Null(cityOverview.QuerySelector("form[action='/nominations/publish']"));
        Assert.Null(cityOverview.QuerySelector("[data-testid=withdraw-publication]"));
        Assert.Empty((await city.GetPageAsync($"/nominations/sheets/{citySheet.Id}")).QuerySelectorAll("main form"));
        Assert.Contains("培育达标企业典型名单已发布，本地区入选 1 名", (await clerk.GetPageAsync("/notifications")).Body!.TextContent);

        // The gold categories' pages do not count the honour's nominee.
        var coordinators = await province.GetPageAsync("/print/published?category=Coordinator&year=2022&batch=0");
        Assert.DoesNotContain(name, coordinators.Body!.TextContent);
    }

    [Fact]
    public async Task YueyangCityPublishesItsHonour_WithTheQuotaInTheSheetChecks_TheProvinceOnlyViewsIt()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        using var province = await portal.SignedInClientAsync("hn.reviewer");
        var name = "岳阳楼典型企业" + Guid.NewGuid().ToString("N")[..6];
        var id = await NominateHonourAsync(clerk, await EnterpriseAsync(clerk, name, "岳阳楼区人社局"), 2022);
        var key = new[] { ("honour", Honour), ("year", "2022"), ("batch", "0") };
        var county = await SheetAsync(portal, id);
        await DoneAsync(ActAsync(clerk, county.Id, "submit"));
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true"))).StatusCode);
        await DoneAsync(ActAsync(city, county.Id, "approve"));
        var citySheet = await SheetAsync(portal, id, city: true);

        // The city's sheet measures the honour's yearly quota ("每年在全市选树不少于10家培育达标典型") and says the city confers it.
        var sheet = await city.GetPageAsync($"/nominations/sheets/{citySheet.Id}");
        var findings = sheet.QuerySelector("[data-testid=sheet-findings]")!.TextContent;
        Assert.Contains("岳阳市 2022 年度选树培育达标典型", findings);
        Assert.Contains("10", findings);
        Assert.Contains("本类别由市级择优选树并发布名单", sheet.QuerySelector("[data-testid=selecting-level]")!.TextContent);
        Assert.Null(sheet.QuerySelector($"form[action='/nominations/sheets/{citySheet.Id}/forward']"));

        // The dashboard counts the nominee against the quota, where it used to say the honour had no workflow.
        var progress = (await city.GetPageAsync("/dashboard?year=2022")).QuerySelectorAll("[data-testid=dashboard-progress] tr")
            .Single(tr => tr.TextContent.Contains("选树培育达标典型") && tr.TextContent.Contains("岳阳市")).TextContent;
        Assert.Contains("已推荐 1", progress);

        // Before the city publishes, the province may not select: the title is the city's to confer.
        var early = await province.PostAsync($"/nominations/{id}/select", await province.TokenFromAsync("/nominations"), ("select", "true"));
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("本类别由市级审核员择优和发布名单；省级只能查看已发布的名单", await TextAsync(early));

        Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync($"/nominations/{id}/select", await city.TokenFromAsync($"/nominations/{id}"), ("select", "true"))).StatusCode);
        await DoneAsync(city.PostAsync("/nominations/publish", await city.TokenFromAsync("/nominations"), [.. key, ("confirmed", "true")]));
        Assert.Equal(SheetStatus.Published, (await SheetAsync(portal, id, city: true)).Status);

        // The province is told, finds the honour among its cities' honours, sees the published list, and cannot publish.
        Assert.Contains("岳阳市发布了2022 年度培育达标典型名单（入选 1 名）并报省", (await province.GetPageAsync("/notifications")).Body!.TextContent);
        Assert.Contains("培育达标典型", (await province.GetPageAsync("/nominations?year=2022")).QuerySelector("[data-testid=office-honours]")!.TextContent);
        var provinceOverview = await province.GetPageAsync($"/nominations?honour={Honour}&year=2022");
        Assert.NotNull(provinceOverview.QuerySelector("[data-testid=reported-upward]"));
        Assert.Null(provinceOverview.QuerySelector("form[action='/nominations/publish']"));
        var list = await province.GetPageAsync($"/print/published?honour={Honour}&year=2022&batch=0");
        Assert.Contains("培育达标典型名单", list.QuerySelector("h1")!.TextContent);
        Assert.Contains(name, list.Body!.TextContent);
        var publish = await province.PostAsync("/nominations/publish", await province.TokenFromAsync("/nominations"), [.. key, ("confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Contains("2022 年度培育达标典型由各市择优选树、发布名单后报省；省级只能查看已发布的名单", await TextAsync(publish));
        Assert.Empty((await province.GetPageAsync($"/nominations/sheets/{citySheet.Id}")).QuerySelectorAll("main form"));

        // The province's year-end workbook has the honour's published list as its own sheet, titled as the plan titles it.
        var (sheets, _) = YearEndWorkbookReader.Read(await YearEndExports.ExportAsync(province, 2022));
        var honourSheet = sheets.Single(x => x.Name == "培育达标典型");
        Assert.Contains("湖南省 2022 年度培育达标典型入选名单", honourSheet.Rows[0][0]);
        Assert.Contains(honourSheet.Data, r => r.Contains(name));
        Assert.DoesNotContain(sheets.Single(x => x.Name == "金牌劳动关系协调员").Data, r => r.Contains(name));
    }

    [Fact]
    public async Task AnHonoursSubmissionDeadline_RemindsTheCountiesThatHaveNotSubmitted_Once()
    {
        // 赣州's plan of 2025 (made for this test) confers its own honour with a county submission date of 2025-09-30.
        var ganzhou = await portal.RegionIdAsync("360700");
        await using (var db = portal.CreateDbContext())
        {
            var plan = new JsonObject
            {
                ["jurisdiction"] = "360700", ["name"] = "赣州市典型选树安排", ["source"] = "测试", ["fromYear"] = 2025, ["toYear"] = 2025,
                ["tasks"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["id"] = "model-enterprise", ["name"] = "选树赣南典型企业", ["lead"] = "人社局", ["participants"] = new JsonArray(), ["kind"] = "honour",
                        ["honour"] = new JsonObject { ["title"] = "赣南典型企业", ["ledger"] = "harmonious-enterprises", ["selectingLevel"] = "City" },
                        ["quotas"] = new JsonArray(),
                        ["deadlines"] = new JsonArray { new JsonObject { ["year"] = 2025, ["date"] = "2025-09-30", ["what"] = "赣南典型企业县区推荐", ["step"] = "submit" } },
                    },
                },
                ["criteria"] = new JsonObject(), ["notes"] = new JsonArray(),
            };
            var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == ganzhou).MaxAsync(v => (int?)v.Version) ?? 0;
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                RegionId = ganzhou, Version = latest + 1, PlanVersion = 1, FromYear = 2025, ToYear = 2025, Name = "赣州市典型选树安排",
                Json = plan.ToJsonString(), CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        portal.Clock.Set(2025, 9, 23);
        Assert.True(await RemindAsync(new DateOnly(2025, 9, 23)) > 0);
        using var clerk = await portal.SignedInClientAsync("gzzg.clerk");
        var inbox = (await clerk.GetPageAsync("/notifications")).QuerySelector("[data-testid=notifications]")!.TextContent;
        Assert.Contains("2025 年度赣南典型企业推荐表还有 7 天截止（2025-09-30），章贡区尚未提交", inbox);
        await using (var db = portal.CreateDbContext())
        {
            var links = await db.Notifications.AsNoTracking().Where(n => n.Title.Contains("赣南典型企业推荐表")).Select(n => n.Link).Distinct().ToListAsync();
            Assert.Equal(["/nominations?honour=model-enterprise&year=2025&batch=0"], links);
        }

        // A second run the same day sends nothing new.
        Assert.Equal(0, await RemindAsync(new DateOnly(2025, 9, 23)));
    }

    private async Task<int> RemindAsync(DateOnly today)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HarmonyPortal.Web.Features.Nominations.DeadlineReminders>().RunAsync(today, CancellationToken.None);
    }

    [Fact]
    public async Task AnHonourNoPlanDefines_CannotBeNominated()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        var row = await EnterpriseAsync(clerk, "忻府无称号企业" + Guid.NewGuid().ToString("N")[..6], "忻府区人社局");
        var response = await clerk.PostAsync("/nominations/create", await clerk.TokenFromAsync("/nominations"),
            ("honour", "no-such-honour"), ("year", "2022"), ("ledgerRowId", row.ToString()), ("batch", "0"), ("narrative", Narrative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/nominations?honour=no-such-honour", response.Headers.Location!.OriginalString);
        Assert.Contains("2022 年度适用的规划中没有该称号（no-such-honour），不能推荐", (await clerk.GetPageAsync(response.Headers.Location!.OriginalString)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Nominations.AnyAsync(n => n.HonourTaskId == "no-such-honour"));
    }

    private const string Narrative = "企业建立健全工资集体协商机制，劳动关系和谐稳定，连续三年无劳动争议，职工满意度高。";

    private const string GoldRulesWarning = "本级及上级规划均未规定该类别的选树条件";

    private static async Task<long> EnterpriseAsync(PortalClient clerk, string name, string serviceUnit)
    {
        var created = await clerk.PostAsync("/ledgers/harmonious-enterprises/create", await clerk.TokenFromAsync("/ledgers"),
            ("values[Name]", name), ("values[Address]", "某路1号"), ("values[ContactName]", "王五"), ("values[ContactPhone]", "13800000001"),
            ("values[EmployeeCount]", "80"), ("values[ServiceUnit]", serviceUnit), ("values[ReachedStandard]", "是"), ("year", "2022"));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await TextAsync(created));
        return long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<long> NominateHonourAsync(PortalClient clerk, long rowId, int year)
    {
        var response = await clerk.PostAsync("/nominations/create", await clerk.TokenFromAsync($"/nominations?honour={Honour}&year={year}"),
            ("honour", Honour), ("year", year.ToString()), ("ledgerRowId", rowId.ToString()), ("batch", "0"), ("narrative", Narrative));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await TextAsync(response));
        Assert.Matches(@"^/nominations/\d+$", response.Headers.Location!.OriginalString);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }
}

public sealed class SqliteOfficeHonourTests(SqlitePortal portal) : OfficeHonourTests<SqlitePortal>(portal);

public sealed class PostgresOfficeHonourTests(PostgresPortal portal) : OfficeHonourTests<PostgresPortal>(portal);
