using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Rules;

/// <summary>For which gold category a ledger row qualifies now, and why not, under its jurisdiction's rules.</summary>
public sealed record EligibilityCard(GoldCategory Category, RuleSet RuleSet, int Version, Verdict Verdict)
{
    /// <summary>Whether the criteria come from a plan of a level above (the jurisdiction's own plan sets none).</summary>
    public bool Inherited { get; init; }

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

public sealed class EligibilityService(RuleSetCatalog catalog, Nominations.HonourHistoryLookup history, TimeProvider clock)
{
    public async Task<EligibilityCard?> CardAsync(LedgerRow row, CancellationToken ct)
    {
        if (RuleSetCatalog.CategoryOf(row) is not { } category)
        {
            return null;
        }

        var leafToRoot = Core.Regions.Region.IdsLeafToRoot(row.Region.Path);
        if (await catalog.ForAsync(leafToRoot, category, row.Year, ct) is not var (ruleSet, version))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var nearest = (await catalog.ChainAsync(leafToRoot, row.Year, ct))[0].Version;
        var held = await history.ForAsync(category, [row], ct);
        return new EligibilityCard(category, ruleSet, version.PlanVersion, RuleEvaluator.Evaluate(ruleSet.CriteriaFor(category, row.Year)!, row, today, held))
        {
            Inherited = nearest.Id != version.Id,
        };
    }
}
