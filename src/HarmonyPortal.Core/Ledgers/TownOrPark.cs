namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// 乡镇（街道）、园区名录: the towns, streets and parks of a county, the units Jiyuan's coverage target
/// counts (each to have at least one labour-relations coordinator). Coordinators name theirs in 所属乡镇街道（园区）.
/// </summary>
public class TownOrPark : LedgerRow
{
    public TownKind Kind { get; set; } = TownKind.Town;

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }
}

public enum TownKind
{
    [Label("乡镇", "乡", "镇")] Town = 1,
    [Label("街道", "街道办事处")] Street = 2,
    [Label("园区", "工业园区", "产业园区", "开发区", "产业集聚区")] Park = 3,
}
