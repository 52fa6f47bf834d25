using System.IO.Compression;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Spreadsheets.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Spreadsheets.Tests;

/// <summary>Memory stays flat in the number of rows: nothing per row is kept by the writer.</summary>
public class XlsxWriterMemoryTests(ITestOutputHelper output)
{
    private const int Rows = 200_000;
    private const long MaxGrowthBytes = 100L * 1024 * 1024;

    [Fact]
    public void TwoHundredThousandRowsOfTwelveColumns_GrowTheHeapByLessThan100MB()
    {
        var (growth, lastRow) = Measure(Rows);

        output.WriteLine($"{Rows:N0} rows × 12: peak managed heap growth {growth / 1024.0 / 1024.0:0.0} MB (garbage not yet collected included)");
        Assert.True(growth < MaxGrowthBytes, $"managed heap grew by {growth / 1024 / 1024} MB");
        Assert.Equal($"<row r=\"{Rows + 3}\">", lastRow);
    }

    [Fact]
    public void LiveHeap_StaysFlatWhileRowsAreWritten()
    {
        // Collected every 20,000 rows, the live heap shows what the writer keeps: nothing per row.
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var live = new List<long>();
        using (var writer = new XlsxWriter(new NonSeekableStream(Stream.Null)))
        {
            writer.StartSheet(LedgerSheet());
            var cells = new CellValue[12];
            for (var i = 1; i <= Rows; i++)
            {
                FillRow(cells, i);
                writer.WriteRow(cells);
                if (i % 20_000 == 0)
                {
                    live.Add(GC.GetTotalMemory(forceFullCollection: true) - baseline);
                }
            }
        }

        output.WriteLine("live heap over baseline every 20,000 rows (KB): " + string.Join(", ", live.Select(b => b / 1024)));
        Assert.All(live, bytes => Assert.True(bytes < 10L * 1024 * 1024, $"{bytes / 1024} KB live"));
        Assert.True(live[^1] - live[0] < 2L * 1024 * 1024, $"live heap grew from {live[0] / 1024} KB to {live[^1] / 1024} KB");
    }

    private static (long Growth, string LastRow) Measure(int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"harmony-xlsx-{Guid.NewGuid():N}.xlsx");
        try
        {
            var growth = MemoryProbe.PeakGrowth(() =>
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
                using var writer = new XlsxWriter(new NonSeekableStream(file));
                writer.StartSheet(LedgerSheet());
                var cells = new CellValue[12];
                for (var i = 1; i <= rows; i++)
                {
                    FillRow(cells, i);
                    writer.WriteRow(cells);
                }
            });
            return (growth, LastRowStart(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static SheetSpec LedgerSheet() => new("台账", [
        new ColumnSpec("序号", 8) { Format = CellFormat.Integer },
        new ColumnSpec("姓名", 10),
        new ColumnSpec("身份证号码", 22) { Format = CellFormat.Text },
        new ColumnSpec("单位", 30),
        new ColumnSpec("性别", 6) { DropDown = ["男", "女"] },
        new ColumnSpec("出生日期", 12) { Format = CellFormat.Date },
        new ColumnSpec("联系电话", 14) { Format = CellFormat.Text },
        new ColumnSpec("工资", 10),
        new ColumnSpec("参保率", 10) { Format = CellFormat.Percent },
        new ColumnSpec("地址", 36),
        new ColumnSpec("登记日期", 12) { Format = CellFormat.Date },
        new ColumnSpec("备注", 20),
    ])
    {
        Title = "劳动关系协调员情况表",
        Subtitle = "填报单位：岳阳市君山区人社局　　填报日期：2026-11-22",
    };

    internal static void FillRow(CellValue[] cells, int i)
    {
        cells[0] = CellValue.Number(i);
        cells[1] = "张三" + (i % 97).ToString(System.Globalization.CultureInfo.InvariantCulture);
        cells[2] = "43061119" + (i % 89_999_999).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
        cells[3] = "岳阳市君山区人力资源和社会保障局";
        cells[4] = i % 2 == 0 ? "男" : "女";
        cells[5] = CellValue.Date(new DateOnly(1960, 1, 1).AddDays(i % 15_000));
        cells[6] = "1380731" + (i % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        cells[7] = CellValue.Number(3500.5 + i % 1000);
        cells[8] = CellValue.Number((i % 100) / 100.0);
        cells[9] = "湖南省岳阳市君山区柳林洲街道办事处" + (i % 50).ToString(System.Globalization.CultureInfo.InvariantCulture) + "号";
        cells[10] = CellValue.Date(new DateOnly(2020, 1, 1).AddDays(i % 2_000));
        cells[11] = i % 10 == 0 ? "=SUM(A1)" : CellValue.Empty;
    }

    private static string LastRowStart(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var buffer = new char[1 << 16];
        var tail = "";
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            tail += new string(buffer, 0, read);
            tail = tail.Length > 20_000 ? tail[^20_000..] : tail;
        }

        var at = tail.LastIndexOf("<row r=\"", StringComparison.Ordinal);
        return tail[at..(tail.IndexOf('>', at) + 1)];
    }
}
