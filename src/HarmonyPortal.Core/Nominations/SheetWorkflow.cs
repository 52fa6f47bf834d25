using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// The state machine of a recommendation sheet: for each named transition, which statuses it leaves and
/// enters, and who may take it. <see cref="Refusal"/> answers in Chinese why an actor may not; null means
/// the transition is allowed. Business checks (criteria, quotas, deadlines) come after this one.
/// </summary>
public static class SheetWorkflow
{
    /// <summary>Where a transition may start and where it leads.</summary>
    public static readonly IReadOnlyDictionary<WorkflowAction, (SheetStatus[] From, SheetStatus To)> Transitions = new Dictionary<WorkflowAction, (SheetStatus[], SheetStatus)>
    {
        [WorkflowAction.Submit] = ([SheetStatus.Draft, SheetStatus.Returned], SheetStatus.Submitted),
        [WorkflowAction.Return] = ([SheetStatus.Submitted], SheetStatus.Returned),
        [WorkflowAction.Decide] = ([SheetStatus.Submitted], SheetStatus.Submitted),
        [WorkflowAction.Approve] = ([SheetStatus.Submitted], SheetStatus.Approved),
        [WorkflowAction.Forward] = ([SheetStatus.Draft, SheetStatus.Returned], SheetStatus.Forwarded),
        [WorkflowAction.Select] = ([SheetStatus.Forwarded], SheetStatus.Forwarded),
        [WorkflowAction.Publish] = ([SheetStatus.Forwarded], SheetStatus.Published),
        [WorkflowAction.Reopen] = ([SheetStatus.Approved, SheetStatus.Forwarded], SheetStatus.Returned),

        // A province's withdrawn list goes back to its forwarded city sheets; a city's or county's own sheet is reopened
        // for selection (未提交) by the service, and the county sheets published with a list go back to 已通过.
        [WorkflowAction.Withdraw] = ([SheetStatus.Published], SheetStatus.Forwarded),
    };

    /// <summary>
    /// The statuses a transition leaves from when the honour is selected at <paramref name="selectingLevel"/>: a province
    /// selects from the cities' forwarded sheets; a city or county selects from its own sheet while it is still open
    /// (未提交 or 已退回), and publishing closes it.
    /// </summary>
    public static SheetStatus[] From(WorkflowAction action, RegionLevel selectingLevel) =>
        action is WorkflowAction.Select or WorkflowAction.Publish && selectingLevel != RegionLevel.Province
            ? [SheetStatus.Draft, SheetStatus.Returned]
            : Transitions[action].From;

    /// <summary>Whether the sheet is the one the selecting level selects from: the county's own at county level, else the city's.</summary>
    public static bool IsSelectingSheet(Region region, RegionLevel selectingLevel) =>
        selectingLevel == RegionLevel.County ? IsCountySheet(region) : IsCitySheet(region);

    /// <summary>
    /// Why the actor may never select or publish an honour selected at <paramref name="selectingLevel"/>, or null:
    /// only a reviewer of that level selects and publishes; a level above sees the published list read-only.
    /// </summary>
    public static string? SelectorRefusal(RegionLevel selectingLevel, UserScope actor) =>
        actor.Role == UserRole.Reviewer && actor.RegionLevel == selectingLevel
            ? null
            : $"本类别由{selectingLevel.ToChinese()}审核员择优和发布名单" + (actor.RegionLevel < selectingLevel ? $"；{actor.RegionLevel.ToChinese()}只能查看已发布的名单" : "");

    /// <summary>The level whose sheets a transition applies to: counties submit, cities forward.</summary>
    public static bool IsCitySheet(Region region) => region.Level == RegionLevel.City;

    public static bool IsCountySheet(Region region) => region.Level == RegionLevel.County;

