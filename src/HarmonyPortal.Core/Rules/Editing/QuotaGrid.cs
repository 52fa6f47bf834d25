using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>What a grid row stands for.</summary>
public enum QuotaGridRowKind
{
    /// <summary>A region directly below the jurisdiction (岳阳楼区).</summary>
    Region,

    /// <summary>A member unit of the jurisdiction's office (市人社局).</summary>
    Unit,

    /// <summary>Every region of a level (各县市区（每个）).</summary>
    Level,

    /// <summary>The jurisdiction's own quota: the total the office states (附件1's 合计 row).</summary>
    Total,
}

/// <summary>A row of the grid and the quotas it holds.</summary>
public sealed record QuotaGridRow(QuotaGridRowKind Kind, string Key, string Name, string? Region, string? MemberUnit, string? Level)
{
    public const string TotalName = "合计";

    /// <summary>Whether the quota belongs in this row.</summary>
    public bool Holds(Quota quota) => Kind switch
    {
        QuotaGridRowKind.Region or QuotaGridRowKind.Total => quota.Level is null && quota.MemberUnit is null && quota.Region == Region,
        QuotaGridRowKind.Unit => quota.Level is null && quota.Region == Region && Offices.MemberUnits.Names(quota.MemberUnit, MemberUnit!),
        _ => quota.Level == Level && quota.MemberUnit is null,
    };

    /// <summary>A quota of this row's scope.</summary>
    public Quota NewQuota(QuotaPeriod per, QuotaAmount amount, string unit) =>
        new(Kind == QuotaGridRowKind.Level ? Level : null, Kind == QuotaGridRowKind.Level ? null : Region, per, amount.Min, amount.Max, unit, amount.Share, null)
        {
            MemberUnit = MemberUnit,
            Approximate = amount.Approximate,
        };
}

/// <summary>A column: a task that takes quotas, and the unit its quotas count in.</summary>
public sealed record QuotaGridColumn(string TaskId, string Name, string Unit);

/// <summary>
/// A cell: its text, what it says, and the quotas it was made from. A cell whose quotas the text cannot say (tiers,
/// named years, several quotas of one period, another unit) is read-only: <see cref="ReadOnlyReason"/> says why and
/// <see cref="Text"/> describes the quotas; it is kept as it is.
/// </summary>
public sealed record QuotaGridCell(string Text, QuotaCellValue? Value, IReadOnlyList<Quota> Quotas, string? ReadOnlyReason)
{
    public bool ReadOnly => ReadOnlyReason is not null;
}

/// <summary>
/// One plan's quotas as a table shaped like 岳阳's 附件1 任务安排表: a row per region below the jurisdiction (in the
/// order of their codes, functional zones with local codes last), per member unit of its office, per level with level-wide quotas, and the 合计 row (the
/// jurisdiction's own quotas); a column per task that takes quotas.
/// </summary>
public sealed partial class QuotaGrid
{
    private readonly QuotaGridCell[,] _cells;

    private QuotaGrid(RuleSet ruleSet, QuotaGridScope scope, IReadOnlyList<QuotaGridRow> rows, IReadOnlyList<QuotaGridColumn> columns, QuotaGridCell[,] cells, int otherQuotas)
    {
        RuleSet = ruleSet;
        Scope = scope;
        Rows = rows;
        Columns = columns;
        _cells = cells;
        OtherQuotas = otherQuotas;
    }

    public RuleSet RuleSet { get; }

    public QuotaGridScope Scope { get; }

    public IReadOnlyList<QuotaGridRow> Rows { get; }

    public IReadOnlyList<QuotaGridColumn> Columns { get; }

    /// <summary>Quotas of the grid's tasks that no row shows (another region's, an unknown unit's): kept as they are.</summary>
    public int OtherQuotas { get; }

    /// <summary>The years of the plan: a yearly amount times this is its plan total.</summary>
    public int YearCount => RuleSet.ToYear - RuleSet.FromYear + 1;

    public QuotaGridCell Cell(int row, int column) => _cells[row, column];

