using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Materials;

/// <summary>Who owes 山西's and 赣州's material tasks, in which years, by when; how late a submission is.</summary>
public sealed class MaterialTasksTests
{
    private static readonly Region Shanxi = new() { Id = 1, Code = "140000", Name = "山西省", Level = RegionLevel.Province, Path = "/1/" };
    private static readonly Region Xinzhou = new() { Id = 2, Code = "140900", Name = "忻州市", Level = RegionLevel.City, ParentId = 1, Path = "/1/2/" };
    private static readonly Region Xinfu = new() { Id = 3, Code = "140902", Name = "忻府区", Level = RegionLevel.County, ParentId = 2, Path = "/1/2/3/" };
    private static readonly Region Tangshan = new() { Id = 9, Code = "130200", Name = "唐山市", Level = RegionLevel.City, ParentId = 8, Path = "/8/9/" };

    private static RuleTask ShanxiTask(string id) =>
        SeedRuleSets.Load(SeedRuleSets.Names.Single(n => n.Contains("shanxi", StringComparison.Ordinal))).Tasks.Single(t => t.Id == id);

    [Fact]
    public void ShanxisSummary_IsOwedByItsCitiesIn2023Only_DueOnTheThirtyFirstOfAugust()
    {
        var summary = ShanxiTask("three-year-summary");

        Assert.True(MaterialTasks.Holds(summary, Xinzhou, Shanxi, 2023));
        Assert.False(MaterialTasks.Holds(summary, Xinzhou, Shanxi, 2022));
        Assert.False(MaterialTasks.Holds(summary, Xinfu, Shanxi, 2023));
        Assert.False(MaterialTasks.Holds(summary, Shanxi, Shanxi, 2023));
        Assert.False(MaterialTasks.Holds(summary, Tangshan, Shanxi, 2023));
        Assert.Equal(new DateOnly(2023, 8, 31), MaterialTasks.DueDate(summary, 2023, RegionLevel.City)!.Value.Date);
        Assert.Equal(new DateOnly(2023, 9, 20), MaterialTasks.DueDate(ShanxiTask("wage-guidance-topic-report"), 2023, RegionLevel.City)!.Value.Date);
    }

    [Fact]
    public void StateOwnedExperience_IsOwedIn2021And2022_EachYearByItsOwnDate()
    {
        var experience = ShanxiTask("wage-guidance-state-owned-experience");

        Assert.Equal([2021, 2022], Enumerable.Range(2020, 4).Where(y => MaterialTasks.ExpectedIn(experience, y)));
        Assert.Equal(new DateOnly(2021, 12, 31), MaterialTasks.DueDate(experience, 2021, RegionLevel.City)!.Value.Date);
        Assert.Equal(new DateOnly(2022, 12, 31), MaterialTasks.DueDate(experience, 2022, RegionLevel.City)!.Value.Date);
    }

    [Fact]
    public void ATaskNamingTheCounty_IsOwedByCounties_AndOneWithoutDates_EveryYearWithoutADueDate()
    {
        var task = new RuleTask("county-summary", "县级总结", "人社局", [], [], []) { Kind = TaskKind.Material, Material = MaterialKind.Summary, SubmittedBy = RegionLevel.County };

        Assert.True(MaterialTasks.Holds(task, Xinfu, Shanxi, 2030));
        Assert.False(MaterialTasks.Holds(task, Xinzhou, Shanxi, 2030));
        Assert.Null(MaterialTasks.DueDate(task, 2030, RegionLevel.County));
        Assert.Equal(RegionLevel.City, MaterialTasks.SubmitterLevel(task with { SubmittedBy = null }, RegionLevel.Province));
        Assert.Equal(RegionLevel.County, MaterialTasks.SubmitterLevel(task with { SubmittedBy = null }, RegionLevel.County));
    }

    [Theory]
    [InlineData("2023-08-30", 0)]
    [InlineData("2023-08-31", 0)]
    [InlineData("2023-09-01", 1)]
    [InlineData("2023-09-05", 5)]
    public void DaysLate_CountsWholeDaysAfterTheDueDate(string day, int late)
    {
        Assert.Equal(late, MaterialTasks.DaysLate(new DateOnly(2023, 8, 31), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, MaterialTasks.DaysLate(null, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
