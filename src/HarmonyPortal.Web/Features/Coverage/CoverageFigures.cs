using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Web.Features.Coverage;

/// <summary>One coverage target as the dashboard applies it: from the nearest rule set that states it, or the plain default of one coordinator.</summary>
public sealed record AppliedTarget(CoverageUnits Units, string Name, int MinCoordinators, DateOnly? Deadline)
{
    /// <summary>The share of the units to be covered: 1 for each of them, 0.5 for "大多数" (read as at least half).</summary>
    public decimal Share { get; init; } = 1m;

    public string UnitsName => Units switch
    {
        CoverageUnits.LargeMediumEnterprises => "大中型企业",
        CoverageUnits.MemberUnits => "成员单位",
        _ => "乡镇（街道）、园区",
    };

    /// <summary>Whether the figure reaches the target: every unit covered, or the target's share of them.</summary>
    public bool IsMet(CoverageFigure figure) => figure.Total > 0 && figure.Covered >= Math.Ceiling(Share * figure.Total);

    public string ShareText => Share >= 1 ? "每个" : $"{Share * 100:0.#}% 以上的";

    /// <summary>Used where no rule set up the region chain states coverage targets: every unit, at least one coordinator, no deadline.</summary>
    public static IReadOnlyList<AppliedTarget> Defaults { get; } =
    [
        new(CoverageUnits.LargeMediumEnterprises, "大中型企业配备劳动关系协调员", 1, null),
        new(CoverageUnits.TownsAndParks, "街道（乡镇）、园区配备劳动关系协调员", 1, null),
    ];

    /// <summary>The plan's targets in place of the defaults, plus a member-unit target where the plan states one.</summary>
    public static IReadOnlyList<AppliedTarget> From(RuleSet ruleSet) =>
        Defaults.Select(d => ruleSet.CoverageTargets.FirstOrDefault(t => t.Units == d.Units) is { } t ? Of(t) : d)
            .Concat(ruleSet.CoverageTargets.Where(t => t.Units == CoverageUnits.MemberUnits).Take(1).Select(Of)).ToList();

    private static AppliedTarget Of(CoverageTarget t) => new(t.Units, t.Name, t.MinCoordinators, t.Deadline) { Share = t.Share };
}

/// <summary>Units of a target in one row of the dashboard (a child region, or the region's own level) and how many are covered.</summary>
public sealed record CoverageFigure(int Total, int Covered)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Floor(100m * Covered / Total);

    public string Text => Total == 0 ? "—" : $"{Covered} / {Total}（{Percent}%）";
}

/// <summary>A unit of the region's own level with fewer serving coordinators than its target asks; listed in register order.</summary>
public sealed record UncoveredUnit(CoverageUnits Units, string Name, string Detail, int Coordinators);
