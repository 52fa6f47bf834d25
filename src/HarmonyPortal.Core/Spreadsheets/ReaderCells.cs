using System.Globalization;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>Turns the values ExcelDataReader returns into <see cref="SheetCell"/>s, with the text rules of <see cref="SheetCell.Text"/>.</summary>
internal static class ReaderCells
{
    /// <summary>Below this, an integral double prints exactly without exponent; from here on Excel has lost digits.</summary>
    private const double ExactIntegerLimit = 1e15;

    public static SheetCell FromValue(object? value) => value switch
    {
        null => default,
        string text => new SheetCell(text.Length == 0 ? null : text, false, null, null),
        double number => Number(number),
        float number => Number(number),
        int number => Number(number),
        long number => Number(number),
        decimal number => Number((double)number),
        DateTime date => new SheetCell(FormatDate(date), false, null, date),
        DateTimeOffset date => new SheetCell(FormatDate(date.DateTime), false, null, date.DateTime),
        bool flag => new SheetCell(flag ? "TRUE" : "FALSE", false, null, null),
        TimeSpan time => new SheetCell(time.ToString("c", CultureInfo.InvariantCulture), false, null, null),
        _ => new SheetCell(Convert.ToString(value, CultureInfo.InvariantCulture), false, null, null),
    };

    public static string FormatNumber(double number)
    {
        if (number == Math.Floor(number) && Math.Abs(number) < ExactIntegerLimit)
        {
            return ((long)number).ToString(CultureInfo.InvariantCulture);
        }

        return number == Math.Floor(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : number.ToString("G15", CultureInfo.InvariantCulture);
    }

    private static SheetCell Number(double number) => new(FormatNumber(number), true, number, null);

    private static string FormatDate(DateTime date) =>
        date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
