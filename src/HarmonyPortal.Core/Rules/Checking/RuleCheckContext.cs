using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules.Checking;

/// <summary>A region as the checker knows it: its code, name, level and the code of its parent (null at a province).</summary>
public sealed record KnownRegion(string Code, string Name, RegionLevel Level, string? ParentCode);

/// <summary>
/// Another stored plan, for the period-overlap check: its jurisdiction, period and how to name it in a message; with its
/// rules (when read), also for comparing who selects and publishes an honour across a city and the counties below it.
/// </summary>
public sealed record StoredPlan(string Jurisdiction, int FromYear, int ToYear, string Label, RuleSet? Rules = null);

/// <summary>
/// What a plan is checked against: the known regions, the member units of each region (short names, by region
/// code), and the other stored plans (of any jurisdiction; only those of the plan's own jurisdiction are compared).
/// </summary>
public sealed record RuleCheckContext(IReadOnlyList<KnownRegion> Regions, IReadOnlyDictionary<string, IReadOnlyList<string>> MemberUnits, IReadOnlyList<StoredPlan> OtherPlans)
{
    /// <summary>
    /// The built-in region seed with the default member units a new office opens with (市人社局, 市总工会 …), for
    /// checking a file where no database is at hand.
    /// </summary>
    public static RuleCheckContext FromSeed()
    {
        var regions = new List<KnownRegion>();
        var units = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        void Add(RegionSeed seed, string? parent)
        {
            regions.Add(new KnownRegion(seed.Code, seed.Name, seed.Level, parent));
            if (seed.Level != RegionLevel.Town)
            {
                units[seed.Code] = seed.Units is { Count: > 0 } listed ? listed.Select(u => u.ShortName).ToList() : DefaultUnits(seed.Level);
            }

            foreach (var child in seed.Children)
            {
                Add(child, seed.Code);
            }
        }

        foreach (var province in RegionSeed.FiveJurisdictions)
        {
            Add(province, null);
        }

        return new RuleCheckContext(regions, units, []);
    }

    /// <summary>The default member units of a region of the level (三方四家), for regions whose list was never stored.</summary>
    public static IReadOnlyList<string> DefaultUnits(RegionLevel level) => PartyNames.All.Select(p => p.ShortNameAt(level)).ToList();
}