    /// <summary>
    /// Why <paramref name="actor"/> may not take <paramref name="action"/> on the sheet, or null when allowed.
    /// A refusal is <see cref="WorkflowRefusal.Forbidden"/> when the actor may never take it (wrong level,
    /// role or region, or its own submission), and a state refusal when the sheet is not in a status it leaves from.
    /// </summary>
    /// <remarks>
    /// <paramref name="selectingLevel"/> is the level that selects and publishes the sheet's honour (the honour task's
    /// selecting level in the plan governing the year): counties submit only when a level above selects; cities forward
    /// only when the province selects; Select and Publish belong to that level's reviewers.
    /// </remarks>
    public static WorkflowRefusal? Refusal(WorkflowAction action, NominationSheet sheet, Region sheetRegion, UserScope actor, RegionLevel selectingLevel = RegionLevel.Province)
    {
        if (!actor.CanRead(sheetRegion.Path))
        {
            return new("该推荐表不在您的管辖范围内", Forbidden: true);
        }

        var ownRegion = actor.RegionId == sheetRegion.Id;
        var parent = actor.RegionId == sheetRegion.ParentId;
        string? who = action switch
        {
            WorkflowAction.Submit when !IsCountySheet(sheetRegion) => "只有县级推荐表需要提交；市级推荐表由市级审核员上报",
            WorkflowAction.Submit when selectingLevel == RegionLevel.County => "本类别由县级审核员择优和发布名单，推荐表无需提交市级",
            WorkflowAction.Submit when !(ownRegion && actor.Role == UserRole.Clerk) => "只有本地区的填报员可以提交推荐表",
            WorkflowAction.Return or WorkflowAction.Decide or WorkflowAction.Approve when !(parent && actor.Role == UserRole.Reviewer && IsCountySheet(sheetRegion)) =>
                "只有上一级的审核员可以审核该推荐表",
            WorkflowAction.Return or WorkflowAction.Decide or WorkflowAction.Approve when sheet.SubmittedByUserId == actor.UserId =>
                "不能审核自己提交的推荐表",
            WorkflowAction.Forward when !IsCitySheet(sheetRegion) => "只有市级推荐表可以上报省级",
            WorkflowAction.Forward when !(ownRegion && actor.Role == UserRole.Reviewer) => "只有本市的审核员可以上报市级推荐表",
            WorkflowAction.Forward when selectingLevel != RegionLevel.Province => $"本类别由{selectingLevel.ToChinese()}择优和发布名单，市级推荐表无需上报省级",
            WorkflowAction.Select or WorkflowAction.Publish or WorkflowAction.Withdraw when SelectorRefusal(selectingLevel, actor) is { } notSelector => notSelector,
            WorkflowAction.Select or WorkflowAction.Publish or WorkflowAction.Withdraw when !IsSelectingSheet(sheetRegion, selectingLevel) =>
                selectingLevel == RegionLevel.County ? "县级只对本县的推荐表择优" : $"{selectingLevel.ToChinese()}只对市级推荐表择优",
            WorkflowAction.Select or WorkflowAction.Publish or WorkflowAction.Withdraw when selectingLevel != RegionLevel.Province && !ownRegion => "只能对本地区的推荐表择优和发布名单",
            WorkflowAction.Reopen when !(actor.Role == UserRole.Reviewer && !ownRegion) => "只有上级的审核员可以重新打开推荐表",
            _ => null,
        };
        if (who is not null)
        {
            return new(who, Forbidden: true);
        }

        var from = From(action, selectingLevel);
        return from.Contains(sheet.Status) ? null : new($"推荐表当前状态为“{sheet.Status.ToChinese()}”，不能{action.ToChinese()}", Forbidden: false);
    }

    /// <summary>Why an actor may not grant <paramref name="region"/> an extension, or null when allowed.</summary>
    public static string? ExtensionRefusal(Region region, UserScope actor) =>
        actor.Role != UserRole.Reviewer || actor.RegionId == region.Id || !actor.CanRead(region.Path)
            ? "只有上级的审核员可以为该地区延期"
            : null;

    /// <summary>Why the region's clerk may not add, edit or remove nominees of the sheet now, or null when allowed.</summary>
    public static string? EditRefusal(NominationSheet sheet) => sheet.Status.IsEditable() ? null : $"推荐表当前状态为“{sheet.Status.ToChinese()}”，不能再修改；如需修改请联系上级退回";
}

/// <summary>Why a transition was refused, in Chinese; forbidden refusals answer 403, state refusals are shown on the page.</summary>
public sealed record WorkflowRefusal(string Message, bool Forbidden);
