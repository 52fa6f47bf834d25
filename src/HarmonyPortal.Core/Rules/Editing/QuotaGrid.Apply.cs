namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>A cell that could not be read: its row and column in the grid and why (Chinese, without the location).</summary>
public sealed record QuotaGridError(int Row, int Column, string Message);

/// <summary>The rule set with the grid applied, or the cells in error (and then no rule set).</summary>
public sealed record QuotaGridApplyResult(RuleSet? RuleSet, IReadOnlyList<QuotaGridError> Errors, int ChangedCells)
{
    public bool Succeeded => RuleSet is not null;
}

public sealed partial class QuotaGrid
{
    /// <summary>
    /// The rule set with the typed cells applied. <paramref name="typed"/> gives a cell's text, or null for a cell not
    /// sent (kept). A cell whose text says what it said before keeps its quotas exactly (notes included); a changed
    /// cell's quotas are replaced, in place, by the quotas its text says. Read-only cells, quotas no row shows and
    /// everything else in the rule set are kept. Any unreadable cell fails the whole grid: nothing applied.
    /// </summary>
    public QuotaGridApplyResult Apply(Func<QuotaGridRow, QuotaGridColumn, string?> typed)
    {
        var errors = new List<QuotaGridError>();
        var changes = new Dictionary<(int Row, int Column), QuotaCellValue>();
        for (var r = 0; r < Rows.Count; r++)
        {
            for (var c = 0; c < Columns.Count; c++)
            {
                var cell = _cells[r, c];
                if (cell.ReadOnly || typed(Rows[r], Columns[c]) is not { } text)
                {
                    continue;
                }

                var parsed = QuotaGridCellText.Parse(text);
                if (parsed.Value is not { } value)
                {
                    errors.Add(new QuotaGridError(r, c, parsed.Error!));
                }
                else if (QuotaGridCellText.Format(value) != cell.Text)
                {
                    changes[(r, c)] = value;
                }
            }
        }

        if (errors.Count > 0)
        {
            return new QuotaGridApplyResult(null, errors, 0);
        }

        var tasks = RuleSet.Tasks.ToList();
        for (var c = 0; c < Columns.Count; c++)
        {
            var changed = Enumerable.Range(0, Rows.Count).Where(r => changes.ContainsKey((r, c))).ToList();
            if (changed.Count == 0)
            {
                continue;
            }

            var index = tasks.FindIndex(t => t.Id == Columns[c].TaskId);
            tasks[index] = tasks[index] with { Quotas = Replace(tasks[index].Quotas, c, changed, changes) };
        }

        return new QuotaGridApplyResult(RuleSet with { Tasks = tasks }, [], changes.Count);
    }

    private List<Quota> Replace(IReadOnlyList<Quota> quotas, int column, List<int> changedRows, Dictionary<(int Row, int Column), QuotaCellValue> changes)
    {
        var result = new List<Quota>();
        var placed = new HashSet<int>();
        foreach (var quota in quotas)
        {
            var row = changedRows.FindIndex(r => Rows[r].Holds(quota));
            if (row < 0)
            {
                result.Add(quota);
            }
            else if (placed.Add(changedRows[row]))
            {
                result.AddRange(QuotasOf(changedRows[row], column, changes[(changedRows[row], column)]));
            }
        }

        foreach (var row in changedRows.Where(r => !placed.Contains(r)))
        {
            result.AddRange(QuotasOf(row, column, changes[(row, column)]));
        }

        return result;
    }

    private IEnumerable<Quota> QuotasOf(int row, int column, QuotaCellValue value)
    {
        if (value.Period is { } period)
        {
            yield return Rows[row].NewQuota(QuotaPeriod.Period, period, Columns[column].Unit);
        }

        if (value.Year is { } year)
        {
            yield return Rows[row].NewQuota(QuotaPeriod.Year, year, Columns[column].Unit);
        }
    }

    /// <summary>Where a cell is, for a message on the page: 第 3 行「君山区」·「新企用工服务」列.</summary>
    public string PageLocation(int row, int column) => $"第 {row + 1} 行「{Rows[row].Name}」·「{Columns[column].Name}」列";
}
