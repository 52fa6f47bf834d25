namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>The editor's section tabs at the top of every draft page.</summary>
public sealed record DraftNav(RuleDraftState State, string Active)
{
    public static IReadOnlyList<(string Key, string Label, string Path)> Sections { get; } =
    [
        ("basics", "基本信息", ""),
        ("tasks", "任务", "/tasks"),
        ("grid", "配额表", "/grid"),
        ("deadlines", "报送期限", "/deadlines"),
        ("criteria", "选树条件", "/criteria"),
        ("publish", "检查并发布", "/publish"),
    ];
}
