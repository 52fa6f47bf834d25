namespace HarmonyPortal.Core.Regions;

/// <summary>
/// A node of the administrative tree: province → city → county-level unit → town/street.
/// <see cref="Path"/> holds the ids from the root down to this node ("/1/7/23/") so that a
/// region's subtree is one indexed prefix match.
/// </summary>
public class Region : IRegionOwned
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

    /// <summary>A region owns itself: the scope filter reads its own <see cref="Path"/>.</summary>
    Region IRegionOwned.Region => this;

    public int SortOrder { get; set; }

    /// <summary>
    /// The day the region ceased (closed, or merged into another): from that day's year on it is no longer expected to
    /// report and drops out of the year's lists; its data and its earlier years stay as they were. Null while open.
    /// </summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>
    /// The day the region was set up by a split (its first year of reporting); null for a region that has always been
    /// there. Earlier years do not expect it, so their 应报送 stays as it was.
    /// </summary>
    public DateOnly? OpenedOn { get; set; }

    /// <summary>The region this one was merged into (its rows, sheets and users moved there), when it closed by a merge.</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>True when the region is expected to report for <paramref name="year"/>: set up by then, and open or closed in a later year.</summary>
    public bool IsOpenIn(int year) => (OpenedOn is null || OpenedOn.Value.Year <= year) && (ClosedOn is null || ClosedOn.Value.Year > year);

    /// <summary><see cref="IsOpenIn"/> for queries.</summary>
    public static System.Linq.Expressions.Expression<Func<Region, bool>> OpenIn(int year)
    {
        var lastDay = new DateOnly(year, 12, 31);
        return r => (r.OpenedOn == null || r.OpenedOn <= lastDay) && (r.ClosedOn == null || r.ClosedOn > lastDay);
    }

    /// <summary>Regions not closed on or before <paramref name="day"/>: what a form offers on that day.</summary>
    public static System.Linq.Expressions.Expression<Func<Region, bool>> OpenOn(DateOnly day) => r => r.ClosedOn == null || r.ClosedOn > day;

    /// <summary>An untracked copy of the region's own fields (not its parent or children), to rename apart.</summary>
    public Region Copy() => new()
    {
        Id = Id, Code = Code, IsLocalCode = IsLocalCode, Name = Name, Level = Level, ParentId = ParentId, Path = Path,
        SortOrder = SortOrder, ClosedOn = ClosedOn, OpenedOn = OpenedOn, MergedIntoId = MergedIntoId,
    };

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
