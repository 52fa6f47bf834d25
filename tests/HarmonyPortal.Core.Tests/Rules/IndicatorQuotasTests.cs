using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

public sealed class IndicatorQuotasTests
{
    private static readonly Indicator Training = new("年培训人数", "人");
    private static readonly Indicator Feedback = new("薪酬数据反馈比例", "%");

    private static Quota Min(int min) => new(null, "410000-JY", QuotaPeriod.Year, min, null, "人", null, null);

    [Theory]
    [InlineData(58, false, "年培训人数 58 人，低于要求 60 人")]
    [InlineData(60, true, "年培训人数 60 人，达到要求 ≥ 60 人")]
    [InlineData(60.5, true, "年培训人数 60.5 人，达到要求 ≥ 60 人")]
    public void AMinimum_IsNotBelow(decimal value, bool met, string explanation)
    {
        var verdict = IndicatorQuotas.Judge(Training, Min(60), value);

        Assert.Equal(met, verdict.Met);
        Assert.Equal(explanation, verdict.Explanation);
    }

    [Fact]
    public void AMaximum_IsNotAbove_AndNothingReported_IsNeitherMetNorMissed()
    {
        var quota = new Quota("City", null, QuotaPeriod.Year, 2, 5, "人", null, null);

        Assert.Equal("年培训人数 6 人，高于上限 5 人", IndicatorQuotas.Judge(Training, quota, 6).Explanation);
        Assert.True(IndicatorQuotas.Judge(Training, quota, 5).Met);
        Assert.False(IndicatorQuotas.Judge(Training, quota, 1).Met);
        var none = IndicatorQuotas.Judge(Training, quota, null);
        Assert.Null(none.Met);
        Assert.Equal("未报送", none.Status);
    }

    [Theory]
    [InlineData("%", 95, true, "薪酬数据反馈比例 95%，达到要求 90%")]
    [InlineData("%", 89.9, false, "薪酬数据反馈比例 89.9%，低于要求 90%")]
    [InlineData("", 0.95, true, "薪酬数据反馈比例 0.95，达到要求 0.9")]
    [InlineData("", 0.5, false, "薪酬数据反馈比例 0.5，低于要求 0.9")]
    public void AShare_IsAPercentageWhenTheUnitIsPercent_ElseAFraction(string unit, decimal value, bool met, string explanation)
    {
        var quota = new Quota(null, "410000-JY", QuotaPeriod.Year, null, null, "%", 0.9m, null);

        var verdict = IndicatorQuotas.Judge(Feedback with { Unit = unit }, quota, value);

        Assert.Equal(met, verdict.Met);
        Assert.Equal(explanation, verdict.Explanation);
    }

    [Theory]
    [InlineData("abc", "数值（年培训人数）：“abc”不是数字")]
    [InlineData("-1", "数值（年培训人数）：不能为负数，填写的是 -1")]
    [InlineData("", "数值（年培训人数）：请填写")]
    [InlineData("1.23456", "数值（年培训人数）：最多保留 4 位小数")]
    [InlineData("1,000", "数值（年培训人数）：“1,000”不是数字")]
    public void Parse_NamesTheFieldAndTheReason(string text, string error)
    {
        Assert.Equal((null, error), IndicatorQuotas.Parse(Training, text));
    }

    [Fact]
    public void Parse_RefusesAPercentageAbove100_AndAcceptsFullWidthPoint()
    {
        Assert.Equal("数值（薪酬数据反馈比例）：以 % 计，不能超过 100，填写的是 100.5", IndicatorQuotas.Parse(Feedback, "100.5").Error);
        Assert.Equal(100m, IndicatorQuotas.Parse(Feedback, "100").Value);
        Assert.Equal(58.5m, IndicatorQuotas.Parse(Training, " 58．5 ").Value);
    }

    [Fact]
    public void Holding_ByCodeLevelAndYears_AndATaskWithoutQuotas_HoldsOnlyItsJurisdiction()
    {
        var city = new Region { Id = 7, Code = "410000-JY", Level = RegionLevel.City };
        var county = new Region { Id = 8, Code = "410000-JY-HL", Level = RegionLevel.County };
        RuleTask Task(params Quota[] quotas) => new("t", "培训", "人社局", [], quotas, []) { Kind = TaskKind.Indicator, Indicator = Training };

        Assert.Single(IndicatorQuotas.Holding(Task(Min(60)), city, 7, 2022)!);
        Assert.Null(IndicatorQuotas.Holding(Task(Min(60)), county, 7, 2022));
        var perCounty = new Quota("County", null, QuotaPeriod.Year, 10, null, "人", null, null);
        Assert.Single(IndicatorQuotas.Holding(Task(perCounty), county, 7, 2022)!);
        Assert.Null(IndicatorQuotas.Holding(Task(perCounty), city, 7, 2022));
        var in2023 = Min(60) with { Per = QuotaPeriod.Years, Years = [2023] };
        Assert.Null(IndicatorQuotas.Holding(Task(in2023), city, 7, 2022));
        Assert.Single(IndicatorQuotas.Holding(Task(in2023), city, 7, 2023)!);
        Assert.Empty(IndicatorQuotas.Holding(Task(), city, 7, 2022)!);
        Assert.Null(IndicatorQuotas.Holding(Task(), county, 7, 2022));
        Assert.Null(IndicatorQuotas.Holding(Task(Min(60)) with { Kind = TaskKind.LedgerCount }, city, 7, 2022));
    }
}
