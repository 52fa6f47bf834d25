using HarmonyPortal.Core.Ledgers.Definitions;

namespace HarmonyPortal.Core.Ledgers.Spreadsheets;

/// <summary>
/// The problems of an import about the portal-added columns its file lacks, said once for the file where one value would
/// do, and per row where a row needs a value of its own: the clerk learns what to choose on the preview, or which rows
/// need the column in the file.
/// </summary>
public static class AbsentColumnProblems
{
    /// <summary>
    /// Rewrites <paramref name="problems"/> (after every row was checked): a required lacking column nobody chose a value
    /// for is one problem of the whole file instead of the same error on every row; a conditional one (经济补偿标准 when a
    /// layoff is planned) is one problem naming the rows that need it; and a row that refused the value chosen for the
    /// whole file is told that it needs a value of its own.
    /// </summary>
    public static void Explain(ILedgerDefinition definition, AddedColumns added, List<ImportProblem> problems)
    {
        foreach (var field in added.Absent)
        {
            var value = added.ValueFor(definition, field);
            if (field.RequiredWhen is null)
            {
                Explain(field, value, field.Required, null, problems,
                    $"{field.Header}：文件中没有此列（本系统在官方表式之外增加的列），请在下方为全部行选择或填写一个值后重新预览");
                continue;
            }

            var needing = added.NeededOn.GetValueOrDefault(field.Key) ?? [];
            var rows = needing.ToHashSet();
            var failing = problems.Where(p => rows.Contains(p.RowNumber) && p.Column == field.Header).Select(p => p.RowNumber).Distinct().ToList();
            Explain(field, value, failing.Count > 0, rows, problems,
                $"{field.Header}：文件中没有此列（本系统在官方表式之外增加的列），{AddedColumns.RowsNeeding(definition, field, failing)}需要此值；"
                + "请在下方为这些行选择或填写一个值后重新预览，其余行此列留空");
        }
    }

    private static void Explain(ILedgerField field, string? value, bool ask, HashSet<int>? rows, List<ImportProblem> problems, string askMessage)
    {
        bool Concerns(ImportProblem p) => p.RowNumber > 0 && p.Column == field.Header && (rows is null || rows.Contains(p.RowNumber));
        if (value is null)
        {
            if (ask)
            {
                problems.RemoveAll(Concerns);
                problems.Add(new ImportProblem(0, field.Header, askMessage));
            }

            return;
        }

        for (var i = 0; i < problems.Count; i++)
        {
            if (Concerns(problems[i]))
            {
                problems[i] = problems[i] with
                {
                    Message = problems[i].Message + $"（文件中没有“{field.Header}”列，本行按预览时统一选择的“{value}”检查；本行需要不同的值："
                        + $"请在文件中增加“{field.Header}”列逐行填写，或在预览中改选一个值）",
                };
            }
        }
    }
}
