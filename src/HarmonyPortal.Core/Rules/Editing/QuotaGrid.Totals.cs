namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>
/// A column's totals over the region and unit rows: the plan totals (a row with only a yearly amount counts it for
/// each year of the plan) and the yearly sums (rows with a yearly amount), and where they differ from the 合计 row.
/// </summary>
public sealed record QuotaColumnTotal(int? PlanSum, int? YearSum, string Text, IReadOnlyList<string> Warnings);

public sealed partial class QuotaGrid
{
    /// <summary>
    /// The totals of every column, from what each cell says now: <paramref name="valueAt"/> gives a cell's value
    /// (what was typed, when it reads) or null (unreadable, read-only), and defaults to the cells as built.
    /// </summary>
    public IReadOnlyList<QuotaColumnTotal> Totals(Func<int, int, QuotaCellValue?>? valueAt = null)
    {
        valueAt ??= (r, c) => _cells[r, c].Value;
        var total = RowIndex(QuotaGridRowKind.Total);
        var result = new List<QuotaColumnTotal>();
        for (var c = 0; c < Columns.Count; c++)
        {
            int? planSum = null, yearSum = null;
            for (var r = 0; r < Rows.Count; r++)
            {
                if (Rows[r].Kind is not (QuotaGridRowKind.Region or QuotaGridRowKind.Unit) || valueAt(r, c) is not { } value)
                {
                    continue;
                }

                if (value.Period?.Min is { } plan)
                {
                    planSum = (planSum ?? 0) + plan;
                }
                else if (value.Year?.Min is { } each)
                {
                    planSum = (planSum ?? 0) + (each * YearCount);
                }

                if (value.Year?.Min is { } yearly)
                {
                    yearSum = (yearSum ?? 0) + yearly;
                }
            }

            var text = QuotaGridCellText.Format(new QuotaCellValue(
                planSum is { } p ? new QuotaAmount(p, null, null, false) : null,
                yearSum is { } y ? new QuotaAmount(y, null, null, false) : null));
            var warnings = new List<string>();
            var unit = Columns[c].Unit;
            if (total >= 0 && valueAt(total, c) is { } entered)
            {
                if (planSum is { } ps && entered.Period is { } ep && Differs(ps, ep))
                {
                    warnings.Add($"各行相加共 {ps} {unit}，与合计行的 {QuotaGridCellText.Format(ep)} {unit}不一致");
                }

                if (yearSum is { } ys && entered.Year is { } ey && Differs(ys, ey))
                {
                    warnings.Add($"各行每年相加 {ys} {unit}，与合计行的每年 {QuotaGridCellText.Format(ey)} {unit}不一致");
                }
            }

            result.Add(new QuotaColumnTotal(planSum, yearSum, text, warnings));
        }

        return result;
    }

    /// <summary>A "左右" total differs from any other sum; a minimum from a smaller one (rows may add up to more); a maximum from a larger one.</summary>
    private static bool Differs(int sum, QuotaAmount entered) => (entered.Min, entered.Max) switch
    {
        ({ } min, { } max) => sum < min || sum > max,
        ({ } min, null) => entered.Approximate ? sum != min : sum < min,
        (null, { } max) => sum > max,
        _ => false,
    };
}
