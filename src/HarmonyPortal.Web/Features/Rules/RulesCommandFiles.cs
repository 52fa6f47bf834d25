using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Checking;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>
/// The files named to <c>rules check</c> are checked against each other as well as against the stored plans: a city's
/// plan and a county's plan below it, checked together before either is stored, are compared (periods of one
/// jurisdiction, who selects and publishes an honour).
/// </summary>
public static class RulesCommandFiles
{
    public static RuleCheckContext WithEachOther(RuleCheckContext context, IEnumerable<(string Label, RuleSet? Rules)> files)
    {
        var read = files.Where(f => f.Rules is not null).Select(f => new StoredPlan(f.Rules!.Jurisdiction, f.Rules.FromYear, f.Rules.ToYear, f.Label, f.Rules)).ToList();
        return read.Count < 2 ? context : context with { OtherPlans = [.. context.OtherPlans, .. read] };
    }
}
