using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Web.Features.Dashboard;

namespace HarmonyPortal.Web.Features.YearEnd;

/// <summary>
/// The year-end sheet 材料与指标: every material a region of the subtree sent upward for a task of the year (drafts
/// left out), a line 未提交 for a task with nothing sent, and each indicator's latest figure against its target; with
/// when it was sent, its status, 按时 or 逾期 N 天, and who reviewed it. Read from <see cref="MaterialsRollup"/>, as the
/// dashboard's card is.
/// </summary>
public static class YearEndMaterialsSheet
{
    public const string SheetName = "材料与指标";

    public static void Write(XlsxWriter writer, IReadOnlyList<OwedItem> items, YearEndRegions regions, int year, string office, TimeZoneInfo zone)
    {
        writer.StartSheet(new SheetSpec(SheetName, [
            new ColumnSpec("序号", 6), .. regions.Columns, new ColumnSpec("报送单位", 16), new ColumnSpec("任务", 30), new ColumnSpec("类型", 12),
            new ColumnSpec("标题／数值对照目标", 44), new ColumnSpec("报送时间", 17), new ColumnSpec("状态", 9), new ColumnSpec("及时性", 16), new ColumnSpec("审核人", 12),
        ])
        {
            Title = $"{regions.Own.Name} {year} 年度材料与指标报送情况",
            Subtitle = office,
        });
        var names = regions.Regions.ToDictionary(r => r.Id, r => r.Name);
        var cells = new List<CellValue>();
        var serial = 0;
        void Row(OwedItem item, string? title, DateTime? sentUtc, ReviewStatus? status, int daysLate, string? reviewer)
        {
            cells.Clear();
            cells.Add(CellValue.Number(++serial));
            regions.AddCells(cells, item.Region.Id);
            cells.Add(CellValue.Text(names.GetValueOrDefault(item.Region.Id, item.Region.Name)));
            cells.Add(CellValue.Text(item.Expected.Task.Name));
            cells.Add(CellValue.Text(item.KindName));
            cells.Add(CellValue.Text(title));
            cells.Add(CellValue.Text(sentUtc is { } at ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null));
            cells.Add(CellValue.Text(ReviewStatusTexts.Name(status)));
            cells.Add(CellValue.Text(sentUtc is null ? item.Expected.Due is { } due ? $"期限 {due:yyyy-MM-dd}" : null : ReviewStatusTexts.Timeliness(sentUtc, daysLate)));
            cells.Add(CellValue.Text(reviewer));
            writer.WriteRow(cells);
        }

        foreach (var item in items.Where(i => names.ContainsKey(i.Region.Id)))
        {
            if (item.Kind == TaskKind.Indicator)
            {
                Row(item, item.Figure, item.Latest?.ReportedAtUtc, item.Latest?.Status, item.Latest?.DaysLate ?? 0, item.Latest?.ReviewedBy);
            }
            else if (item.Materials.Count == 0)
            {
                Row(item, null, null, null, 0, null);
            }
            else
            {
                foreach (var m in item.Materials)
                {
                    Row(item, m.Title, m.SubmittedAtUtc, m.Status, m.DaysLate, m.ReviewedBy);
                }
            }
        }

        if (serial == 0)
        {
            writer.WriteRow([CellValue.Empty, CellValue.Text($"{regions.Own.Name} {year} 年度没有应报送的材料或指标")]);
        }
    }
}
