using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

public sealed class SheetEvaluatorTests
{
    private static readonly Region Xinzhou = new() { Name = "忻州市", Code = "140900", Level = RegionLevel.City };
    private static readonly Region Jiyuan = new() { Name = "济源示范区", Code = "410000-JY", Level = RegionLevel.City };
    private static readonly Region Zhanggong = new() { Name = "章贡区", Code = "360702", Level = RegionLevel.County };

    private static RuleTask Task(string set, string id) => SeedRuleSets.Load(set).Tasks.Single(t => t.Id == id);

    private static IReadOnlyList<SheetFinding> Quotas(string set, string id, Region region, int year, int count) =>
        SheetEvaluator.Quotas(Task(set, id), SeedRuleSets.Load(set), region, year, _ => count);

    [Theory]
    [InlineData(7, false, "忻州市 2022 年度打造金牌劳动关系协调员：7 名，低于下限 10 名")]
    [InlineData(10, true, "忻州市 2022 年度打造金牌劳动关系协调员：10 名，符合下限 10 名")]
    public void Shanxi_EachCityNeedsTenGoldCoordinatorsAYear(int count, bool ok, string explanation)
    {
        var finding = Assert.Single(Quotas("shanxi-2021.json", "gold-coordinator", Xinzhou, 2022, count));

        Assert.Equal((ok, explanation), (finding.Ok, finding.Explanation));
    }

    [Theory]
    [InlineData(2, false, "低于下限 3 名")]
    [InlineData(3, true, "符合要求 3–5 名")]
    [InlineData(5, true, "符合要求 3–5 名")]
    [InlineData(6, false, "超过上限 5 名")]
    public void Jiyuan_ThreeToFiveAYear_NamedForTheZone(int count, bool ok, string tail)
    {
        var finding = Assert.Single(Quotas("jiyuan-2022.json", "gold-coordinator", Jiyuan, 2022, count));

        Assert.Equal(ok, finding.Ok);
        Assert.EndsWith(tail, finding.Explanation);
    }

    [Fact]
    public void Ganzhou_EachCountyRecommendsExactlyOneMediationOrganisationAYear()
    {
        const string set = "ganzhou-2021.json", id = "gold-mediation-organization";

        Assert.True(Assert.Single(Quotas(set, id, Zhanggong, 2021, 1)).Ok);
        var two = Assert.Single(Quotas(set, id, Zhanggong, 2021, 2));
        Assert.Contains("超过上限 1 家", two.Explanation);
        Assert.True(two.Blocks);
        Assert.Equal(2, Quotas(set, id, new Region { Name = "赣州市", Code = "360700", Level = RegionLevel.City }, 2021, 3).Count);
    }

    [Fact]
    public void Deadlines_CountDaysLeft_AndRefuseAfterTheDate()
    {
        // 赣州's batches are the dates by which the city selects (publishes) each batch; the counties' submission has no date.
        var task = Task("ganzhou-2021.json", "gold-mediation-organization");

        var ahead = SheetEvaluator.Deadline(task, DeadlineStep.Publish, 2022, 2, new DateOnly(2022, 7, 24))!;
        var passed = SheetEvaluator.Deadline(task, DeadlineStep.Publish, 2022, 2, new DateOnly(2022, 8, 1))!;

        Assert.Equal((true, "选树第二批金牌劳动人事争议调解组织截止日期 2022-07-31，还有 7 天"), (ahead.Ok, ahead.Explanation));
        Assert.Equal((false, false, "选树第二批金牌劳动人事争议调解组织截止日期 2022-07-31 已过 1 天"), (passed.Ok, passed.Blocks, passed.Explanation));
        Assert.Null(SheetEvaluator.Deadline(task, DeadlineStep.Submit, 2022, 2, new DateOnly(2022, 7, 24)));
        Assert.Equal(new DateOnly(2021, 10, 20), Task("shanxi-2021.json", "gold-mediation-organization").Deadlines[0].Date);
    }

