using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

/// <summary>The rules page's "报送：…" line: who submits a material or indicator (submittedBy or the default) and who reviews it.</summary>
public sealed class SubmissionTextTests
{
    private static RuleTask Task(TaskKind kind, RegionLevel? submittedBy = null, bool quota = false) =>
        new("t", "任务", "人社局", [], quota ? [new Quota(nameof(RegionLevel.County), null, QuotaPeriod.Year, 1, null, "份", null, null)] : [], [])
        {
            Kind = kind,
            Material = kind == TaskKind.Material ? MaterialKind.Summary : null,
            Indicator = kind == TaskKind.Indicator ? new Indicator("年培训人数", "人") : null,
            SubmittedBy = submittedBy,
        };

    [Theory]
    [InlineData(TaskKind.Material, null, RegionLevel.Province, "由各市报送，省级审核")] // 山西's three-year summary
    [InlineData(TaskKind.Material, null, RegionLevel.City, "由各县（市、区）报送，市级审核")]
    [InlineData(TaskKind.Material, RegionLevel.City, RegionLevel.City, "由市级（本级）报送，省级审核")] // 赣州's summaries
    [InlineData(TaskKind.Material, null, RegionLevel.County, "由县级（本级）报送，市级审核")] // 唐山高新区
    [InlineData(TaskKind.Material, RegionLevel.County, RegionLevel.Province, "由各县（市、区）报送，市级审核")]
    [InlineData(TaskKind.Indicator, null, RegionLevel.City, "由市级（本级）报送，省级审核")] // 济源's training figure
    [InlineData(TaskKind.Indicator, null, RegionLevel.Province, "由省级（本级）报送")]
    [InlineData(TaskKind.Indicator, RegionLevel.City, RegionLevel.Province, "由各市报送，省级审核")]
    public void SaysWhoSubmitsAndWhoReviews(TaskKind kind, RegionLevel? submittedBy, RegionLevel jurisdiction, string expected) =>
        Assert.Equal(expected, RuleTexts.Submission(Task(kind, submittedBy), jurisdiction));

    [Fact]
    public void ATaskWithQuotas_IsSubmittedByTheQuotasRegions_AndOtherKindsSayNothing()
    {
        Assert.Equal("由配额所列地区报送，各由其上一级审核", RuleTexts.Submission(Task(TaskKind.Material, RegionLevel.City, quota: true), RegionLevel.City));
        Assert.Null(RuleTexts.Submission(Task(TaskKind.LedgerCount), RegionLevel.City));
    }
}
