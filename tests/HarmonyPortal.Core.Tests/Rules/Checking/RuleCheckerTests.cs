using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Checking;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules.Checking;

/// <summary>Each file under Files/ is the valid sample with one kind of mistake; the checker names its path and says why.</summary>
public sealed class RuleCheckerTests
{
    public static RuleSet Load(string file)
    {
        var (ruleSet, errors) = RuleSetReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "Checking", "Files", file + ".json")));
        Assert.True(ruleSet is not null, string.Join("; ", errors));
        return ruleSet;
    }

    private static IReadOnlyList<RuleFinding> Check(string file, RuleCheckContext? context = null) => RuleChecker.Check(Load(file), context ?? RuleCheckContext.FromSeed());

    [Fact]
    public void TheValidSample_HasNoFindings() => Assert.Empty(Check("valid"));

    [Theory]
    [InlineData("unknown-jurisdiction", "$.jurisdiction", "未知的地区代码“139999”：规划须属于一个已有的省、市或县级地区")]
    [InlineData("unknown-region", "$.tasks[1].quotas[0].region", "未知的地区代码“130299”")]
    [InlineData("region-outside", "$.tasks[1].quotas[0].region", "地区赣州市（360700）不在本规划所属的唐山市（130200）范围内")]
    [InlineData("unknown-member-unit", "$.tasks[1].quotas[0].memberUnit", "“商务局”不是唐山市的成员单位，可用：人社局、总工会、企联/企协、工商联")]
    [InlineData("level-without-regions", "$.tasks[0].quotas[0].level", "唐山市（130200）下没有乡镇（街道）地区，配额不会落到任何地区")]
    [InlineData("display-only-quota", "$.tasks[1].quotas[0]", "任务“宣传推广”为展示类（不计量：通知未给出可计数的口径），其配额不会被计量：请为任务指定计量方式（kind），或删去配额")]
    [InlineData("share-on-count", "$.tasks[0].quotas[0].share", "该任务按授予的荣誉数计量，不读取比例（share）：请改用 min / max，或把任务改为比例类（ledgerShare）")]
    [InlineData("min-on-share", "$.tasks[1].quotas[0].min", "比例类任务（ledgerShare）只读取 share（比例），min 不会被计量")]
    [InlineData("unknown-tier", "$.tasks[0].quotas[0].tier", "“gold”不是该荣誉的层级，可用：bronze（铜牌）、silver（银牌）")]
    [InlineData("min-above-max", "$.tasks[0].quotas[1].min", "每年下限 6 高于同一范围、同一期间的配额 $.tasks[0].quotas[0] 的上限 2，两者无法同时满足")]
    [InlineData("yearly-sum-above-plan-max", "$.tasks[0].quotas[0].min", "每年下限 3，整个规划期（2021–2023 年）合计至少 9，超过配额 $.tasks[0].quotas[1] 的上限 6，两者无法同时满足")]
    [InlineData("named-years-above-plan-max", "$.tasks[0].quotas[0].min", "2021、2022 年合计下限 5 已超过配额 $.tasks[0].quotas[1]（整个规划期（2021–2023 年））的上限 4，两者无法同时满足")]
    [InlineData("named-year-outside", "$.tasks[1].quotas[0].years[1]", "2024 年不在规划期 2021–2023 年内")]
    [InlineData("deadline-year-outside", "$.tasks[0].deadlines[0].year", "2025 年不在规划期 2021–2023 年内")]
    [InlineData("deadline-date-outside", "$.tasks[0].deadlines[0].date", "期限 2025-03-31 不在规划期 2021–2023 年或其次年内")]
    [InlineData("criterion-unknown-fact", "$.criteria.coordinator.all[0].test.fact", "台账“劳动关系协调员情况表”没有指标“SuccessRate”，该条件无法判断")]
    [InlineData("criterion-unknown-honour-tier", "$.criteria.coordinator.all[2].test.fact", "称号“金牌劳动关系协调员”不分层级，没有层级“platinum”")]
    [InlineData("criterion-other-honour", "$.criteria.coordinator.all[2].test.fact", "称号“金牌劳动人事争议调解组织”授予“劳动人事争议调解组织情况表”中的对象，与本类别的台账“劳动关系协调员情况表”不同，查不到同一人或组织的记录")]
    [InlineData("duplicate-criterion-id", "$.criteria.coordinator.all[1].id", "条件编号“c-education”与 $.criteria.coordinator.all[0] 重复：审核确认按编号记录，编号在整个文件中须唯一")]
    [InlineData("submitted-by-above", "$.tasks[2].submittedBy", "报送单位层级为省级，高于本规划所属的唐山市（130200）（市级）：规划只能要求本级或下级地区报送")]
    public void AFileMadeToContainAnError_IsRefusedWithItsPathAndMessage(string file, string path, string message)
    {
        var findings = Check(file);

        var finding = Assert.Single(findings);
        Assert.Equal((path, message, FindingSeverity.Error), (finding.Path, finding.Message, finding.Severity));
    }

    [Theory]
    [InlineData("approx-contradiction", "$.tasks[0].quotas[1].min", "每年下限 6 高于同一范围、同一期间的配额 $.tasks[0].quotas[0] 的上限 2，两者无法同时满足（含“左右”的约数配额，只提示、不阻止）")]
    [InlineData("criterion-years-outside", "$.criteria.coordinator.all[1].fromYear", "条件自 2019 年起生效，该年不在规划期 2021–2023 年内")]
    [InlineData("honour-without-criteria", "$.tasks[0].honour", RuleChecker.NoCriteriaMessage)]
    [InlineData("ledger-deadline-without-ledger", "$.tasks[1].deadlines[0].ledger", "台账报送期限未指明台账（ledger）：适用于本规划未单独规定期限的全部台账")]
    [InlineData("submitted-by-with-quotas", "$.tasks[2].submittedBy", "任务“三年行动总结”已下达配额，由配额所列地区报送，报送单位层级（县级）不起作用")]
    public void AFileMadeToContainAWarning_IsAcceptedWithItsPathAndMessage(string file, string path, string message)
    {
        var finding = Assert.Single(Check(file));

        Assert.Equal((path, message, FindingSeverity.Warning), (finding.Path, finding.Message, finding.Severity));
    }

    [Fact]
    public void NoCriteria_WhereThePlanDeclinesTheLevelAbove_SaysNoneWillApply()
    {
        var set = Load("honour-without-criteria") with { Inherits = new Inheritance(Criteria: false, Quotas: true, Deadlines: true) };

        var finding = Assert.Single(RuleChecker.Check(set, RuleCheckContext.FromSeed()));

        Assert.Equal("本规划未规定选树条件，且不沿用上级规划（inherits.criteria 为 false）：推荐表将注明未规定", finding.Message);
    }

    [Fact]
    public void ASelectingLevelBelowTheJurisdiction_NeedsRegionsOfThatLevel()
    {
        var seed = RuleCheckContext.FromSeed();
        var withoutCounties = seed with { Regions = seed.Regions.Where(r => r.ParentCode != "130200").ToList() };

        Assert.Empty(Check("selecting-level-without-regions", seed));
        var finding = Assert.Single(Check("selecting-level-without-regions", withoutCounties));
        Assert.Equal(("$.tasks[0].honour.selectingLevel", "选树层级为县级，但唐山市（130200）下没有县级地区，无人能选树发布", FindingSeverity.Error),
            (finding.Path, finding.Message, finding.Severity));
    }

    [Fact]
    public void APeriodOverlappingAnotherStoredPlanOfTheJurisdiction_IsAnError_ButANewVersionOfTheSamePlanIsNot()
    {
        var seed = RuleCheckContext.FromSeed();
        var stored = seed with
        {
            OtherPlans = [new StoredPlan("130200", 2019, 2021, "唐山市 2019–2021 年规划"), new StoredPlan("130200", 2021, 2023, "第 1 版"), new StoredPlan("130200", 2024, 2026, "下一期"), new StoredPlan("360700", 2020, 2022, "赣州市")],
        };

        var finding = Assert.Single(Check("valid", stored));

        Assert.Equal(("$.fromYear", "规划期 2021–2023 年与本地区已有的规划“唐山市 2019–2021 年规划”（2019–2021 年）重叠：同一地区的规划期不能交叉，每一年只能由一个规划管辖", FindingSeverity.Error),
            (finding.Path, finding.Message, finding.Severity));
    }

    [Fact]
    public void MemberUnits_AreTheContextsOwn_AndMatchWithOrWithoutTheLevelPrefix()
    {
        var seed = RuleCheckContext.FromSeed();
        var units = new Dictionary<string, IReadOnlyList<string>>(seed.MemberUnits) { ["130200"] = ["市人社局", "市总工会", "商务局"] };

        Assert.Empty(Check("unknown-member-unit", seed with { MemberUnits = units }));
        Assert.True(Offices.MemberUnits.Names("市总工会", "总工会"));
        Assert.False(Offices.MemberUnits.Names("市总工会", "工商联"));

        // The checker accepts exactly the names the measurement finds (MemberUnits.Named): "市商务局" names 商务局, "市商务厅" nothing.
        var bare = new Dictionary<string, IReadOnlyList<string>>(seed.MemberUnits) { ["130200"] = ["人社局", "总工会", "商务局"] };
        RuleSet Written(string unit)
        {
            var set = Load("unknown-member-unit");
            return set with { Tasks = set.Tasks.Select(t => t with { Quotas = t.Quotas.Select(q => q.MemberUnit is null ? q : q with { MemberUnit = unit }).ToList() }).ToList() };
        }

        var shops = new[] { new Offices.MemberUnit { ShortName = "商务局" } };
        Assert.Empty(RuleChecker.Check(Written("市商务局"), seed with { MemberUnits = bare }));
        Assert.NotNull(Offices.MemberUnits.Named(shops, "市商务局"));
        Assert.Contains(RuleChecker.Check(Written("市商务厅"), seed with { MemberUnits = bare }), f => f.Path.EndsWith(".memberUnit", StringComparison.Ordinal));
        Assert.Null(Offices.MemberUnits.Named(shops, "市商务厅"));
    }

    [Fact]
    public void ALevelQuotaAtTheJurisdictionsOwnLevel_MeansTheJurisdictionItself_AndALevelAboveIsAnError()
    {
        var own = Load("valid");
        own = own with { Tasks = [own.Tasks[0] with { Quotas = [own.Tasks[0].Quotas[0] with { Level = nameof(RegionLevel.City) }] }, own.Tasks[1]] };
        var above = own with { Tasks = [own.Tasks[0] with { Quotas = [own.Tasks[0].Quotas[0] with { Level = nameof(RegionLevel.Province) }] }, own.Tasks[1]] };

        Assert.Empty(RuleChecker.Check(own, RuleCheckContext.FromSeed()));
        var finding = Assert.Single(RuleChecker.Check(above, RuleCheckContext.FromSeed()));
        Assert.Equal(("$.tasks[0].quotas[0].level", "层级省级高于本规划所属的唐山市（130200）（市级），配额不会落到任何地区"), (finding.Path, finding.Message));
    }

    [Fact]
    public void ADeadlineEarlyInTheYearAfterThePlan_IsAccepted_ButNotTwoYearsAfterItsOwnYear()
    {
        var set = Load("valid");
        Deadline Due(int? year, string date) => new(year, null, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "报送") { Step = DeadlineStep.Report };
        var late = set with { Tasks = [set.Tasks[0] with { Deadlines = [Due(2023, "2024-01-31"), Due(2021, "2023-01-31")] }, set.Tasks[1]] };

        var finding = Assert.Single(RuleChecker.Check(late, RuleCheckContext.FromSeed()));

        Assert.Equal(("$.tasks[0].deadlines[1].date", "期限 2023-01-31 不在所属的 2021 年或其次年内"), (finding.Path, finding.Message));
    }

    [Fact]
    public void AYearlyMaximumSummedOverThePlan_BelowAPlanMinimum_IsAnError()
    {
        var set = Load("valid");
        var quotas = new List<Quota>
        {
            new(null, "130200", QuotaPeriod.Year, null, 1, "名", null, null),
            new(null, "130200", QuotaPeriod.Period, 5, null, "名", null, null),
            new(null, "130200", QuotaPeriod.Period, 5, null, "名", null, null) { Tier = null, MemberUnit = "市总工会" },
        };
        var capped = set with { Tasks = [set.Tasks[0] with { Quotas = quotas }, set.Tasks[1]] };

        var finding = Assert.Single(RuleChecker.Check(capped, RuleCheckContext.FromSeed()));

        Assert.Equal(("$.tasks[0].quotas[0].max", "每年上限 1，整个规划期（2021–2023 年）合计至多 3，达不到配额 $.tasks[0].quotas[1] 的下限 5，两者无法同时满足"), (finding.Path, finding.Message));
    }

    [Fact]
    public void AMaterialTask_CountsSubmissions_SoAShareIsAnError()
    {
        var set = Load("valid");
        var material = new RuleTask("cases", "典型案例", "市人社局", [], [new Quota(null, "130200", QuotaPeriod.Year, 2, null, "篇", 0.5m, null)], []) { Kind = TaskKind.Material, Material = MaterialKind.TypicalCase };

        var finding = Assert.Single(RuleChecker.Check(set with { Tasks = [.. set.Tasks, material] }, RuleCheckContext.FromSeed()));

        Assert.Equal(("$.tasks[2].quotas[0].share", "该任务按提交的材料份数计量，不读取比例（share）：请改用 min / max，或把任务改为比例类（ledgerShare）"), (finding.Path, finding.Message));
    }
}