    [Fact]
    public void EachStepHasItsOwnDeadline_ALegacyOneServesSubmissionAndReport_PublicationOnlyItsOwn()
    {
        var task = new RuleTask("gold-coordinator", "金牌劳动关系协调员", "人社局", [], [],
        [
            new Deadline(2022, null, new DateOnly(2022, 9, 30), "县区推荐") { Step = DeadlineStep.Submit },
            new Deadline(2022, null, new DateOnly(2022, 10, 31), "报市") { Step = DeadlineStep.Report },
            new Deadline(2023, null, new DateOnly(2023, 11, 30), "推荐"),
        ]);
        var today = new DateOnly(2022, 10, 15);

        var submit = SheetEvaluator.Deadline(task, DeadlineStep.Submit, 2022, null, today)!;
        var report = SheetEvaluator.Deadline(task, DeadlineStep.Report, 2022, null, today)!;
        var extended = SheetEvaluator.Deadline(task, DeadlineStep.Submit, 2022, null, today, new DateOnly(2022, 10, 20))!;

        Assert.Equal((false, true, "县区推荐截止日期 2022-09-30 已过 15 天，不能再提交"), (submit.Ok, submit.Blocks, submit.Explanation));
        Assert.Equal((true, "报市截止日期 2022-10-31，还有 16 天"), (report.Ok, report.Explanation));
        Assert.Equal("县区推荐截止日期 2022-10-20（已延期），还有 5 天", extended.Explanation);
        Assert.Equal(new DateOnly(2023, 11, 30), SheetEvaluator.DeadlineOf(task, DeadlineStep.Submit, 2023, null)!.Date);
        Assert.Equal(new DateOnly(2023, 11, 30), SheetEvaluator.DeadlineOf(task, DeadlineStep.Report, 2023, null)!.Date);
        Assert.Null(SheetEvaluator.DeadlineOf(task, DeadlineStep.Publish, 2023, null));
        Assert.Null(SheetEvaluator.Deadline(task, DeadlineStep.Publish, 2022, null, today));
        var publishLate = SheetEvaluator.Deadline(new Deadline(2022, null, new DateOnly(2022, 10, 1), "名单") { Step = DeadlineStep.Publish }, DeadlineStep.Publish, today)!;
        Assert.Equal((false, false, "名单截止日期 2022-10-01 已过 14 天"), (publishLate.Ok, publishLate.Blocks, publishLate.Explanation));
        Assert.Equal((DeadlineStep.Submit, DeadlineStep.Report), (SheetEvaluator.StepOf(RegionLevel.County), SheetEvaluator.StepOf(RegionLevel.City)));
    }
}

public sealed class TangshanContradictionTests
{
    [Fact]
    public void Tangshan_UsesTheTaskTablesNumbers_AndKeepsTheTextsAsASwitchableNote()
    {
        var set = SeedRuleSets.Load("tangshan-gx-2021.json");

        var harmonious = set.Tasks.Single(t => t.Id == "harmonious-enterprises");
        Assert.Equal((4, 12), (harmonious.Quotas.Single(q => q.Per == QuotaPeriod.Year).Min, harmonious.Quotas.Single(q => q.Per == QuotaPeriod.Period).Min));
        Assert.Contains(set.Notes, n => n.Contains("每年在全区范围内培育1户企业", StringComparison.Ordinal));
        Assert.Equal("工会联合会", set.Tasks.Single(t => t.Id == "gold-coordinator").Lead);
    }
}

public sealed class YueyangAttachment1Tests
{
    private static readonly RuleSet Yueyang = SeedRuleSets.Load("yueyang-2021.json");

    [Fact]
    public void EachCountyHasItsOwnQuota_PerYearAndForThePeriod()
    {
        var task = Yueyang.Tasks.Single(t => t.Id == "new-enterprise-service");
        var junshan = new Region { Name = "君山区", Code = "430611", Level = RegionLevel.County };

        var findings = SheetEvaluator.Quotas(task, Yueyang, junshan, 2022, years => years.Count == 1 ? 19 : 41);
        var lastYear = SheetEvaluator.Quotas(task, Yueyang, junshan, 2023, years => years.Count == 1 ? 19 : 59);

        Assert.Contains(findings, f => !f.Ok && f.Explanation == "君山区 2022 年度新企业用工服务计划：19 户，低于下限 20 户");
        Assert.Contains(findings, f => f.Ok && f.Explanation == "君山区 规划期（2021–2023 年）内新企业用工服务计划：累计 41 户，下限 60 户，还差 19 户");
        Assert.Contains(lastYear, f => !f.Ok && f.Explanation == "君山区 规划期（2021–2023 年）内新企业用工服务计划：59 户，低于下限 60 户");
    }

