namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>
/// How a new plan starts: blank, copied from a plan of the same jurisdiction (the usual case: the next three-year
/// plan from the last), or from the plan of the level above. Dated elements move with the period: a deadline of the
/// first year of the old plan falls in the first year of the new one; what would fall after the new period is left out.
/// The new plan has its own document number (文号), so none is copied.
/// </summary>
public static class PlanStart
{
    public static RuleSet Blank(string jurisdiction, string name, int fromYear, int toYear) =>
        new(jurisdiction, name, name, fromYear, toYear, [], new Dictionary<GoldCategory, CriterionNode>(), []);

    /// <summary>The plan moved to <paramref name="fromYear"/>–<paramref name="toYear"/>, for <paramref name="jurisdiction"/>.</summary>
    public static RuleSet Copy(RuleSet source, string jurisdiction, string name, int fromYear, int toYear)
    {
        var shift = fromYear - source.FromYear;
        bool Inside(int year) => year >= fromYear && year <= toYear + 1;
        DateOnly Move(DateOnly date) => date.AddYears(shift);
        int? MoveYear(int? year) => year + shift;

        var tasks = source.Tasks.Select(t => t with
        {
            Quotas = t.Quotas
                .Select(q => q.Years.Count == 0 ? q : q with { Years = q.Years.Select(y => y + shift).Where(y => y <= toYear).ToList() })
                .Where(q => q.Per != QuotaPeriod.Years || q.Years.Count > 0)
                .Where(q => jurisdiction == source.Jurisdiction || q.Region is null || q.Region == jurisdiction)
                .ToList(),
            Deadlines = t.Deadlines
                .Select(d => d with { Year = MoveYear(d.Year), Date = Move(d.Date) })
                .Where(d => Inside(d.Date.Year) && (d.Year is null || d.Year <= toYear))
                .ToList(),
        }).ToList();
        var criteria = source.Criteria.ToDictionary(c => c.Key, c => MoveYears(c.Value, shift));
        return source with
        {
            Jurisdiction = jurisdiction,
            Name = name,
            FromYear = fromYear,
            ToYear = toYear,
            Tasks = tasks,
            Criteria = criteria,
            CoverageTargets = source.CoverageTargets.Select(c => c with { Deadline = Move(c.Deadline) }).Where(c => Inside(c.Deadline.Year)).ToList(),
            DocumentNumber = null,
            Issuers = jurisdiction == source.Jurisdiction ? source.Issuers : [],
        };
    }

    private static CriterionNode MoveYears(CriterionNode node, int shift)
    {
        var moved = node with { FromYear = node.FromYear + shift, ToYear = node.ToYear + shift };
        return moved is CriterionGroup g ? g with { Members = g.Members.Select(m => MoveYears(m, shift)).ToList() } : moved;
    }
}
