using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// Deadlines per step: 唐山高新区 submits its gold coordinators to the city by 09-30, 唐山 reports them upward by 10-31.
/// The county's submission is checked against the first date, the city's report against the second; an extension of
/// one step does not move the other. The plans are saved by the test, not taken from the seeds.
/// </summary>
public abstract class StepDeadlineTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static JsonArray Steps(int year) =>
    [
        new JsonObject { ["year"] = year, ["date"] = $"{year}-09-30", ["what"] = "金牌劳动关系协调员县区推荐", ["step"] = "submit" },
        new JsonObject { ["year"] = year, ["date"] = $"{year}-10-31", ["what"] = "金牌劳动关系协调员报省", ["step"] = "report" },
    ];

    /// <summary>A new version of 唐山高新区's plan and a plan of 唐山市, both with the two steps of 2022 for gold coordinators.</summary>
    private async Task SavePlansAsync()
    {
        var gaoxin = await portal.RegionIdAsync("130200-GX");
        var tangshan = await portal.RegionIdAsync("130200");
        await using var db = portal.CreateDbContext();
        if (await db.RuleSetVersions.AnyAsync(v => v.RegionId == tangshan))
        {
            return;
        }

        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == gaoxin).OrderByDescending(v => v.Version).FirstAsync();
        var plan = JsonNode.Parse(latest.Json)!.AsObject();
        var task = plan["tasks"]!.AsArray().First(t => (string?)t!["id"] == "gold-coordinator" || (string?)t!["honour"]?["category"] == "coordinator")!;
        task["deadlines"] = Steps(2022);
        task["quotas"] = new JsonArray();
        db.RuleSetVersions.Add(new RuleSetVersion
        {
            RegionId = gaoxin, Version = latest.Version + 1, PlanVersion = latest.PlanVersion + 1, FromYear = latest.FromYear, ToYear = latest.ToYear,
            Name = latest.Name, Json = plan.ToJsonString(), CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test", Comment = "分环节期限",
        });
        var city = new JsonObject
        {
            ["jurisdiction"] = "130200", ["name"] = "唐山市金牌选树安排", ["source"] = "测试", ["fromYear"] = 2021, ["toYear"] = 2023,
            ["tasks"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "gold-coordinator", ["name"] = "打造金牌劳动关系协调员", ["lead"] = "总工会", ["participants"] = new JsonArray(),
                    ["quotas"] = new JsonArray(), ["deadlines"] = Steps(2022),
                },
                new JsonObject
                {
                    ["id"] = "gold-social-organization", ["name"] = "争创金牌协调劳动关系社会组织", ["lead"] = "总工会", ["participants"] = new JsonArray(),
                    ["quotas"] = new JsonArray(), ["deadlines"] = Steps(2022),
                },
            },
            ["criteria"] = new JsonObject(), ["notes"] = new JsonArray(),
        };
        db.RuleSetVersions.Add(new RuleSetVersion
        {
            RegionId = tangshan, Version = 1, PlanVersion = 1, FromYear = 2021, ToYear = 2023, Name = "唐山市金牌选树安排", Json = city.ToJsonString(),
            CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test",
        });
        var province = new JsonObject
        {
            ["jurisdiction"] = "130000", ["name"] = "河北省金牌选树安排", ["source"] = "测试", ["fromYear"] = 2021, ["toYear"] = 2023,
            ["tasks"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "gold-coordinator", ["name"] = "金牌劳动关系协调员", ["lead"] = "人社厅", ["participants"] = new JsonArray(), ["quotas"] = new JsonArray(),
                    ["deadlines"] = new JsonArray { new JsonObject { ["year"] = 2022, ["date"] = "2022-12-15", ["what"] = "金牌劳动关系协调员名单", ["step"] = "publish" } },
                },
            },
            ["criteria"] = new JsonObject(), ["notes"] = new JsonArray(),
        };
        db.RuleSetVersions.Add(new RuleSetVersion
        {
            RegionId = await portal.RegionIdAsync("130000"), Version = 1, PlanVersion = 1, FromYear = 2021, ToYear = 2023, Name = "河北省金牌选树安排",
            Json = province.ToJsonString(), CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test",
        });
        await db.SaveChangesAsync();
    }

    private async Task<int> RemindAsync(DateOnly today)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HarmonyPortal.Web.Features.Nominations.DeadlineReminders>().RunAsync(today, CancellationToken.None);
    }

    private static string Squeeze(string? text) => Regex.Replace(text ?? "", @"\s+", " ");

    [Fact]
    public async Task TheCountyIsDueBy0930_TheCityBy1031_AndAnExtensionOfTheSubmitStepDoesNotMoveTheReportStep()
    {
        await SavePlansAsync();
        portal.Clock.Set(2022, 10, 15);
        using var clerk = await portal.SignedInClientAsync("tsgx.clerk");
        using var city = await portal.SignedInClientAsync("ts.reviewer");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "高新区候选"));
        await AttestAllAsync(clerk, id);
        var sheet = await SheetAsync(portal, id);
        var gaoxin = await portal.RegionIdAsync("130200-GX");

        // 10-15: the county's submission (due 09-30) is refused.
        var late = await ActAsync(clerk, sheet.Id, "submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("金牌劳动关系协调员县区推荐截止日期 2022-09-30 已过 15 天，不能再提交", await TextAsync(late));

        // The city extends the county's submit step; a report-step extension for a county is refused.
        var fields = new[] { ("regionId", gaoxin.ToString()), ("category", "Coordinator"), ("year", "2022"), ("batch", "0"), ("newDate", "2022-11-10"), ("reason", "高新区材料补正") };
        var wrongStep = await city.PostAsync("/nominations/extend", await city.TokenFromAsync("/nominations"), [.. fields, ("step", "Report")]);
        Assert.Contains("延期环节：唐山高新区是县级，只能延长向市级提交推荐表的期限", (await city.GetPageAsync(wrongStep.Headers.Location!.OriginalString)).Body!.TextContent);
        var overview = await city.GetPageAsync("/nominations?category=Coordinator&year=2022");
        Assert.Contains("延期（提交期限）", overview.QuerySelector($"[data-testid=child-{gaoxin}]")!.TextContent);
        Assert.Equal("Submit", overview.QuerySelector($"[data-testid=extend-{gaoxin}] input[name=step]")!.GetAttribute("value"));
        await DoneAsync(city.PostAsync("/nominations/extend", await city.TokenFromAsync("/nominations"), [.. fields, ("step", "Submit")]));
        Assert.Contains("截止日期 2022-11-10（已延期），还有 26 天", (await city.GetPageAsync("/nominations?category=Coordinator&year=2022")).QuerySelector($"[data-testid=child-{gaoxin}]")!.TextContent);
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));

        // The city approves; on 10-15 its report is due 10-31, not blocked by the county's 09-30.
        var decided = await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await DoneAsync(ActAsync(city, sheet.Id, "approve"));
        var citySheet = await SheetAsync(portal, id, city: true);
        var findings = Squeeze((await city.GetPageAsync($"/nominations/sheets/{citySheet.Id}")).QuerySelector("[data-testid=sheet-findings]")!.TextContent);
        Assert.Contains("金牌劳动关系协调员报省截止日期 2022-10-31，还有 16 天", findings);
        Assert.DoesNotContain("2022-11-10", findings);

        // 11-05: the county's extension (to 11-10) did not move the city's report step: the report is refused.
        portal.Clock.Set(2022, 11, 5);
        using var cityLater = await portal.SignedInClientAsync("ts.reviewer");
        var refused = await ActAsync(cityLater, citySheet.Id, "forward");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("金牌劳动关系协调员报省截止日期 2022-10-31 已过 5 天，不能再上报", await TextAsync(refused));
        Assert.Equal(SheetStatus.Draft, (await SheetAsync(portal, id, city: true)).Status);

        // The province extends the city's report step; the city reports.
        using var province = await portal.SignedInClientAsync("he.reviewer");
        var tangshan = await portal.RegionIdAsync("130200");
        var provinceView = await province.GetPageAsync("/nominations?category=Coordinator&year=2022");
        Assert.Equal("选树发布：金牌劳动关系协调员名单截止日期 2022-12-15，还有 40 天", Squeeze(provinceView.QuerySelector("[data-testid=publish-deadline]")!.TextContent).Trim());
        Assert.Contains("截止日期 2022-10-31 已过 5 天", provinceView.QuerySelector($"[data-testid=child-{tangshan}]")!.TextContent);
        Assert.Contains("延期（上报期限）", provinceView.QuerySelector($"[data-testid=child-{tangshan}]")!.TextContent);
        await DoneAsync(province.PostAsync("/nominations/extend", await province.TokenFromAsync("/nominations"),
            ("regionId", tangshan.ToString()), ("category", "Coordinator"), ("year", "2022"), ("batch", "0"), ("newDate", "2022-11-20"), ("reason", "市级汇总延后"), ("step", "Report")));
        await DoneAsync(ActAsync(cityLater, citySheet.Id, "forward"));
        Assert.Equal(SheetStatus.Forwarded, (await SheetAsync(portal, id, city: true)).Status);

        await using var db = portal.CreateDbContext();
        var steps = await db.DeadlineExtensions.AsNoTracking().Where(e => e.Year == 2022 && e.Category == GoldCategory.Coordinator)
            .OrderBy(e => e.Id).Select(e => new { e.RegionId, e.Step, e.NewDate }).ToListAsync();
        Assert.Equal([(gaoxin, DeadlineStep.Submit, new DateOnly(2022, 11, 10)), (tangshan, DeadlineStep.Report, new DateOnly(2022, 11, 20))],
            steps.Select(e => (e.RegionId, e.Step, e.NewDate)).ToList());
    }

    [Fact]
    public async Task CountiesAreRemindedOfTheSubmitStep_TheCityOfTheReportStep_EachSevenDaysBeforeItsOwnDate()
    {
        await SavePlansAsync();
        const string Title = "2022 年度金牌协调劳动关系社会组织推荐表还有 7 天截止";

        await RemindAsync(new DateOnly(2022, 9, 23));
        portal.Clock.Set(2022, 9, 23);
        using var county = await portal.SignedInClientAsync("tslb.clerk");
        using var city = await portal.SignedInClientAsync("ts.reviewer");
        var countyInbox = (await county.GetPageAsync("/notifications")).Body!.TextContent;
        var cityInbox = (await city.GetPageAsync("/notifications")).Body!.TextContent;

        Assert.Contains(Title + "（2022-09-30），路北区尚未提交", countyInbox);
        Assert.DoesNotContain(Title + "（2022-09-30），唐山市", cityInbox);

        await RemindAsync(new DateOnly(2022, 10, 24));
        portal.Clock.Set(2022, 10, 24);
        using var cityLater = await portal.SignedInClientAsync("ts.reviewer");
        using var countyLater = await portal.SignedInClientAsync("tslb.clerk");

        Assert.Contains(Title + "（2022-10-31），唐山市尚未上报", (await cityLater.GetPageAsync("/notifications")).Body!.TextContent);
        Assert.DoesNotContain("（2022-10-31），路北区", (await countyLater.GetPageAsync("/notifications")).Body!.TextContent);
    }

    [Fact]
    public async Task WhereNoPlanUpTheChainSetsAStep_TheSheetAndTheIndexSayNoDeadlineIsSet()
    {
        // 路南区 has no plan; 唐山市's plan governs 2023 but sets its gold-coordinator steps for 2022 only: nothing is invented.
        await SavePlansAsync();
        portal.Clock.Set(2023, 7, 1);
        using var clerk = await portal.SignedInClientAsync("tsln.clerk");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2023, "路南候选"));
        var sheet = await SheetAsync(portal, id);

        var findings = Squeeze((await clerk.GetPageAsync($"/nominations/sheets/{sheet.Id}")).QuerySelector("[data-testid=sheet-findings]")!.TextContent);
        using var city = await portal.SignedInClientAsync("ts.reviewer");
        var line = (await city.GetPageAsync("/nominations?category=Coordinator&year=2023")).QuerySelector($"[data-testid=child-{await portal.RegionIdAsync("130202")}]")!.TextContent;

        Assert.Contains("本级规则未规定报送期限", findings);
        Assert.DoesNotContain("截止日期", findings);
        Assert.Contains("本级规则未规定报送期限", line);
        using var province = await portal.SignedInClientAsync("he.reviewer");
        var publish = (await province.GetPageAsync("/nominations?category=Coordinator&year=2023")).QuerySelector("[data-testid=publish-deadline]")!.TextContent;
        Assert.Contains("选树发布：本级规则未规定报送期限", publish);
    }
}

public sealed class SqliteStepDeadlineTests(SqlitePortal portal) : StepDeadlineTests<SqlitePortal>(portal);

public sealed class PostgresStepDeadlineTests(PostgresPortal portal) : StepDeadlineTests<PostgresPortal>(portal);
