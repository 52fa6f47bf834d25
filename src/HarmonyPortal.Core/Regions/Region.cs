namespace HarmonyPortal.Core.Regions;

/// <summary>
/// A node of the administrative tree: province → city → county-level unit → town/street.
/// <see cref="Path"/> holds the ids from the root down to this node ("/1/7/23/") so that a
/// region's subtree is one indexed prefix match.
/// </summary>
public class Region
{
    public int Id { get; set; }

    /// <summary>GB/T 2260 code where one exists, otherwise a local code (see <see cref="IsLocalCode"/>).</summary>
    public string Code { get; set; } = "";

    /// <summary>True for functional zones (经开区, 高新区, 示范区 …) and towns, which carry no GB/T 2260 code.</summary>
    public bool IsLocalCode { get; set; }

    public string Name { get; set; } = "";

    public RegionLevel Level { get; set; }

    public int? ParentId { get; set; }

    public Region? Parent { get; set; }

    public List<Region> Children { get; } = [];

    public string Path { get; set; } = "/";

    public int SortOrder { get; set; }

    public bool IsInSubtreeOf(string ancestorPath) => Path.StartsWith(ancestorPath, StringComparison.Ordinal);

    /// <summary>The ids on a materialized path, root first: "/1/7/23/" → 1, 7, 23.</summary>
    public static List<int> IdsOnPath(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>The ids from this region up to the root: where the nearest jurisdiction's rules are looked for first.</summary>
    public static List<int> IdsLeafToRoot(string path)
    {
        var ids = IdsOnPath(path);
        ids.Reverse();
        return ids;
    }
}
