using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Web.Features.Coverage;

/// <summary>One coverage target as the dashboard applies it: from the nearest rule set that states it, or the plain default of one coordinator.</summary>
public sealed record AppliedTarget(CoverageUnits Units, string Name, int MinCoordinators, DateOnly? Deadline)
{
    public string UnitsName => Units switch
    {
        CoverageUnits.LargeMediumEnterprises => "大中型企业",
        _ => "乡镇（街道）、园区",
    };

    /// <summary>Used where no rule set up the region chain states coverage targets: every unit, at least one coordinator, no deadline.</summary>
    public static IReadOnlyList<AppliedTarget> Defaults { get; } =
    [
        new(CoverageUnits.LargeMediumEnterprises, "大中型企业配备劳动关系协调员", 1, null),
        new(CoverageUnits.TownsAndParks, "街道（乡镇）、园区配备劳动关系协调员", 1, null),
    ];

    public static IReadOnlyList<AppliedTarget> From(RuleSet ruleSet) =>
        Defaults.Select(d => ruleSet.CoverageTargets.FirstOrDefault(t => t.Units == d.Units) is { } t
            ? new AppliedTarget(t.Units, t.Name, t.MinCoordinators, t.Deadline)
            : d).ToList();
}

/// <summary>Units of a target in one row of the dashboard (a child region, or the region's own level) and how many are covered.</summary>
public sealed record CoverageFigure(int Total, int Covered)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Floor(100m * Covered / Total);

    public string Text => Total == 0 ? "—" : $"{Covered} / {Total}（{Percent}%）";
}

/// <summary>A unit of the region's own level with fewer serving coordinators than its target asks; listed in register order.</summary>
public sealed record UncoveredUnit(CoverageUnits Units, string Name, string Detail, int Coordinators);
