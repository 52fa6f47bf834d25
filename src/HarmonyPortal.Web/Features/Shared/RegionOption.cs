namespace HarmonyPortal.Web.Features.Shared;

/// <summary>A region in a drop-down, indented by its depth below the user's own region.</summary>
public sealed record RegionOption(int Id, string Name, int Depth)
{
    public string Label => new string('　', Depth) + Name;

    public static IReadOnlyList<RegionOption> Flatten(RegionNode root, Func<RegionNode, bool>? include = null) =>
        root.SelfAndDescendants()
            .Where(n => include?.Invoke(n) ?? true)
            .Select(n => new RegionOption(n.Id, n.Name, n.Depth))
            .ToList();
}
