using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Checking;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules.Checking;

/// <summary>
/// A city's plan and a county plan below it disagreeing on which level selects and publishes the same honour, for
/// overlapping years: 唐山市 (2023–2025, made for the check) has the province select gold coordinators and the counties
/// select 培育达标典型; 唐山高新区 (2021–2023) has the city select both. Each plan is warned at the honour's selecting level,
/// with the other plan, both levels and the overlapping years; the honour they agree on is not.
/// </summary>
public sealed class SelectingLevelAcrossPlansTests
{
    private static RuleCheckContext With(params (string Label, RuleSet Set)[] plans) =>
        RuleCheckContext.FromSeed() with { OtherPlans = plans.Select(p => new StoredPlan(p.Set.Jurisdiction, p.Set.FromYear, p.Set.ToYear, p.Label, p.Set)).ToList() };

    private static List<RuleFinding> SelectingFindings(RuleSet set, RuleCheckContext context) =>
        RuleChecker.Check(set, context).Where(f => f.Path.EndsWith(".honour.selectingLevel", StringComparison.Ordinal)).ToList();

    [Fact]
    public void TheCitysPlan_IsWarnedForTheGoldCategoryAndTheOfficeHonour_TheyDisagreeOn()
    {
        var (city, county) = (RuleCheckerTests.Load("selecting-level-city"), RuleCheckerTests.Load("selecting-level-county"));

        var findings = SelectingFindings(city, With(("唐山高新区（130200-GX）2021–2023 年规划 第 1 版", county)));

        Assert.Equal(
            [
                ("$.tasks[0].honour.selectingLevel", "称号“金牌劳动关系协调员”由哪一级择优选树并发布，本规划（省级）与下级规划“唐山高新区（130200-GX）2021–2023 年规划 第 1 版”（市级）不一致（重叠年度 2023 年）：唐山高新区（130200-GX）的推荐按县级规划由市级择优发布，市级规划却定为省级，请统一两份规划"),
                ("$.tasks[2].honour.selectingLevel", "称号“培育达标典型”由哪一级择优选树并发布，本规划（县级）与下级规划“唐山高新区（130200-GX）2021–2023 年规划 第 1 版”（市级）不一致（重叠年度 2023 年）：唐山高新区（130200-GX）的推荐按县级规划由市级择优发布，市级规划却定为县级，请统一两份规划"),
            ],
            findings.Select(f => (f.Path, f.Message)));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
    }

    [Fact]
    public void TheCountysPlan_IsWarnedToo_NamingTheCityAbove()
    {
        var (city, county) = (RuleCheckerTests.Load("selecting-level-city"), RuleCheckerTests.Load("selecting-level-county"));

        var findings = SelectingFindings(county, With(("唐山市（130200）2023–2025 年规划 第 1 版", city)));

        Assert.Equal(["$.tasks[0].honour.selectingLevel", "$.tasks[2].honour.selectingLevel"], findings.Select(f => f.Path));
        Assert.Equal("称号“金牌劳动关系协调员”由哪一级择优选树并发布，本规划（市级）与上级规划“唐山市（130200）2023–2025 年规划 第 1 版”（省级）不一致（重叠年度 2023 年）：唐山高新区（130200-GX）的推荐按县级规划由市级择优发布，市级规划却定为省级，请统一两份规划",
            findings[0].Message);
    }

    [Fact]
    public void PlansWhosePeriodsDoNotOverlap_OrOfRegionsNotAboveOneAnother_OrThatAgree_AreNotWarned()
    {
        var (city, county) = (RuleCheckerTests.Load("selecting-level-city"), RuleCheckerTests.Load("selecting-level-county"));

        Assert.Empty(SelectingFindings(city with { FromYear = 2024 }, With(("高新区", county))));
        Assert.Empty(SelectingFindings(city with { Jurisdiction = "360700" }, With(("高新区", county))));
        Assert.Empty(SelectingFindings(county, With(("高新区另一份", county with { Jurisdiction = "130200-GX" }))));
        var agreeing = city with { Tasks = city.Tasks.Select(t => t with { Honour = t.Honour! with { SelectingLevel = Core.Regions.RegionLevel.City } }).ToList() };
        Assert.Empty(SelectingFindings(agreeing, With(("高新区", county))));
    }
}
