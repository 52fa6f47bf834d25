using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Core.Rules;

/// <summary>Builds a ledger row's <see cref="EligibilityCard"/> under the plan governing its region and year.</summary>
public sealed class EligibilityService(RuleSetCatalog catalog, Nominations.HonourHistoryLookup history, TimeProvider clock)
{
    public async Task<EligibilityCard?> CardAsync(LedgerRow row, CancellationToken ct)
    {
        if (RuleSetCatalog.CategoryOf(row) is not { } category)
        {
            return null;
        }

        if (await catalog.ForAsync(row.Region, category, row.Year, ct) is not var (ruleSet, version))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var nearest = (await catalog.ChainAsync(row.Region, row.Year, ct))[0].Version;
        var held = await history.ForAsync(category, [row], ct);
        return new EligibilityCard(category, ruleSet, version.PlanVersion, RuleEvaluator.Evaluate(ruleSet.CriteriaFor(category, row.Year)!, row, today, held))
        {
            Inherited = nearest.Id != version.Id,
        };
    }
}
