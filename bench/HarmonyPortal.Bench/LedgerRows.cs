using System.Globalization;
using HarmonyPortal.Core.Spreadsheets;

namespace HarmonyPortal.Bench;

/// <summary>The benchmark's 12-column ledger row: numbers, Chinese text, ID-like text, dates, a percentage, an empty cell.</summary>
internal static class LedgerRows
{
    public const int Columns = 12;

    private static readonly int EpochDay = new DateOnly(1899, 12, 30).DayNumber;

    public static SheetSpec Spec() => new("台账", [
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

    public static string Name(int i) => "张三" + (i % 97).ToString(CultureInfo.InvariantCulture);

    public static string Id(int i) => "43061119" + (i % 89_999_999).ToString("D10", CultureInfo.InvariantCulture);

    public const string Unit = "岳阳市君山区人力资源和社会保障局";

    public static string Gender(int i) => i % 2 == 0 ? "男" : "女";

    public static DateOnly Birth(int i) => new DateOnly(1960, 1, 1).AddDays(i % 15_000);

    public static string Phone(int i) => "1380731" + (i % 10_000).ToString("D4", CultureInfo.InvariantCulture);

    public static double Salary(int i) => 3500.5 + i % 1000;

    public static double Rate(int i) => (i % 100) / 100.0;

    public static string Address(int i) => "湖南省岳阳市君山区柳林洲街道办事处" + (i % 50).ToString(CultureInfo.InvariantCulture) + "号";

    public static DateOnly Registered(int i) => new DateOnly(2020, 1, 1).AddDays(i % 2_000);

    public static string? Note(int i) => i % 10 == 0 ? "=SUM(A1)" : null;

    public static void Fill(CellValue[] cells, int i)
    {
        cells[0] = CellValue.Number(i);
        cells[1] = Name(i);
        cells[2] = Id(i);
        cells[3] = Unit;
        cells[4] = Gender(i);
        cells[5] = CellValue.Date(Birth(i));
        cells[6] = Phone(i);
        cells[7] = CellValue.Number(Salary(i));
        cells[8] = CellValue.Number(Rate(i));
        cells[9] = Address(i);
        cells[10] = CellValue.Date(Registered(i));
        cells[11] = Note(i);
    }

    public static double Serial(DateOnly date) => date.DayNumber - EpochDay;
}
