using HarmonyPortal.Core.Rules.Editing;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules.Editing;

public sealed class QuotaGridCellTextTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("3", "3")]
    [InlineData("1/年", "1/年")]
    [InlineData("3 (1/年)", "3 (1/年)")]
    [InlineData("75(25/年)", "75 (25/年)")]
    [InlineData("10左右/年", "10左右/年")]
    [InlineData("≤2/年", "≤2/年")]
    [InlineData("<=2/年", "≤2/年")]
    [InlineData("1-3/年", "1-3/年")]
    [InlineData("1～3/年", "1-3/年")]
    [InlineData("1至3/年", "1-3/年")]
    [InlineData("80%", "80%")]
    [InlineData("80%以上", "80%")]
    [InlineData("10以上", "10")]
    [InlineData("≥10", "10")]
    [InlineData("每年1", "1/年")]
    [InlineData("３（１／年）", "3 (1/年)")]
    [InlineData("８０％", "80%")]
    [InlineData("　30左右　", "30左右")]
    [InlineData("10左右 (1-3/年)", "10左右 (1-3/年)")]
    public void TypedText_ReadsAsItsCanonicalText_AndTheCanonicalTextIsStable(string typed, string canonical)
    {
        var parsed = QuotaGridCellText.Parse(typed);

        Assert.Null(parsed.Error);
        Assert.Equal(canonical, QuotaGridCellText.Format(parsed.Value!));
        Assert.Equal(parsed.Value, QuotaGridCellText.Parse(canonical).Value);
        Assert.Equal(canonical, QuotaGridCellText.Canonical(canonical));
    }

    [Fact]
    public void TheAmounts_AreWhatTheTextSays()
    {
        var both = QuotaGridCellText.Parse("3 (1/年)").Value!;
        Assert.Equal(new QuotaAmount(3, null, null, false), both.Period);
        Assert.Equal(new QuotaAmount(1, null, null, false), both.Year);
        Assert.Equal(new QuotaCellValue(null, new QuotaAmount(10, null, null, true)), QuotaGridCellText.Parse("10左右/年").Value);
        Assert.Equal(new QuotaCellValue(null, new QuotaAmount(null, 2, null, false)), QuotaGridCellText.Parse("≤2/年").Value);
        Assert.Equal(new QuotaCellValue(new QuotaAmount(null, null, 0.8m, false), null), QuotaGridCellText.Parse("80%").Value);
        Assert.True(QuotaGridCellText.Parse("").Value!.IsEmpty);
    }

    [Theory]
    [InlineData("3（1/年", "“3（1/年”缺少右括号")]
    [InlineData("3 1/年)", "“3 1/年)”缺少左括号")]
    [InlineData("5-3/年", "最少 5 大于最多 3")]
    [InlineData("(1/年)", "“(1/年)”括号前缺少整个规划期的数，如 3 (1/年)")]
    [InlineData("3 (1)", "“3 (1)”括号外应是整个规划期的数、括号里应是每年的数，如 3 (1/年)")]
    [InlineData("1/年 (3)", "“1/年 (3)”括号外应是整个规划期的数、括号里应是每年的数，如 3 (1/年)")]
    [InlineData("3 (1/年) 户", "“3 (1/年) 户”右括号后不能再有内容")]
    [InlineData("1.5", "“1.5”中的数量须为整数")]
    [InlineData("120%", "“120%”的比例不能超过 100%")]
    [InlineData("200000", "“200000”中的数量不能超过 100000")]
    [InlineData("三", "无法识别“三”，可填写如 3、1/年、3 (1/年)、10左右/年、≤2/年、1-3/年、80%")]
    [InlineData("≤80%", "无法识别“≤80%”，可填写如 3、1/年、3 (1/年)、10左右/年、≤2/年、1-3/年、80%")]
    public void BadText_IsRefused_SayingWhy(string typed, string message)
    {
        var parsed = QuotaGridCellText.Parse(typed);

        Assert.Null(parsed.Value);
        Assert.Equal(message, parsed.Error);
    }
}
