using System.Net;
using System.Text.RegularExpressions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Rules.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Rules.Drafts;

/// <summary>
/// Before publishing, 山西's admin sees which regions' progress and which submitted nominees' verdicts a proposed version of
/// the 2021–2023 plan would change; the verdicts recorded with the nominees stay as they were.
/// </summary>
public abstract class PlanImpactTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string XinzhouLine = "2023 年 · 忻州市 · 千户企业培育共同行动计划（每年）：要求 ≥ 4 户 → ≥ 5 户，现有 4 户（达标 → 未达标）";

    private async Task<PublishReview> ReviewAsync(RuleSet proposed)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.HarmonyDbContext>();
        var shanxi = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == "140000");
        return await scope.ServiceProvider.GetRequiredService<PlanImpactService>().ReviewAsync(shanxi, 2021, 2023, proposed, CancellationToken.None);
    }

    private async Task<RuleSet> CurrentAsync()
    {
        await using var db = portal.CreateDbContext();
        var shanxi = await portal.RegionIdAsync("140000");
        var json = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == shanxi && v.FromYear == 2021).OrderByDescending(v => v.Version).Select(v => v.Json).FirstAsync();
        return RuleSetReader.Read(json).RuleSet!;
    }

    private static RuleSet RaiseHarmoniousEnterprises(RuleSet set) => set with
    {
        Tasks = set.Tasks.Select(t => t.Id == "harmonious-enterprises" ? t with { Quotas = t.Quotas.Select(q => q with { Min = 5 }).ToList() } : t).ToList(),
    };

    private static RuleSet RequireMasters(RuleSet set)
    {
        var coordinator = (CriterionGroup)set.Criteria[GoldCategory.Coordinator];
        return set with
        {
            Criteria = new Dictionary<GoldCategory, CriterionNode>(set.Criteria)
            {
                [GoldCategory.Coordinator] = coordinator with
                {
                    Members = coordinator.Members.Select(m => m is Criterion { Id: "sx-c1" } c ? c with { Text = "具有硕士研究生以上文化程度", Test = c.Test! with { Value = "硕士研究生" } } : m).ToList(),
                },
            },
        };
    }

    private async Task<List<(long, Outcome, string, DateOnly)>> EvaluationsAsync()
    {
        await using var db = portal.CreateDbContext();
        return (await db.NominationEvaluations.AsNoTracking().OrderBy(e => e.Id).ToListAsync()).Select(e => (e.NominationId, e.Outcome, e.VerdictJson, e.EvaluatedOn)).ToList();
    }

    [Fact]
    public async Task ARaisedQuotaAndAStricterCriterion_NameTheRegionAndTheNominee_AndTheRecordedVerdictStays()
    {
        portal.Clock.Set(2023, 5, 10);
        using var yuanping = await portal.SignedInClientAsync("xzyp.clerk");
        for (var i = 1; i <= 4; i++)
        {
            var created = await yuanping.PostAsync("/ledgers/harmonious-enterprises/create", await yuanping.TokenFromAsync("/ledgers"),
                ("values[Name]", $"原平培育企业{i}"), ("values[Address]", "原平市某路"), ("values[ContactName]", "王五"), ("values[ContactPhone]", "13800000001"),
                ("values[EmployeeCount]", "80"), ("values[ServiceUnit]", "原平市人社局"), ("values[ReachedStandard]", "是"), ("year", "2023"));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2023, "影响协调员"));
        await AttestAllAsync(clerk, id);
        await DoneAsync(ActAsync(clerk, (await SheetAsync(portal, id)).Id, "submit"));
        var recorded = await EvaluationsAsync();
        var current = await CurrentAsync();

        var unchanged = await ReviewAsync(current);
        var review = await ReviewAsync(RequireMasters(RaiseHarmoniousEnterprises(current)));

        Assert.Empty(unchanged.Diff);
        Assert.Empty(unchanged.Impact.Progress);
        Assert.Empty(unchanged.Impact.Verdicts);
        Assert.False(unchanged.IsFirstVersion);
        Assert.Equal(
        [
            "配额｜每个市 · 千户企业培育共同行动计划：每年 ≥ 4 户 → ≥ 5 户",
            "选树条件｜金牌劳动关系协调员 · 修改条件：学历 ≥ 高中 → 学历 ≥ 硕士研究生",
        ], review.Diff.SelectMany(s => s.Lines.Select(l => $"{s.Title}｜{l}")));
        Assert.Contains(XinzhouLine, review.Impact.Progress);
        Assert.Contains("2022 年 · 忻州市 · 千户企业培育共同行动计划（每年）：要求 ≥ 4 户 → ≥ 5 户，现有 0 户（未达标）", review.Impact.Progress);
        Assert.DoesNotContain(review.Impact.Progress, l => l.Contains("打造金牌", StringComparison.Ordinal));
        Assert.Equal(["影响协调员（忻府区）· 2023 年 · 金牌劳动关系协调员：记录的结论 待审核确认 → 按新规则 不符合（学历 本科 < 要求 硕士研究生）"],
            review.Impact.Verdicts.Where(l => l.Contains("2023 年", StringComparison.Ordinal)));
        Assert.DoesNotMatch(new Regex(@"\d{17}[\dX]"), string.Join("\n", review.Impact.Verdicts));
        Assert.Equal(recorded, await EvaluationsAsync());
        Assert.Equal(Outcome.NeedsAttestation, Assert.Single(recorded, e => e.Item1 == id).Item2);
    }

    [Fact]
    public async Task ANomineeConfirmedAfterSubmission_IsListedOnlyWhenTheProposedRulesChangeItsVerdict()
    {
        portal.Clock.Set(2022, 5, 10);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "确认协调员"));
        await AttestAllAsync(clerk, id);
        await DoneAsync(ActAsync(clerk, (await SheetAsync(portal, id)).Id, "submit"));
        await ConfirmAllAsync(city, id);
        var current = await CurrentAsync();

        var quotaOnly = await ReviewAsync(RaiseHarmoniousEnterprises(current));
        var stricter = await ReviewAsync(RequireMasters(current));

        // Confirmed since: met under the rules in force and under the quota-only change, so nothing to say.
        Assert.DoesNotContain(quotaOnly.Impact.Verdicts, l => l.StartsWith("确认协调员", StringComparison.Ordinal));
        Assert.Contains("确认协调员（定襄县）· 2022 年 · 金牌劳动关系协调员：记录的结论 待审核确认 → 按新规则 不符合（学历 本科 < 要求 硕士研究生）", stricter.Impact.Verdicts);
        Assert.Empty(stricter.Impact.Progress);
    }

    [Fact]
    public async Task ThePublishReview_ShowsEachSectionsLines_OrSaysInChineseThatNothingChanges()
    {
        var empty = await RenderAsync(new PublishReview([], new PlanImpact([], [])));
        var first = await RenderAsync(new PublishReview([], new PlanImpact([], [])) { IsFirstVersion = true });
        var full = await RenderAsync(new PublishReview(
            [new Core.Rules.Editing.RuleDiffSection("配额", ["每个市 · 千户企业培育共同行动计划：每年 ≥ 4 户 → ≥ 5 户"])],
            new PlanImpact([XinzhouLine], ["影响协调员（忻府区）· 2023 年 · 金牌劳动关系协调员：记录的结论 符合 → 按新规则 不符合"])));

        Assert.Equal(["与现行版本相同", "没有地区的进度发生变化", "没有已报送对象的结论会改变"], Sections(empty).Select(s => s.Body));
        Assert.Equal(["与现行版本的差异", "进度变化的地区", "结论会改变的已报送对象"], Sections(empty).Select(s => s.Title));
        Assert.Equal(PublishReview.FirstVersion, Sections(first)[0].Body);
        Assert.Equal("配额 每个市 · 千户企业培育共同行动计划：每年 ≥ 4 户 → ≥ 5 户", Sections(full)[0].Body);
        Assert.Equal(XinzhouLine, Sections(full)[1].Body);
        Assert.StartsWith("已记录的结论不会因发布而改变", Sections(full)[2].Body);
        Assert.EndsWith("记录的结论 符合 → 按新规则 不符合", Sections(full)[2].Body);
    }

    [Fact]
    public async Task ALongList_ShowsItsFirstThirtyLines_AndTheRestBehindASummary()
    {
        var lines = Enumerable.Range(1, 45).Select(i => $"第 {i} 条进度变化").ToList();

        var page = await RenderAsync(new PublishReview([], new PlanImpact(lines, [])));
        var progress = page.QuerySelector("[data-testid=publish-progress]")!;

        Assert.Equal(lines.Take(30), progress.QuerySelectorAll(":scope > ul > li").Select(li => li.TextContent));
        Assert.Equal("其余 15 条", progress.QuerySelector("details > summary")!.TextContent);
        Assert.Equal(lines.Skip(30), progress.QuerySelectorAll("details li").Select(li => li.TextContent));
    }

    private static List<(string Title, string Body)> Sections(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid^=publish-]").Select(s => (s.QuerySelector("h2")!.TextContent.Trim(),
            string.Join(" ", s.Children.Skip(1).Select(c => Regex.Replace(c.TextContent, @"\s+", " ").Trim())))).ToList();

    /// <summary>Renders the partial as the publish page does, with the portal's own view engine.</summary>
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(PublishReview review)
    {
        using var scope = portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = services };
        var action = new Microsoft.AspNetCore.Mvc.ActionContext(http, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor());
        var view = services.GetRequiredService<Microsoft.AspNetCore.Mvc.ViewEngines.ICompositeViewEngine>()
            .GetView(null, "~/Features/Rules/Drafts/_PublishReview.cshtml", isMainPage: false).View!;
        await using var writer = new StringWriter();
        var data = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<PublishReview>(
            new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary()) { Model = review };
        var temp = new Microsoft.AspNetCore.Mvc.ViewFeatures.TempDataDictionary(http, services.GetRequiredService<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider>());
        await view.RenderAsync(new Microsoft.AspNetCore.Mvc.Rendering.ViewContext(action, view, data, temp, writer, new Microsoft.AspNetCore.Mvc.ViewFeatures.HtmlHelperOptions()));
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(writer.ToString());
    }

    [Theory]
    [InlineData(2024, 2026, 2026, new[] { 2024, 2025, 2026 })]
    [InlineData(2024, 2026, 2024, new[] { 2024, 2025 })]
    [InlineData(2027, 2029, 2026, new[] { 2027 })]
    [InlineData(2021, 2023, 2026, new[] { 2021, 2022, 2023 })]
    public void TheYearsLookedAt_AreThePeriodsYearsUpToThisYear_AndTheNextOne(int from, int to, int thisYear, int[] years)
    {
        Assert.Equal(years, PlanImpactService.YearsLookedAt(from, to, thisYear));
    }
}

public sealed class SqlitePlanImpactTests(SqlitePortal portal) : PlanImpactTests<SqlitePortal>(portal);

public sealed class PostgresPlanImpactTests(PostgresPortal portal) : PlanImpactTests<PostgresPortal>(portal);
