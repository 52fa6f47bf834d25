using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>
/// The rule sets in force, by jurisdiction code. For now the seed rule sets shipped with the portal;
/// stored, versioned rule sets that offices edit replace this source (issue 4, next part).
/// </summary>
public sealed class RuleSetCatalog
{
    private readonly Dictionary<string, RuleSet> byJurisdiction =
        SeedRuleSets.Names.Select(SeedRuleSets.Load).ToDictionary(r => r.Jurisdiction);

    /// <summary>The gold category a ledger row can be nominated for, if any.</summary>
    public static GoldCategory? CategoryOf(LedgerRow row) => row switch
    {
        Coordinator => GoldCategory.Coordinator,
        MediationOrganization => GoldCategory.MediationOrganization,
        SocialOrganization => GoldCategory.SocialOrganization,
        _ => null,
    };

    /// <summary>The nearest jurisdiction up the row's region chain whose rule set has criteria for the category.</summary>
    public RuleSet? For(IEnumerable<string> regionCodesFromLeafToRoot, GoldCategory category) =>
        regionCodesFromLeafToRoot
            .Select(code => byJurisdiction.GetValueOrDefault(code))
            .FirstOrDefault(set => set is not null && set.Criteria.ContainsKey(category));
}
