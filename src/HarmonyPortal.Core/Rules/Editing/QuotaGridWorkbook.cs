using HarmonyPortal.Core.Spreadsheets;

namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>What an uploaded grid workbook said: the rule set with it applied, or every reason it was refused.</summary>
public sealed record QuotaGridUpload(RuleSet? RuleSet, IReadOnlyList<string> Errors, int ChangedCells);

/// <summary>
/// The quota grid as an .xlsx shaped like 附件1: a title row, a header row (县区名称 and the task names), a row per
/// region, unit and level, the 合计 row, and the computed 各行相加 row (not read back). Reading matches rows by name
/// and columns by task name; unknown names, repeated names and unreadable cells refuse the whole file.
/// </summary>
public static class QuotaGridWorkbook
{
    public const string NameHeader = "县区名称";

    public const string SumsRowName = "各行相加";

    public const int HeaderSearchRows = 10;

    /// <summary>Limits of an upload: a grid is a few dozen rows.</summary>
    public static readonly SpreadsheetLimits Limits = new(MaxBytes: 2 * 1024 * 1024, MaxDataRows: 1_000, MaxCells: 200_000);

    public static string Title(QuotaGrid grid) => grid.RuleSet.Name + "任务安排表";

    public static void Write(QuotaGrid grid, Stream output)
    {
        using var writer = new XlsxWriter(output, leaveOpen: true);
        writer.StartSheet(new SheetSpec("任务安排表", [new ColumnSpec(NameHeader, 18) { Format = CellFormat.Text },
            .. grid.Columns.Select(c => new ColumnSpec(c.Name, 14) { Format = CellFormat.Text })])
        {
            Title = Title(grid),
        });
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            writer.WriteRow([grid.Rows[r].Name, .. Enumerable.Range(0, grid.Columns.Count).Select(c => CellValue.Text(grid.Cell(r, c).Text))]);
        }

        writer.WriteRow([SumsRowName, .. grid.Totals().Select(t => CellValue.Text(t.Text))]);
    }

    /// <summary>Reads an upload against <paramref name="grid"/> and applies it; refuses the file on any error.</summary>
    public static QuotaGridUpload Read(QuotaGrid grid, Stream upload, CancellationToken ct)
    {
        SpreadsheetFile file;
        try
        {
            file = SpreadsheetFile.Open(upload, Limits, ct);
        }
        catch (SpreadsheetRejectedException refused)
        {
            return Refused(refused.Message);
        }

        using (file)
        {
            try
            {
                return Read(grid, file.Rows().ToList());
            }
            catch (SpreadsheetRejectedException refused)
            {
                return Refused(refused.Message);
            }
        }
    }

    private static QuotaGridUpload Read(QuotaGrid grid, List<SheetRow> rows)
    {
        var header = rows.Take(HeaderSearchRows).FirstOrDefault(r => Text(r, 0) == NameHeader);
        if (header is null)
        {
            return Refused($"未找到表头行：前 {HeaderSearchRows} 行中应有一行第一列为“{NameHeader}”、其后各列为任务名称。请用下载的表格填写后上传");
        }

        var errors = new List<string>();
        var columns = new Dictionary<int, int>(); // sheet column index (0-based) → grid column
        for (var i = 1; i < header.Cells.Count; i++)
        {
            var name = Text(header, i);
            if (name.Length == 0)
            {
                continue;
            }

            var column = grid.Columns.ToList().FindIndex(c => c.Name == name);
            if (column < 0)
            {
                errors.Add($"第 {header.RowNumber} 行 {CellReference.Column(i + 1)} 列的列名“{name}”不是本规划需要分配数量的任务");
            }
            else if (columns.ContainsValue(column))
            {
                errors.Add($"第 {header.RowNumber} 行 {CellReference.Column(i + 1)} 列的列名“{name}”与前面的列重复");
            }
            else
            {
                columns[i] = column;
            }
        }

        var typed = new Dictionary<(int Row, int Column), (string Text, int SheetRow, int SheetColumn)>();
        var seen = new HashSet<int>();
        foreach (var row in rows.Where(r => r.RowNumber > header.RowNumber))
        {
            var name = Text(row, 0);
            if (name == SumsRowName || (name.Length == 0 && row.Cells.All(c => string.IsNullOrWhiteSpace(c.Text))))
            {
                continue;
            }

            var index = grid.Rows.ToList().FindIndex(r => r.Name == name);
            if (name.Length == 0)
            {
                errors.Add($"第 {row.RowNumber} 行没有填写{NameHeader}");
                continue;
            }

            if (index < 0)
            {
                errors.Add($"第 {row.RowNumber} 行的名称“{name}”不是本地区的下级地区、成员单位或合计行");
                continue;
            }

            if (!seen.Add(index))
            {
                errors.Add($"第 {row.RowNumber} 行的名称“{name}”与前面的行重复");
                continue;
            }

            foreach (var (sheetColumn, column) in columns)
            {
                typed[(index, column)] = (Text(row, sheetColumn), row.RowNumber, sheetColumn + 1);
            }
        }

        if (errors.Count > 0)
        {
            return new QuotaGridUpload(null, errors, 0);
        }

        var result = grid.Apply((row, column) =>
            typed.TryGetValue((grid.Rows.ToList().IndexOf(row), grid.Columns.ToList().IndexOf(column)), out var cell) ? cell.Text : null);
        if (!result.Succeeded)
        {
            return new QuotaGridUpload(null, result.Errors.Select(e =>
            {
                var at = typed[(e.Row, e.Column)];
                return $"第 {at.SheetRow} 行 {CellReference.Column(at.SheetColumn)} 列「{grid.Rows[e.Row].Name}」·「{grid.Columns[e.Column].Name}」：{e.Message}";
            }).ToList(), 0);
        }

        return new QuotaGridUpload(result.RuleSet, [], result.ChangedCells);
    }

    private static string Text(SheetRow row, int index) => index < row.Cells.Count ? (row.Cells[index].Text ?? "").Trim() : "";

    private static QuotaGridUpload Refused(string message) => new(null, [message], 0);
}
