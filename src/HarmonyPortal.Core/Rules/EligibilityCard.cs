using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Rules;

/// <summary>For which gold category a ledger row qualifies now, and why not, under its jurisdiction's rules.</summary>
public sealed record EligibilityCard(GoldCategory Category, RuleSet RuleSet, int Version, Verdict Verdict)
{
    /// <summary>Whether the criteria come from a plan of a level above (the jurisdiction's own plan sets none).</summary>
    public bool Inherited { get; init; }

    /// <summary>The honour's title when it is not the category's (an office-defined honour, ADR 0026); null for a gold category.</summary>
    public string? Title { get; init; }

    public static string CategoryName(GoldCategory category) => category switch
    {
        GoldCategory.Coordinator => "金牌劳动关系协调员",
        GoldCategory.MediationOrganization => "金牌劳动人事争议调解组织",
        _ => "金牌协调劳动关系社会组织",
    };

    public static string OutcomeName(Outcome outcome) => outcome switch
    {
        Outcome.Met => "符合",
        Outcome.NotMet => "不符合",
        _ => "待审核确认",
    };
}
