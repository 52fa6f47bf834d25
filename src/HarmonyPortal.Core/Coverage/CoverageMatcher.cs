namespace HarmonyPortal.Core.Coverage;

/// <summary>A unit a coverage target counts: a large or medium enterprise, or a town, street or park.</summary>
public sealed record CoverageUnit(long Id, int RegionId, string Name, string? CreditCode = null);

/// <summary>What the matching needs of a serving coordinator of the year.</summary>
public sealed record CoverageCoordinator(int RegionId, string WorkUnit, string? WorkUnitCreditCode, string? TownName);

/// <summary>
/// Which coordinators each unit has. An enterprise is matched by the coordinator's 工作单位统一社会信用代码
/// when one is given (wherever the coordinator was entered), otherwise by the normalized 工作单位 name within
/// the same region; a town, street or park by the coordinator's 所属乡镇街道（园区） within the same region.
/// Callers pass only coordinators currently serving in the year.
/// </summary>
public static class CoverageMatcher
{
    public static Dictionary<long, int> Enterprises(IEnumerable<CoverageUnit> enterprises, IEnumerable<CoverageCoordinator> coordinators)
    {
        var units = enterprises.ToList();
        var byCode = units.Where(u => !string.IsNullOrEmpty(u.CreditCode)).ToLookup(u => u.CreditCode!, StringComparer.Ordinal);
        var byName = units.ToLookup(u => (u.RegionId, UnitName.Key(u.Name)));
        var counts = units.ToDictionary(u => u.Id, _ => 0);
        foreach (var c in coordinators)
        {
            var matches = string.IsNullOrWhiteSpace(c.WorkUnitCreditCode)
                ? byName[(c.RegionId, UnitName.Key(c.WorkUnit))]
                : byCode[c.WorkUnitCreditCode.Trim().ToUpperInvariant()];
            foreach (var unit in matches)
            {
                counts[unit.Id]++;
            }
        }

        return counts;
    }

    public static Dictionary<long, int> Towns(IEnumerable<CoverageUnit> towns, IEnumerable<CoverageCoordinator> coordinators)
    {
        var units = towns.ToList();
        var byName = units.ToLookup(u => (u.RegionId, UnitName.Key(u.Name)));
        var counts = units.ToDictionary(u => u.Id, _ => 0);
        foreach (var c in coordinators.Where(c => !string.IsNullOrWhiteSpace(c.TownName)))
        {
            foreach (var unit in byName[(c.RegionId, UnitName.Key(c.TownName))])
            {
                counts[unit.Id]++;
            }
        }

        return counts;
    }
}
