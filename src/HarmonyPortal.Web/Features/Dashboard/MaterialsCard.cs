using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Web.Features.Dashboard;

/// <summary>
/// One line of the 材料与指标 card: a task owed in the subtree of one row (the region itself, or a region directly
/// below it with everything under it), with submitted / expected, accepted, on time and late, and what stands out.
/// </summary>
public sealed record MaterialsCardRow(Region Row, bool Own, TaskKind Kind, string TaskName, string KindName, int Expected, int Submitted, int Accepted, int OnTime, int Late, string Situation)
{
    /// <summary>The reviewer's table for the row's region: materials or indicators.</summary>
    public string DrillDown(int year) => $"/{(Kind == TaskKind.Indicator ? "indicators" : "materials")}/review?regionId={Row.Id}&year={year}";
}

/// <summary>The 材料与指标 card of the dashboard: per task and row, built from <see cref="MaterialsRollup"/>.</summary>
public sealed record MaterialsCard(IReadOnlyList<MaterialsCardRow> Rows)
{
    public static MaterialsCard Empty { get; } = new([]);

    public int Expected(TaskKind kind) => Rows.Where(r => r.Kind == kind).Sum(r => r.Expected);

    public int Submitted(TaskKind kind) => Rows.Where(r => r.Kind == kind).Sum(r => r.Submitted);

    public int Accepted(TaskKind kind) => Rows.Where(r => r.Kind == kind).Sum(r => r.Accepted);

    public int OnTime(TaskKind kind) => Rows.Where(r => r.Kind == kind).Sum(r => r.OnTime);

    public int Late(TaskKind kind) => Rows.Where(r => r.Kind == kind).Sum(r => r.Late);

    /// <summary>
    /// Groups the owed items by row (the region itself, or the child whose subtree holds the item) and task; rows in
    /// the order given, then materials before indicators, tasks in the plan's order.
    /// </summary>
    public static MaterialsCard From(IReadOnlyList<OwedItem> items, Region region, IReadOnlyList<Region> children)
    {
        var rows = children.Prepend(region).ToList();
        Region RowOf(OwedItem item)
        {
            var path = Region.IdsOnPath(item.Region.Path);
            return children.FirstOrDefault(c => path.Contains(c.Id)) ?? region;
        }

        var lines = items.Select((item, index) => (item, index, row: RowOf(item)))
            .GroupBy(x => (x.row.Id, x.item.Kind, x.item.Expected.JurisdictionRegionId, x.item.Expected.Task.Id))
            .OrderBy(g => rows.FindIndex(r => r.Id == g.Key.Item1)).ThenBy(g => g.Key.Kind == TaskKind.Indicator).ThenBy(g => g.Min(x => x.index))
            .Select(g =>
            {
                var group = g.Select(x => x.item).ToList();
                var first = group[0];
                var row = g.First().row;
                return new MaterialsCardRow(row, row.Id == region.Id, first.Kind, first.Expected.Task.Name, first.KindName, group.Count,
                    group.Count(i => i.Status.Status is not null), group.Count(i => i.Status.Status == ReviewStatus.Accepted),
                    group.Count(i => i.Status.Status is not null && !i.Status.IsLate), group.Count(i => i.Status.IsLate), Situation(group));
            }).ToList();
        return new MaterialsCard(lines);
    }

    /// <summary>A single region's status and timeliness (and an indicator's figure); for several, who is late and who has sent nothing.</summary>
    private static string Situation(List<OwedItem> group)
    {
        if (group.Count == 1)
        {
            var item = group[0];
            var status = item.Status.Status is null ? "未提交" : $"{item.Status.StatusName}（{item.Status.Timeliness}）";
            return item.Figure is { } figure && item.Latest is not null ? $"{status}；{figure}" : status;
        }

        var late = group.Where(i => i.Status.IsLate).Select(i => $"{i.Region.Name} {i.Status.Timeliness}").ToList();
        var missing = group.Where(i => i.Status.Status is null).Select(i => i.Region.Name).ToList();
        var parts = new List<string>();
        if (late.Count > 0)
        {
            parts.Add("逾期：" + string.Join("、", late));
        }

        if (missing.Count > 0)
        {
            parts.Add("未提交：" + string.Join("、", missing));
        }

        return parts.Count == 0 ? "均已按时提交" : string.Join("；", parts);
    }
}
