using System.Globalization;
using System.Text.RegularExpressions;

namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>
/// Dates as office spreadsheets really hold them: "2021-03-05", "2021/3/5", "2021.3.5", "20210305",
/// "2021年3月5日", month-only "2021年3月" / "2021.3" / "2021-3" / "202103", a time part that Excel
/// adds ("2021-03-05 00:00:00"), and Excel serial numbers read as text ("44260"). Ledger columns
/// such as 成立时间 and 任职时间 are often filled to the month only; <see cref="DatePrecision"/> keeps
/// that fact.
/// </summary>
/// <remarks>
/// Excel's 1900 date system counts a fictitious 1900-02-29 (serial 60). <see cref="TryParse"/>
/// refuses "60", since no one means that day; <see cref="FromExcelSerial"/> maps 60 to 1900-02-28,
/// as <see cref="DateTime.FromOADate"/> and LibreOffice do, so a numeric cell never throws.
/// Four digits from 1900 to 2100 are refused as a year without month rather than read as a serial
/// (2021 would be 1905-07-13), and six digits yyyyMM with a year 1900–2099 are read as a month
/// (202103 as a serial would be a day in 2453). Day-first or month-first forms (5/3/2021) are refused:
/// they are ambiguous.
/// </remarks>
public static partial class FlexibleDate
{
    /// <summary>Excel's largest serial, 9999-12-31.</summary>
    private const double MaxExcelSerial = 2958465;

    private const int EarliestYear = 1800;

    /// <summary>Excel and WPS append " 00:00:00" to dates written out as text; the time is dropped.</summary>
    private const string TimePart = @"(?<time>[ T](?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,7})?)?)?";

    private const string Advice = "请写成 2021-03-05 或 2021年3月";
    private static readonly DateOnly SerialBaseBeforeMarch1900 = new(1899, 12, 31);
    private static readonly DateOnly SerialBase = new(1899, 12, 30);

    /// <summary>
    /// Parses one cell's text (after <see cref="CellText.Normalize"/>). A month-only value gives the
    /// 1st of the month and <see cref="DatePrecision.Month"/>. <paramref name="error"/> is a Chinese
    /// reason without the field name.
    /// </summary>
    public static bool TryParse(string? input, out DateOnly date, out DatePrecision precision, out string? error)
    {
        date = default;
        precision = DatePrecision.Day;
        var text = CellText.Normalize(input);
        if (text is null)
        {
            error = FieldMessages.Required;
            return false;
        }

        var match = Separated().Match(text);
        if (!match.Success)
        {
            match = Chinese().Match(text);
        }

        if (!match.Success)
        {
            match = Compact().Match(text);
        }

        if (match.Success && !(match.Groups["time"].Success && !match.Groups["d"].Success))
        {
            return TryBuild(text, match, out date, out precision, out error);
        }

        if (NumberOnly().IsMatch(text))
        {
            return TryParseNumber(text, out date, out precision, out error);
        }

        error = YearOnly().IsMatch(text) ? $"“{text}”只有年份，{Advice}" : $"无法识别的日期“{text}”，{Advice}";
        return false;
    }

    /// <summary>
    /// The date of an Excel serial in the 1900 date system (1 = 1900-01-01, 61 = 1900-03-01); the
    /// time of day is dropped and 60, Excel's fictitious 1900-02-29, gives 1900-02-28.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1, above 2958465 (9999-12-31), or not a number.</exception>
    public static DateOnly FromExcelSerial(double serial)
    {
        if (double.IsNaN(serial) || serial < 1 || serial >= MaxExcelSerial + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), serial, "An Excel date serial lies between 1 and 2958465.");
        }

        var days = (int)Math.Floor(serial);
        return days switch
        {
            < 60 => SerialBaseBeforeMarch1900.AddDays(days),
            60 => new DateOnly(1900, 2, 28),
            _ => SerialBase.AddDays(days),
        };
    }

    private static bool TryBuild(string text, Match match, out DateOnly date, out DatePrecision precision, out string? error)
    {
        date = default;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var hasDay = match.Groups["d"].Success;
        precision = hasDay ? DatePrecision.Day : DatePrecision.Month;
        var day = hasDay ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;

        if (year < EarliestYear)
        {
            error = $"“{text}”不是有效日期（年份应不早于 {EarliestYear} 年）";
            return false;
        }

        if (month is < 1 or > 12)
        {
            error = $"“{text}”不是有效日期（月份应为 1–12）";
            return false;
        }

        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (day < 1)
        {
            error = $"“{text}”不是有效日期（日应为 1–{daysInMonth}）";
            return false;
        }

        if (day > daysInMonth)
        {
            error = $"“{text}”不是有效日期（{year}年{month}月只有 {daysInMonth} 天）";
            return false;
        }

        date = new DateOnly(year, month, day);
        error = null;
        return true;
    }

    private static bool TryParseNumber(string text, out DateOnly date, out DatePrecision precision, out string? error)
    {
        date = default;
        precision = DatePrecision.Day;

        if (YearMonthDigits().Match(text) is { Success: true } yearMonth)
        {
            return TryBuild(text, yearMonth, out date, out precision, out error);
        }

        var serial = double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (text.Length == 4 && serial is >= 1900 and <= 2100)
        {
            error = $"“{text}”只有年份，{Advice}";
            return false;
        }

        if (Math.Floor(serial) == 60)
        {
            error = $"“{text}”是 Excel 的 1900-02-29，这一天并不存在，{Advice}";
            return false;
        }

        if (serial is < 1 or >= MaxExcelSerial + 1)
        {
            error = $"无法识别的日期“{text}”，{Advice}";
            return false;
        }

        date = FromExcelSerial(serial);
        error = null;
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4}) ?(?<sep>[-/.]) ?(?<m>\d{1,2})(?: ?\k<sep> ?(?<d>\d{1,2}))?" + TimePart + "$")]
    private static partial Regex Separated();

    [GeneratedRegex(@"^(?<y>\d{4}) ?年 ?(?<m>\d{1,2}) ?月(?: ?(?<d>\d{1,2}) ?[日号]?)?" + TimePart + "$")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})" + TimePart + "$")]
    private static partial Regex Compact();

    [GeneratedRegex(@"^(?<y>19\d\d|20\d\d)(?<m>0[1-9]|1[0-2])$")]
    private static partial Regex YearMonthDigits();

    [GeneratedRegex(@"^\d{1,7}(?:\.\d+)?$")]
    private static partial Regex NumberOnly();

    [GeneratedRegex(@"^\d{4} ?年?$")]
    private static partial Regex YearOnly();
}
