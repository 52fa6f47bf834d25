using HarmonyPortal.Core.Ledgers.Fields;
using Xunit;

namespace HarmonyPortal.Core.Tests.Ledgers.Fields;

public class FlexibleDateTests
{
    [Theory]
    [InlineData("2021-03-05")]
    [InlineData("2021/3/5")]
    [InlineData("2021/03/05")]
    [InlineData("2021.3.5")]
    [InlineData("2021.03.05")]
    [InlineData("2021-3-5")]
    [InlineData("20210305")]
    [InlineData("2021年3月5日")]
    [InlineData("2021年03月05日")]
    [InlineData("2021 年 3 月 5 日")]
    [InlineData("2021年3月5号")]
    [InlineData("２０２１－０３－０５")]
    [InlineData("2021-03-05 00:00:00")]
    [InlineData("2021/3/5 0:00")]
    [InlineData("2021-03-05T08:30:00")]
    [InlineData("20210305 00:00:00")]
    [InlineData("44260")]
    [InlineData("44260.0")]
    [InlineData("44260.75")]
    [InlineData(" 2021-03-05\u3000")]
    public void FlexibleDate_DayFormat_Gives2021_03_05(string input)
    {
        Assert.True(FlexibleDate.TryParse(input, out var date, out var precision, out var error), error);

        Assert.Equal(new DateOnly(2021, 3, 5), date);
        Assert.Equal(DatePrecision.Day, precision);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("2021年3月")]
    [InlineData("2021年03月")]
    [InlineData("2021.3")]
    [InlineData("2021.03")]
    [InlineData("2021-3")]
    [InlineData("2021/3")]
    [InlineData("202103")]
    public void FlexibleDate_MonthFormat_GivesTheFirstWithMonthPrecision(string input)
    {
        Assert.True(FlexibleDate.TryParse(input, out var date, out var precision, out var error), error);

        Assert.Equal(new DateOnly(2021, 3, 1), date);
        Assert.Equal(DatePrecision.Month, precision);
    }

    [Fact]
    public void FlexibleDate_TwoDigitMonthAfterADot_IsTheMonthNotADecimal()
    {
        Assert.True(FlexibleDate.TryParse("2021.10", out var date, out var precision, out _));

        Assert.Equal((new DateOnly(2021, 10, 1), DatePrecision.Month), (date, precision));
    }

    [Fact]
    public void FlexibleDate_LeapDay_IsAccepted()
    {
        Assert.True(FlexibleDate.TryParse("2024-02-29", out var date, out _, out _));

        Assert.Equal(new DateOnly(2024, 2, 29), date);
    }

    [Theory]
    [InlineData(1, 1900, 1, 1)]
    [InlineData(59, 1900, 2, 28)]
    [InlineData(61, 1900, 3, 1)]
    [InlineData(44260, 2021, 3, 5)]
    [InlineData(44260.999, 2021, 3, 5)]
    [InlineData(45658, 2025, 1, 1)]
    [InlineData(2958465, 9999, 12, 31)]
    public void FlexibleDate_FromExcelSerial_Uses1900DateSystem(double serial, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), FlexibleDate.FromExcelSerial(serial));
    }

    [Fact]
    public void FlexibleDate_FromExcelSerial60_IsExcelsFictitiousLeapDayMappedTo1900_02_28()
    {
        Assert.Equal(new DateOnly(1900, 2, 28), FlexibleDate.FromExcelSerial(60));
    }

    [Fact]
    public void FlexibleDate_FromExcelSerialFrom61_AgreesWithOleAutomationDates()
    {
        foreach (var serial in new[] { 61, 366, 36526, 44260, 73050 })
        {
            Assert.Equal(DateOnly.FromDateTime(DateTime.FromOADate(serial)), FlexibleDate.FromExcelSerial(serial));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(2958466)]
    [InlineData(double.NaN)]
    public void FlexibleDate_FromExcelSerialOutOfRange_Throws(double serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FlexibleDate.FromExcelSerial(serial));
    }

    [Fact]
    public void FlexibleDate_TextSerial60_IsRefusedAsADayThatNeverExisted()
    {
        Assert.False(FlexibleDate.TryParse("60", out _, out _, out var error));

        Assert.Equal("“60”是 Excel 的 1900-02-29，这一天并不存在，请写成 2021-03-05 或 2021年3月", error);
    }

    [Theory]
    [InlineData("2021-13-01", "“2021-13-01”不是有效日期（月份应为 1–12）")]
    [InlineData("2021年0月", "“2021年0月”不是有效日期（月份应为 1–12）")]
    [InlineData("20211301", "“20211301”不是有效日期（月份应为 1–12）")]
    [InlineData("2021-02-30", "“2021-02-30”不是有效日期（2021年2月只有 28 天）")]
    [InlineData("2023-02-29", "“2023-02-29”不是有效日期（2023年2月只有 28 天）")]
    [InlineData("2021-04-31", "“2021-04-31”不是有效日期（2021年4月只有 30 天）")]
    [InlineData("2021-03-00", "“2021-03-00”不是有效日期（日应为 1–31）")]
    [InlineData("1021-03-05", "“1021-03-05”不是有效日期（年份应不早于 1800 年）")]
    [InlineData("去年三月", "无法识别的日期“去年三月”，请写成 2021-03-05 或 2021年3月")]
    [InlineData("3/5/2021", "无法识别的日期“3/5/2021”，请写成 2021-03-05 或 2021年3月")]
    [InlineData("2021-03/05", "无法识别的日期“2021-03/05”，请写成 2021-03-05 或 2021年3月")]
    [InlineData("2021-03-05 25:00", "无法识别的日期“2021-03-05 25:00”，请写成 2021-03-05 或 2021年3月")]
    [InlineData("2021-3 00:00:00", "无法识别的日期“2021-3 00:00:00”，请写成 2021-03-05 或 2021年3月")]
    [InlineData("0", "无法识别的日期“0”，请写成 2021-03-05 或 2021年3月")]
    [InlineData("2958466", "无法识别的日期“2958466”，请写成 2021-03-05 或 2021年3月")]
    [InlineData("2021", "“2021”只有年份，请写成 2021-03-05 或 2021年3月")]
    [InlineData("2021年", "“2021年”只有年份，请写成 2021-03-05 或 2021年3月")]
    [InlineData("", "必须填写")]
    [InlineData(" \u3000", "必须填写")]
    [InlineData(null, "必须填写")]
    public void FlexibleDate_NotADate_IsRefusedWithTheReason(string? input, string expected)
    {
        Assert.False(FlexibleDate.TryParse(input, out var date, out _, out var error));

        Assert.Equal(default, date);
        Assert.Equal(expected, error);
    }
}
