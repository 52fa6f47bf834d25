namespace HarmonyPortal.Core.Rules;

/// <summary>Criteria as they stand in one year: members not in force that year are left out.</summary>
public static class CriteriaYears
{
    /// <summary>The node as in force in <paramref name="year"/>, or null when nothing of it is.</summary>
    public static CriterionNode? InForce(CriterionNode node, int year)
    {
        if (!node.InForce(year))
        {
            return null;
        }

        if (node is not CriterionGroup group)
        {
            return node;
        }

        var members = group.Members.Select(m => InForce(m, year)).OfType<CriterionNode>().ToList();
        // Compared member by member: a nested group that lost members in this year is a changed member, though the count is the same.
        return members.Count == 0 ? null : members.SequenceEqual(group.Members) ? group : group with { Members = members };
    }
}
