using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Fields;
using Xunit;

namespace HarmonyPortal.Core.Tests.Ledgers.Fields;

/// <summary>Second outside probe: look-alike identity text (zero-width, bidirectional, filler characters) compares equal.</summary>
public class CellTextInvisibleTests
{
    [Theory]
    [InlineData("李\u200B红", "李红")] // zero-width space
    [InlineData("李\u200C\u200D红", "李红")] // zero-width non-joiner and joiner
    [InlineData("\u202E红李\u202C", "红李")] // right-to-left override, pop
    [InlineData("\u2066李红\u2069", "李红")] // isolates
    [InlineData("\u200E李\u200F红\u061C", "李红")] // directional marks
    [InlineData("李\u2060红\u00AD", "李红")] // word joiner, soft hyphen
    [InlineData("李\uFE0F红\u034F", "李红")] // variation selector, combining grapheme joiner
    [InlineData("李\u3164红", "李红")] // Hangul filler
    [InlineData("李\u0007红", "李红")] // a control character
    [InlineData("\uF90A星", "\u91D1星")] // a compatibility ideograph becomes its unified form
    [InlineData("李\U000E0041红", "李红")] // a tag character (outside the BMP)
    public void InvisibleCharacters_AreRemoved(string input, string expected) =>
        Assert.Equal(expected, CellText.WithoutInvisible(input));

    [Fact]
    public void LineBreaksTabsAndVisibleText_Stay() =>
        Assert.Equal("第一行\r\n\t第二行（全角）😀", CellText.WithoutInvisible("第一行\r\n\t第二行（全角）😀"));

    [Fact]
    public void AnIdNumberWithInvisibleCharacters_ParsesToTheSameNumber()
    {
        var today = new DateOnly(2026, 12, 1);
        Assert.True(IdNumber.TryParse("\u202A110105\u200D19491231\u2060002X\u202C", today, out var info, out var error), error);
        Assert.Equal("11010519491231002X", info.Normalized);
    }

    [Fact]
    public void ACreditCodeWithInvisibleCharacters_ParsesToTheSameCode()
    {
        Assert.True(CreditCode.TryParse("91350100M000100Y43", out var plain, out _));
        Assert.True(CreditCode.TryParse("\u200B9135\u20630100M000100Y43\uFEFF", out var spaced, out var error), error);
        Assert.Equal(plain, spaced);
    }

    [Fact]
    public void ANameField_IsStoredWithoutInvisibleCharacters()
    {
        var name = new CoordinatorLedger().Fields.First(f => f.Key == "Name");
        Assert.True(FieldValues.TryParse(name, " 李\u200B红\u202E ", new DateOnly(2026, 12, 1), out var value, out var error), error);
        Assert.Equal("李红", value);
    }
}

/// <summary>Ordinary Chinese cells skip the character-by-character cleaning (issue 21); they must come out as the full cleaning gives them.</summary>
public class CellTextPlainTests
{
    /// <summary>Every character of the ranges that skip the cleaning is visible and already composed: kept as typed, alone and between ideographs.</summary>
    [Theory]
    [InlineData(0x4E00, 0x9FFF)] // CJK Unified Ideographs
    [InlineData(0x3400, 0x4DBF)] // Extension A
    [InlineData(0x3000, 0x3029)] // CJK punctuation: 、。〈〉《》「」【】〔〕
    [InlineData(0x2010, 0x2027)] // dashes, quotes, ellipsis
    [InlineData(0xFF01, 0xFF5E)] // full-width forms (（），：)
    public void VisibleComposedCharacters_AreKeptAsTyped(int first, int last)
    {
        for (var c = first; c <= last; c++)
        {
            var text = "李" + (char)c + "红";
            Assert.Equal(text, CellText.WithoutInvisible(text));
            Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC), $"U+{c:X4}");
            Assert.NotEqual(System.Globalization.UnicodeCategory.Format, char.GetUnicodeCategory((char)c));
        }
    }

    [Theory]
    [InlineData("岳阳市第一人民医院（南院）", "岳阳市第一人民医院（南院）")]
    [InlineData("岳阳市\u200B第一人民医院", "岳阳市第一人民医院")] // one invisible character among ordinary ones
    [InlineData("金\uF90A", "金\u91D1")] // a compatibility ideograph after ordinary ones is still composed
    [InlineData("王 芳\u3000", "王 芳\u3000")]
    public void OrdinaryAndMixedCells_AreCleanedAsBefore(string input, string expected) =>
        Assert.Equal(expected, CellText.WithoutInvisible(input));
}
