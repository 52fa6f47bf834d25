namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>The editor's section tabs at the top of every draft page.</summary>
public sealed record DraftNav(RuleDraftState State, string Active)
{
    public static IReadOnlyList<(string Key, string Label, string Controller, string Action)> Sections { get; } =
    [
        ("basics", "基本信息", "Drafts", nameof(DraftsController.Basics)),
        ("tasks", "任务", "Drafts", nameof(DraftsController.Tasks)),
        ("grid", "配额表", "Grid", nameof(GridController.Show)),
        ("deadlines", "报送期限", "Drafts", nameof(DraftsController.Deadlines)),
        ("criteria", "选树条件", "Criteria", nameof(CriteriaController.Index)),
        ("publish", "检查并发布", "Drafts", nameof(DraftsController.Publish)),
    ];

    /// <summary>The draft's id under the name the section's route uses (the criteria routes call it draftId).</summary>
    public static object RouteValues(string controller, int draftId) =>
        controller == "Criteria" ? new { draftId } : new { id = draftId };
}
