using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;

namespace HarmonyPortal.Core.Materials;

/// <summary>
/// Who may act on a region's materials and indicator figures: the region's own clerks make and submit them; the
/// reviewers of the level directly above (the region's parent) accept, return and grant extensions. Everyone whose
/// subtree holds the region reads them.
/// </summary>
public static class MaterialReview
{
    /// <summary>Why the actor may not review (accept, return, undo, extend) the region's submissions, or null when allowed.</summary>
    public static string? ReviewRefusal(Region submitter, UserScope actor) =>
        actor.Role == UserRole.Reviewer && submitter.ParentId == actor.RegionId
            ? null
            : "只有上一级的审核员可以审核该地区报送的材料和指标";

    /// <summary>Why the actor may not make or submit the region's materials, or null when allowed.</summary>
    public static string? SubmitRefusal(Region submitter, UserScope actor) =>
        actor.CanWriteRecordsOf(submitter.Id) ? null : "只有本地区的填报员可以填写和提交本地区的材料和指标";

    /// <summary>The longest extension: a year from today, like the nominations'.</summary>
    public const int ExtensionMaxDays = Input.DeadlineExtensionLimits.MaxDays;
}
