namespace HarmonyPortal.Web.Features.Shared;

/// <summary>A region in a drop-down, indented by its depth below the user's own region.</summary>
public sealed record RegionOption(int Id, string Name, int Depth)
{
    public string Label => new string('　', Depth) + Name;

    /// <summary>True when the region has regions below it that the drop-down does not list yet (see <see cref="DrillDown"/>).</summary>
    public bool Collapsed { get; init; }

    public static IReadOnlyList<RegionOption> Flatten(RegionNode root, Func<RegionNode, bool>? include = null) =>
        root.SelfAndDescendants()
            .Where(n => include?.Invoke(n) ?? true)
            .Select(n => new RegionOption(n.Id, n.Name, n.Depth))
            .ToList();

    /// <summary>
    /// A filter's options without listing a whole province (issue 21, ADR 0033): the root and its children, and below
    /// them only the children of the regions on the way down to <paramref name="selectedId"/>. Choosing a region and
    /// submitting the filter (no script needed) lists its children next time. A selected id not in the tree opens nothing.
    /// </summary>
    public static IReadOnlyList<RegionOption> DrillDown(RegionNode root, int? selectedId)
    {
        var open = new HashSet<int> { root.Id };
        if (selectedId is { } id && PathTo(root, id) is { } path)
        {
            open.UnionWith(path);
        }

        var options = new List<RegionOption>();
        Add(root);
        return options;

        void Add(RegionNode node)
        {
            var expanded = open.Contains(node.Id);
            options.Add(new RegionOption(node.Id, node.Name, node.Depth) { Collapsed = !expanded && node.Children.Count > 0 });
            if (expanded)
            {
                foreach (var child in node.Children)
                {
                    Add(child);
                }
            }
        }
    }

    /// <summary>The ids from <paramref name="node"/> down to the region <paramref name="id"/>, or null when it is not below.</summary>
    private static List<int>? PathTo(RegionNode node, int id)
    {
        if (node.Id == id)
        {
            return [id];
        }

        foreach (var child in node.Children)
        {
            if (PathTo(child, id) is { } path)
            {
                path.Add(node.Id);
                return path;
            }
        }

        return null;
    }
}
