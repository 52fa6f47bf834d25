using HarmonyPortal.Core.Ledgers.Fields;
using Xunit;

namespace HarmonyPortal.Core.Tests.Ledgers.Fields;

public class CellTextTests
{
    [Theory]
    [InlineData("\u3000张三\u3000", "张三")]
    [InlineData("\u00A0张三\u00A0", "张三")]
    [InlineData("\t张三\r\n", "张三")]
    [InlineData("岳阳市 \u3000\t 岳阳楼区", "岳阳市 岳阳楼区")]
    [InlineData("第一行\r\n第二行", "第一行 第二行")]
    [InlineData("ＡＢＣａｂｃ１２３", "ABCabc123")]
    [InlineData("（岳阳）：１，２；！～", "(岳阳):1,2;!~")]
    [InlineData("\u200B张三\uFEFF", "张三")]
    [InlineData("张三", "张三")]
    public void CellText_Normalize_TrimsConvertsAndCollapses(string input, string expected)
    {
        Assert.Equal(expected, CellText.Normalize(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\u3000\u00A0\t\r\n")]
    [InlineData("\u200B")]
    public void CellText_Normalize_GivesNullForNothing(string? input)
    {
        Assert.Null(CellText.Normalize(input));
    }

    [Fact]
    public void CellText_Normalize_LeavesCharactersOutsideTheFullWidthAsciiBlockAlone()
    {
        Assert.Equal("《劳动法》、“调解”。", CellText.Normalize("《劳动法》、“调解”。"));
    }
}
