using System.Net;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules;

/// <summary>Plans per period, and quotas of every kind measured and added up where users look at them.</summary>
public abstract class PlanPeriodTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    /// <summary>山西's next plan, as an office would type it: each city 12 gold coordinators a year.</summary>
    private const string Shanxi2024 = """
        { "jurisdiction": "140000", "name": "山西省劳动关系能力提升行动计划（2024—2026年）", "source": "测试", "fromYear": 2024, "toYear": 2026,
          "tasks": [ { "id": "gold-coordinator", "name": "打造金牌劳动关系协调员", "lead": "人社厅", "kind": "honour",
                       "honour": { "category": "coordinator", "title": "金牌劳动关系协调员", "ledger": "coordinators", "selectingLevel": "Province" },
                       "quotas": [ { "level": "City", "per": "year", "min": 12, "unit": "名" } ] } ],
          "criteria": {} }
        """;

    private static string ProgressOf(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[data-testid=dashboard-progress]")!.TextContent;

    private static string Squeezed(string text) => string.Join(" ", text.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task A2024To2026Plan_IsANewPlanBesideTheOld_And2023KeepsItsPlan_WhileAnOverlappingPeriodIsRefused()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        var xinzhou = await portal.RegionIdAsync("140900");
        using var admin = await portal.SignedInClientAsync("sx.admin");

        var saved = await admin.PostAsync($"/rules/{shanxi}", await admin.TokenFromAsync($"/rules/{shanxi}"), ("json", Shanxi2024), ("comment", "新一期规划"));
        var overlapping = await admin.PostAsync($"/rules/{shanxi}", await admin.TokenFromAsync($"/rules/{shanxi}"),
            ("json", Shanxi2024.Replace("\"fromYear\": 2024", "\"fromYear\": 2023", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("plan=2024", saved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlapping.StatusCode);
        Assert.Contains("规划期 2023–2026 年与已有的2024–2026 年规划（山西省劳动关系能力提升行动计划（2024—2026年））重叠", (await PortalClient.ParseAsync(overlapping)).QuerySelector("[data-testid=rule-errors]")!.TextContent);
        var plans = (await admin.GetPageAsync($"/rules/{shanxi}?plan=2021")).QuerySelector("[data-testid=plans]")!.TextContent;
        Assert.Contains("2021–2023 年规划（第 1 版）", plans);
        Assert.Contains("2024–2026 年规划（第 1 版）", plans);

        var y2023 = Squeezed(ProgressOf(await admin.GetPageAsync($"/dashboard?regionId={xinzhou}&year=2023")));
        var y2025 = Squeezed(ProgressOf(await admin.GetPageAsync($"/dashboard?regionId={xinzhou}&year=2025")));
        Assert.Contains("打造金牌劳动关系协调员 每年 ≥ 10 名", y2023);
        Assert.DoesNotContain("≥ 12 名", y2023);
        Assert.Contains("打造金牌劳动关系协调员 每年 ≥ 12 名", y2025);
        await using var db = portal.CreateDbContext();
        Assert.Equal(2, await db.RuleSetVersions.CountAsync(v => v.RegionId == shanxi));
    }

    [Fact]
    public async Task TheProvinceDashboard_AddsUpItsCitiesQuotas_AndAProvinceWithoutAPlanSeesItsCitysQuotas()
    {
        using var shanxi = await portal.SignedInClientAsync("sx.reviewer");
        using var hunan = await portal.SignedInClientAsync("hn.reviewer");

        var sx = Squeezed(ProgressOf(await shanxi.GetPageAsync("/dashboard?year=2022")));
        var hn = Squeezed(ProgressOf(await hunan.GetPageAsync("/dashboard?year=2022")));

        Assert.Contains("山西省（1 个市级地区合计） 打造金牌劳动关系协调员 每年 合计 10 名", sx);
        Assert.Contains("忻州市 打造金牌劳动关系协调员 每年 ≥ 10 名", sx);
        Assert.Contains("岳阳市", hn);
        Assert.DoesNotContain("本地区本年度没有适用的配额", hn);
    }

    [Fact]
    public async Task ShanxisEightyPercentShare_IsMeasuredFromTheRowsThatReachedTheStandard()
    {
        var xinzhou = await portal.RegionIdAsync("140900");
        using var clerk = await portal.SignedInClientAsync("xzyp.clerk");
        foreach (var (name, reached) in new[] { ("原平达标企业", "是"), ("原平培育企业", "否") })
        {
            var created = await clerk.PostAsync("/ledgers/harmonious-enterprises/create", await clerk.TokenFromAsync("/ledgers"),
                ("values[Name]", name), ("values[Address]", "原平市某路"), ("values[ContactName]", "王五"), ("values[ContactPhone]", "13800000001"),
                ("values[EmployeeCount]", "80"), ("values[ServiceUnit]", "原平市人社局"), ("values[ReachedStandard]", reached), ("year", "2022"));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using var reviewer = await portal.SignedInClientAsync("xz.reviewer");
        var progress = Squeezed(ProgressOf(await reviewer.GetPageAsync($"/dashboard?regionId={xinzhou}&year=2022")));

        Assert.Contains("1 / 2（50%），要求 比例 ≥ 80%", progress);
        Assert.Contains("2 / 4 户，还差 2 户", progress);
    }
}

public sealed class SqlitePlanPeriodTests(SqlitePortal portal) : PlanPeriodTests<SqlitePortal>(portal);

public sealed class PostgresPlanPeriodTests(PostgresPortal portal) : PlanPeriodTests<PostgresPortal>(portal);
