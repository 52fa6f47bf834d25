using System.Globalization;
using HarmonyPortal.Core.Spreadsheets;

namespace HarmonyPortal.Web.Features.Audit.Viewer;

/// <summary>The viewer's filtered result as an .xlsx, written by the portal's own <see cref="XlsxWriter"/>.</summary>
public static class AuditWorkbook
{
    public const string SheetName = "审计日志";

    public static readonly string[] Headers = ["序号", "时间", "用户", "地区", "IP 地址", "操作", "结果", "对象类型", "对象", "详情"];

    public static byte[] Write(IReadOnlyList<AuditRow> rows, AuditFilter filter, string regionName, string reader, DateTime localNow)
    {
        using var output = new MemoryStream();
        using (var writer = new XlsxWriter(output, leaveOpen: true))
        {
            double[] widths = [6, 19, 16, 14, 16, 26, 7, 14, 20, 60];
            writer.StartSheet(new SheetSpec(SheetName, Headers.Select((h, i) => new ColumnSpec(h, widths[i])).ToList())
            {
                Title = $"{regionName}审计日志",
                Subtitle = $"筛选条件：{filter.Describe()}　导出人：{reader}　导出时间：{localNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}",
            });
            var n = 0;
            foreach (var row in rows)
            {
                writer.WriteRow([
                    CellValue.Number(++n), CellValue.Text(row.At), CellValue.Text(row.UserName), CellValue.Text(row.Region), CellValue.Text(row.IpAddress),
                    CellValue.Text(row.Action), CellValue.Text(AuditFilter.OutcomeText(row.Outcome)), CellValue.Text(row.ObjectType), CellValue.Text(row.ObjectId),
                    CellValue.Text(row.Details),
                ]);
            }
        }

        return output.ToArray();
    }
}