    [Fact]
    public void TheCityBureausHoldQuotasOfTheirOwn_AndTheColumnsAddUpToAttachment1sTotals()
    {
        var bargaining = Yueyang.Tasks.Single(t => t.Id == "collective-bargaining");

        static bool Row(Quota q) => q.Region != "430600" || q.MemberUnit is not null; // 附件1's rows, not the body's city-wide figure

        Assert.Equal(3, bargaining.Quotas.Single(q => q is { Region: "430600", MemberUnit: "总工会" }).Min);
        Assert.Equal(15, bargaining.Quotas.Where(q => q.Per == QuotaPeriod.Period && Row(q)).Sum(q => q.Min));
        Assert.Equal(15, bargaining.Quotas.Single(q => !Row(q)).Min);
        Assert.Equal(780, Yueyang.Tasks.Single(t => t.Id == "new-enterprise-service").Quotas.Where(q => q.Per == QuotaPeriod.Period && Row(q)).Sum(q => q.Min));
        Assert.Equal(
            ["collective-bargaining", "key-enterprises", "harmonious-enterprises", "xiangrong", "wage-guidance", "new-enterprise-service", "gold-coordinator", "gold-mediation-organization", "gold-social-organization", "wage-payment"],
            Yueyang.Tasks.Where(t => !t.Id.Contains("-model", StringComparison.Ordinal) && !t.Id.Contains("-standard", StringComparison.Ordinal) && !t.Id.StartsWith("wage-guidance-", StringComparison.Ordinal) && !t.Id.StartsWith("wage-data-", StringComparison.Ordinal)).Select(t => t.Id));
        Assert.DoesNotContain(Yueyang.Tasks, t => t.Kind == TaskKind.DisplayOnly);
    }
}

public sealed class TierQuotaTests
{
    private static readonly Region Shenyang = new() { Name = "沈阳市", Code = "210100", Level = RegionLevel.City };

    // 辽宁 2023–2025: per year 20 金牌 of 100 in all; each tier has its own quota and counts its own nominees.
    private static readonly RuleTask Tiered = new("tiered-coordinator", "劳动关系协调员选树", "人社厅", [],
        [
            new Quota(nameof(RegionLevel.City), null, QuotaPeriod.Year, null, 1, "名", null, null) { Tier = "gold" },
            new Quota(nameof(RegionLevel.City), null, QuotaPeriod.Year, null, 3, "名", null, null) { Tier = "silver" },
            new Quota(nameof(RegionLevel.City), null, QuotaPeriod.Year, null, 5, "名", null, null),
        ],
        [])
    {
        Kind = TaskKind.Honour,
        Honour = new Honour(GoldCategory.Coordinator, "劳动关系协调员", "coordinators", RegionLevel.Province,
            [new HonourTier("bronze", "铜牌", false), new HonourTier("silver", "银牌", true), new HonourTier("gold", "金牌", true)]),
    };

    [Fact]
    public void EachTiersQuota_CountsOnlyThatTiersNominees_AndSaysWhichTier()
    {
        var plan = SeedRuleSets.Load("shanxi-2021.json");
        var nominees = new Dictionary<string, int> { ["gold"] = 2, ["silver"] = 2, ["bronze"] = 1 };

        var findings = SheetEvaluator.Quotas(Tiered, plan, Shenyang, 2022, (years, tier) => tier is null ? nominees.Values.Sum() : nominees.GetValueOrDefault(tier));

        Assert.Contains(findings, f => !f.Ok && f.Blocks && f.Explanation == "沈阳市 2022 年度劳动关系协调员选树（金牌）：2 名，超过上限 1 名");
        Assert.Contains(findings, f => f.Ok && f.Explanation.StartsWith("沈阳市 2022 年度劳动关系协调员选树（银牌）：2 名", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Ok && f.Explanation.StartsWith("沈阳市 2022 年度劳动关系协调员选树：5 名", StringComparison.Ordinal));
    }
}
