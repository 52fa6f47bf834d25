using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules;

/// <summary>
/// Reads the kind of a task written before kinds existed, from the ids the first rule files used; anything else
/// is display-only until its office gives it a kind.
/// </summary>
public static class TaskKinds
{
    /// <summary>The ledger whose rows can be nominated for the category.</summary>
    public static string LedgerOf(GoldCategory category) => category switch
    {
        GoldCategory.Coordinator => "coordinators",
        GoldCategory.SocialOrganization => "social-organizations",
        _ => "mediation-organizations",
    };

    public static string TitleOf(GoldCategory category) => category switch
    {
        GoldCategory.Coordinator => "金牌劳动关系协调员",
        GoldCategory.SocialOrganization => "金牌协调劳动关系社会组织",
        _ => "金牌劳动人事争议调解组织",
    };

    public static RuleTask Infer(RuleTask task) => task.Id switch
    {
        "gold-coordinator" => Gold(task, GoldCategory.Coordinator),
        "gold-social-organization" => Gold(task, GoldCategory.SocialOrganization),
        "gold-mediation-organization" => Gold(task, GoldCategory.MediationOrganization),
        "harmonious-enterprises" => Count(task, "harmonious-enterprises"),
        "new-enterprise-service" => Count(task, "new-enterprise-services"),
        "key-enterprises" => Count(task, "key-enterprises"),
        "wage-guidance" => Count(task, "wage-guidance"),
        "coordinator-coverage" => Count(task, "coordinators"),
        "ledger-report" => task with
        {
            Kind = TaskKind.DisplayOnly,
            DisplayReason = "台账报送期限：各台账按此日期报送",
            Deadlines = task.Deadlines.Select(d => d.Step == DeadlineStep.Any ? d with { Step = DeadlineStep.Ledger } : d).ToList(),
        },
        _ => task with { Kind = TaskKind.DisplayOnly, DisplayReason = "规则文件未说明计量方式" },
    };

    private static RuleTask Gold(RuleTask task, GoldCategory category) =>
        task with { Kind = TaskKind.Honour, Honour = new Honour(category, TitleOf(category), LedgerOf(category), RegionLevel.Province, []) };

    private static RuleTask Count(RuleTask task, string ledger) => task with { Kind = TaskKind.LedgerCount, Measure = new LedgerMeasure(ledger, null, null) };
}
