using System.Globalization;

namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>
/// Addresses a node of a category's criteria tree: "0" is the top node, "0.2" its third member, "0.2.1" the second
/// member of that. Paths are positions, valid for the tree they were read from.
/// </summary>
public static class CriteriaPaths
{
    public const string Root = "0";

    public static string Child(string path, int index) => $"{path}.{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The member indexes below the top node, or null when the text is not a path.</summary>
    public static IReadOnlyList<int>? Parse(string? path)
    {
        var parts = (path ?? "").Split('.');
        if (parts[0] != Root)
        {
            return null;
        }

        var indexes = new List<int>();
        foreach (var part in parts.Skip(1))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || indexes.Count >= RuleSetReader.MaxDepth)
            {
                return null;
            }

            indexes.Add(index);
        }

        return indexes;
    }

    /// <summary>The node at the path, or null when there is none.</summary>
    public static CriterionNode? Find(CriterionNode? root, string? path)
    {
        if (Parse(path) is not { } indexes)
        {
            return null;
        }

        var node = root;
        foreach (var index in indexes)
        {
            node = node is CriterionGroup g && index < g.Members.Count ? g.Members[index] : null;
        }

        return node;
    }

    /// <summary>The tree with the node at <paramref name="indexes"/> replaced by what <paramref name="change"/> makes of it (null removes it).</summary>
    internal static CriterionNode? Replace(CriterionNode node, IReadOnlyList<int> indexes, Func<CriterionNode, CriterionNode?> change, int depth = 0)
    {
        if (depth == indexes.Count)
        {
            return change(node);
        }

        var group = (CriterionGroup)node;
        var members = group.Members.ToList();
        var replaced = Replace(members[indexes[depth]], indexes, change, depth + 1);
        if (replaced is null)
        {
            members.RemoveAt(indexes[depth]);
        }
        else
        {
            members[indexes[depth]] = replaced;
        }

        return group with { Members = members };
    }

    /// <summary>Every criterion (not group) under the node.</summary>
    public static IEnumerable<Criterion> Criteria(CriterionNode node) => node switch
    {
        CriterionGroup g => g.Members.SelectMany(Criteria),
        Criterion c => [c],
        _ => [],
    };
}
