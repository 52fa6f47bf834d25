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
        // Unchanged only when every member is the very same node: a nested group may have lost members of its own.
        return members.Count == 0 ? null
            : members.Count == group.Members.Count && members.Zip(group.Members).All(p => ReferenceEquals(p.First, p.Second)) ? group
            : group with { Members = members };
    }
}