    public int RowIndex(QuotaGridRowKind kind) => Rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Kind == kind, (null!, -1)).Item2;

    public static QuotaGrid Build(RuleSet ruleSet, QuotaGridScope scope)
    {
        var tasks = ruleSet.Tasks.Where(t => t.Kind != TaskKind.DisplayOnly).ToList();
        var rows = new List<QuotaGridRow>();
        rows.AddRange(scope.Children.OrderBy(c => c.Code.Contains('-', StringComparison.Ordinal)).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new QuotaGridRow(QuotaGridRowKind.Region, "r:" + c.Code, c.Name, c.Code, null, null)));
        rows.AddRange(scope.UnitShortNames.Distinct(StringComparer.Ordinal)
            .Select(u => new QuotaGridRow(QuotaGridRowKind.Unit, "u:" + u, scope.UnitRowName(u), scope.JurisdictionCode, u, null)));
        var levels = tasks.SelectMany(t => t.Quotas).Where(q => q.Level is not null && q.MemberUnit is null)
            .Select(q => Enum.TryParse<RegionLevel>(q.Level, out var level) ? level : (RegionLevel?)null).OfType<RegionLevel>().Distinct().Order();
        rows.AddRange(levels.Select(l => new QuotaGridRow(QuotaGridRowKind.Level, "l:" + l, QuotaGridScope.LevelRowName(l), null, null, l.ToString())));
        rows.Add(new QuotaGridRow(QuotaGridRowKind.Total, "total", QuotaGridRow.TotalName, scope.JurisdictionCode, null, null));

        var columns = tasks.Select(t => new QuotaGridColumn(t.Id, t.Name, UnitOf(t))).ToList();
        var cells = new QuotaGridCell[rows.Count, columns.Count];
        var others = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            var quotas = tasks[c].Quotas;
            others += quotas.Count(q => !rows.Any(r => r.Holds(q)));
            for (var r = 0; r < rows.Count; r++)
            {
                cells[r, c] = CellOf(quotas.Where(rows[r].Holds).ToList(), columns[c].Unit);
            }
        }

        return new QuotaGrid(ruleSet, scope, rows, columns, cells, others);
    }

    /// <summary>The unit most of the task's quotas count in (户, 家, 名), else the indicator's, else 个.</summary>
    private static string UnitOf(RuleTask task) =>
        task.Quotas.Where(q => q.Unit.Length > 0).GroupBy(q => q.Unit).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault()
        ?? task.Indicator?.Unit ?? "个";

    private static QuotaGridCell CellOf(List<Quota> quotas, string unit)
    {
        if (quotas.Count == 0)
        {
            return new QuotaGridCell("", QuotaCellValue.Empty, quotas, null);
        }

        var reason = ReadOnlyReason(quotas, unit);
        if (reason is not null)
        {
            return new QuotaGridCell(string.Join("；", quotas.Select(q => RuleTexts.Period(q) + " " + RuleTexts.Requirement(q))), null, quotas, reason);
        }

        var value = new QuotaCellValue(AmountOf(quotas.SingleOrDefault(q => q.Per == QuotaPeriod.Period)), AmountOf(quotas.SingleOrDefault(q => q.Per == QuotaPeriod.Year)));
        return new QuotaGridCell(QuotaGridCellText.Format(value), value, quotas, null);
    }

    private static string? ReadOnlyReason(List<Quota> quotas, string unit)
    {
        if (quotas.FirstOrDefault(q => q.Tier is not null) is { } tiered)
        {
            return $"含按等级（{tiered.Tier}）分列的数量";
        }

        if (quotas.FirstOrDefault(q => q.Per == QuotaPeriod.Years) is { } named)
        {
            return $"含指定年度（{string.Join("、", named.Years)} 年）的数量";
        }

        if (quotas.FirstOrDefault(q => q.Unit != unit) is { } other)
        {
            return $"单位为“{other.Unit}”，与本列的“{unit}”不同";
        }

        if (quotas.GroupBy(q => q.Per).Any(g => g.Count() > 1))
        {
            return "同一期间有多条数量";
        }

        if (quotas.Any(q => q.Share is not null && (q.Min is not null || q.Max is not null)))
        {
            return "比例与数量写在同一条中";
        }

        if (quotas.Any(q => q.Share is { } share && decimal.Round(share * 100, 2) != share * 100))
        {
            return "比例的小数位过多";
        }

        return null;
    }

    private static QuotaAmount? AmountOf(Quota? quota) =>
        quota is null ? null : new QuotaAmount(quota.Min, quota.Max, quota.Share, quota.Approximate);
}
