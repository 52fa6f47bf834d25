using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Spreadsheets;

namespace HarmonyPortal.Web.Features.YearEnd;

/// <summary>
/// The user's subtree for the year-end workbook: its regions in path order and, for every region, the names of
/// its ancestors at each level below the user's (市, 县（市、区）), which become the 所属地区 columns. Towns get no
/// column of their own: the ledgers carry their own 所属乡镇街道 column, and a second, mostly empty 乡镇 column beside
/// it confused readers; a row held by a town region (rare) shows the town after its county ("岳阳县 荣家湾镇").
/// </summary>
public sealed class YearEndRegions
{
    private readonly Dictionary<int, string?[]> _names = [];
    private readonly List<RegionLevel> _levels;

    public YearEndRegions(Region own, IReadOnlyList<Region> subtree)
    {
        Own = own;
        Regions = subtree.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        _levels = Regions.Select(r => r.Level).Where(l => l > own.Level && l != RegionLevel.Town).Distinct().Order().ToList();
        var byId = Regions.ToDictionary(r => r.Id);
        foreach (var region in Regions)
        {
            var names = new string?[_levels.Count];
            foreach (var id in Region.IdsOnPath(region.Path))
            {
                if (!byId.TryGetValue(id, out var ancestor))
                {
                    continue;
                }

                if (_levels.IndexOf(ancestor.Level) is >= 0 and var column)
                {
                    names[column] = ancestor.Name;
                }
                else if (ancestor.Level == RegionLevel.Town && names.Length > 0)
                {
                    names[^1] = names[^1] is { } county ? county + " " + ancestor.Name : ancestor.Name;
                }
            }

            _names[region.Id] = names;
        }
    }

    public Region Own { get; }

    /// <summary>Every region of the subtree, the user's own first, then in path order.</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>The levels below the user's that occur in the subtree: one 所属地区 column each.</summary>
    public IReadOnlyList<RegionLevel> Levels => _levels;

    public IEnumerable<ColumnSpec> Columns => Levels.Select(l => new ColumnSpec(Header(l), 14));

    /// <summary>Appends the region's 所属地区 cells (empty above the region's own level).</summary>
    public void AddCells(List<CellValue> cells, int regionId)
    {
        foreach (var name in _names[regionId])
        {
            cells.Add(CellValue.Text(name));
        }
    }

    public static string Header(RegionLevel level) => level switch
    {
        RegionLevel.City => "市",
        RegionLevel.County => "县（市、区）",
        RegionLevel.Town => "乡镇（街道）",
        _ => "地区",
    };
}
