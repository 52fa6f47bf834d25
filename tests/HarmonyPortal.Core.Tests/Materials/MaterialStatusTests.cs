using HarmonyPortal.Core.Materials;
using Xunit;

namespace HarmonyPortal.Core.Tests.Materials;

/// <summary>A region's status on a material task from its materials, as the level above and the roll-up show it.</summary>
public sealed class MaterialStatusTests
{
    private static readonly DateTime Aug = new(2023, 8, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Sep = new(2023, 9, 5, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void NothingOrOnlyDrafts_IsNotSubmitted()
    {
        Assert.Equal("未提交", MaterialStatus.OfMaterials([]).StatusName);
        var drafts = MaterialStatus.OfMaterials([(ReviewStatus.Draft, null, 0), (ReviewStatus.Draft, Aug, 0)]);
        Assert.Equal(("未提交", "", 0), (drafts.StatusName, drafts.Timeliness, drafts.Count));
    }

    [Fact]
    public void ReturnedShowsBeforeSubmittedBeforeAccepted_AndTheWorstLatenessCounts()
    {
        var mixed = MaterialStatus.OfMaterials([(ReviewStatus.Accepted, Aug, 0), (ReviewStatus.Submitted, Sep, 5), (ReviewStatus.Returned, Aug, 0)]);
        Assert.Equal(("已退回", "逾期 5 天", 3, Sep), (mixed.StatusName, mixed.Timeliness, mixed.Count, mixed.LastSubmittedAtUtc!.Value));
        Assert.Equal("已提交", MaterialStatus.OfMaterials([(ReviewStatus.Accepted, Aug, 0), (ReviewStatus.Submitted, Sep, 0)]).StatusName);

        var acceptedLate = MaterialStatus.OfMaterials([(ReviewStatus.Accepted, Sep, 5)]);
        Assert.Equal(("已接收", "逾期 5 天", true), (acceptedLate.StatusName, acceptedLate.Timeliness, acceptedLate.IsLate));
        var onTime = MaterialStatus.OfMaterials([(ReviewStatus.Accepted, Aug, 0)]);
        Assert.Equal(("按时", false), (onTime.Timeliness, onTime.IsLate));
    }
}
