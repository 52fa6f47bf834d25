using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using Xunit;

namespace HarmonyPortal.Core.Tests.Nominations;

public sealed class SheetWorkflowTests
{
    private static readonly Region Province = new() { Id = 1, Name = "山西省", Level = RegionLevel.Province, Path = "/1/" };
    private static readonly Region City = new() { Id = 2, Name = "忻州市", Level = RegionLevel.City, ParentId = 1, Path = "/1/2/" };
    private static readonly Region County = new() { Id = 3, Name = "忻府区", Level = RegionLevel.County, ParentId = 2, Path = "/1/2/3/" };
    private static readonly Region Sibling = new() { Id = 4, Name = "定襄县", Level = RegionLevel.County, ParentId = 2, Path = "/1/2/4/" };
    private static readonly Region OtherProvince = new() { Id = 9, Name = "河北省", Level = RegionLevel.Province, Path = "/9/" };

    private static UserScope Actor(Region region, UserRole role, string id = "u") =>
        new(id + region.Id + role, "user", region.Id, region.Path, region.Level, region.Name, null, "人社局", role);

    /// <summary>The actors allowed to take each transition on a sheet of the level, and the statuses it leaves from.</summary>
    public static TheoryData<WorkflowAction, int, int[], UserRole> Legal => new()
    {
        { WorkflowAction.Submit, 3, [3], UserRole.Clerk },
        { WorkflowAction.Return, 3, [2], UserRole.Reviewer },
        { WorkflowAction.Decide, 3, [2], UserRole.Reviewer },
        { WorkflowAction.Approve, 3, [2], UserRole.Reviewer },
        { WorkflowAction.Forward, 2, [2], UserRole.Reviewer },
        { WorkflowAction.Select, 2, [1], UserRole.Reviewer },
        { WorkflowAction.Publish, 2, [1], UserRole.Reviewer },
        { WorkflowAction.Reopen, 3, [2, 1], UserRole.Reviewer },
        { WorkflowAction.Reopen, 2, [1], UserRole.Reviewer },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void EachTransition_IsAllowedOnlyFromItsStatuses_AndOnlyToItsActor(WorkflowAction action, int sheetRegionId, int[] actorRegionIds, UserRole role)
    {
        Region[] all = [Province, City, County, Sibling, OtherProvince];
        var region = all.Single(r => r.Id == sheetRegionId);
        var (from, _) = SheetWorkflow.Transitions[action];
        var tried = 0;
        foreach (var status in Enum.GetValues<SheetStatus>())
        {
            var sheet = new NominationSheet { RegionId = region.Id, Status = status, SubmittedByUserId = "someone-else" };
            foreach (var actorRegion in all)
            {
                foreach (var actorRole in Enum.GetValues<UserRole>())
                {
                    tried++;
                    var refusal = SheetWorkflow.Refusal(action, sheet, region, Actor(actorRegion, actorRole));
                    var rightActor = actorRegionIds.Contains(actorRegion.Id) && actorRole == role;
                    if (rightActor && from.Contains(status))
                    {
                        Assert.Null(refusal);
                    }
                    else
                    {
                        Assert.NotNull(refusal);
                        Assert.Equal(!rightActor, refusal.Forbidden);
                    }
                }
            }
        }

        Assert.Equal(6 * 5 * Enum.GetValues<UserRole>().Length, tried);
    }

    /// <summary>
    /// When a city or a county confers the honour (赣州, 岳阳: "市协调劳动关系三方择优选树…推荐上报省"), its own reviewer
    /// selects and publishes from its own open sheet; the levels above may not, and the city no longer forwards.
    /// </summary>
    [Theory]
    [InlineData(WorkflowAction.Select, RegionLevel.City, 2)]
    [InlineData(WorkflowAction.Publish, RegionLevel.City, 2)]
    [InlineData(WorkflowAction.Select, RegionLevel.County, 3)]
    [InlineData(WorkflowAction.Publish, RegionLevel.County, 3)]
    public void WhenACityOrCountySelects_OnlyItsReviewerSelectsAndPublishes_FromItsOpenSheet(WorkflowAction action, RegionLevel level, int selectorId)
    {
        Region[] all = [Province, City, County, Sibling, OtherProvince];
        var region = all.Single(r => r.Id == selectorId);
        foreach (var status in Enum.GetValues<SheetStatus>())
        {
            var sheet = new NominationSheet { RegionId = region.Id, Status = status };
            foreach (var actorRegion in all)
            {
                foreach (var actorRole in Enum.GetValues<UserRole>())
                {
                    var refusal = SheetWorkflow.Refusal(action, sheet, region, Actor(actorRegion, actorRole), level);
                    var rightActor = actorRegion.Id == selectorId && actorRole == UserRole.Reviewer;
                    if (rightActor && status is SheetStatus.Draft or SheetStatus.Returned)
                    {
                        Assert.Null(refusal);
                    }
                    else
                    {
                        Assert.NotNull(refusal);
                        Assert.Equal(!rightActor, refusal.Forbidden);
                    }
                }
            }
        }

        var provinceTries = SheetWorkflow.Refusal(action, new NominationSheet { RegionId = region.Id, Status = SheetStatus.Draft }, region, Actor(Province, UserRole.Reviewer), level);
        Assert.Equal($"本类别由{level.ToChinese()}审核员择优和发布名单；省级只能查看已发布的名单", provinceTries?.Message);
    }

    [Fact]
    public void WhenTheCitySelects_ItDoesNotForward_AndWhenTheCountySelects_TheCountyDoesNotSubmit()
    {
        var citySheet = new NominationSheet { RegionId = City.Id, Status = SheetStatus.Draft };
        var countySheet = new NominationSheet { RegionId = County.Id, Status = SheetStatus.Draft };

        Assert.Null(SheetWorkflow.Refusal(WorkflowAction.Forward, citySheet, City, Actor(City, UserRole.Reviewer)));
        Assert.Equal("本类别由市级择优和发布名单，市级推荐表无需上报省级",
            SheetWorkflow.Refusal(WorkflowAction.Forward, citySheet, City, Actor(City, UserRole.Reviewer), RegionLevel.City)?.Message);
        Assert.Null(SheetWorkflow.Refusal(WorkflowAction.Submit, countySheet, County, Actor(County, UserRole.Clerk), RegionLevel.City));
        Assert.Equal("本类别由县级审核员择优和发布名单，推荐表无需提交市级",
            SheetWorkflow.Refusal(WorkflowAction.Submit, countySheet, County, Actor(County, UserRole.Clerk), RegionLevel.County)?.Message);
    }

    [Fact]
    public void NobodyReviewsTheirOwnSubmission()
    {
        var reviewer = Actor(City, UserRole.Reviewer);
        var sheet = new NominationSheet { RegionId = County.Id, Status = SheetStatus.Submitted, SubmittedByUserId = reviewer.UserId };

        foreach (var action in new[] { WorkflowAction.Approve, WorkflowAction.Return, WorkflowAction.Decide })
        {
            var refusal = SheetWorkflow.Refusal(action, sheet, County, reviewer);
            Assert.Equal("不能审核自己提交的推荐表", refusal?.Message);
        }
    }

    [Fact]
    public void AStateRefusal_SaysTheStatusAndTheAction_InChinese()
    {
        var sheet = new NominationSheet { RegionId = County.Id, Status = SheetStatus.Approved };

        var refusal = SheetWorkflow.Refusal(WorkflowAction.Submit, sheet, County, Actor(County, UserRole.Clerk));

        Assert.Equal("推荐表当前状态为“已通过”，不能提交", refusal?.Message);
        Assert.False(refusal!.Forbidden);
    }

    [Fact]
    public void Extensions_AreGrantedByAReviewerAbove_NotByTheRegionItself()
    {
        Assert.Null(SheetWorkflow.ExtensionRefusal(County, Actor(City, UserRole.Reviewer)));
        Assert.Null(SheetWorkflow.ExtensionRefusal(County, Actor(Province, UserRole.Reviewer)));
        Assert.NotNull(SheetWorkflow.ExtensionRefusal(County, Actor(County, UserRole.Reviewer)));
        Assert.NotNull(SheetWorkflow.ExtensionRefusal(County, Actor(City, UserRole.Admin)));
        Assert.NotNull(SheetWorkflow.ExtensionRefusal(County, Actor(OtherProvince, UserRole.Reviewer)));
        Assert.NotNull(SheetWorkflow.ExtensionRefusal(Sibling, Actor(County, UserRole.Reviewer)));
    }
}
