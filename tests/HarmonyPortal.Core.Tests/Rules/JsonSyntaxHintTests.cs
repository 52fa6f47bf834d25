using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

/// <summary>A rule file typed with a Chinese input method: the full-width punctuation is named where it stands, in Chinese.</summary>
public sealed class JsonSyntaxHintTests
{
    private static string ErrorOf(string json) => Assert.Single(RuleSetReader.Read(json).Errors).Message;

    [Fact]
    public void AFullWidthCommaBetweenFields_IsNamedWithItsLineAndCharacter()
    {
        const string json = "{\n  \"name\": \"岳阳\",\n  \"fromYear\": 2021，\"toYear\": 2023\n}";

        Assert.Equal("第 3 行第 19 个字符是全角逗号“，”，JSON 里须用半角逗号“,”（引号里的文字不受影响）", ErrorOf(json));
    }

    [Theory]
    [InlineData("{ \"name\"： \"x\" }", "第 1 行第 9 个字符是全角冒号“：”，JSON 里须用半角冒号“:”")]
    [InlineData("{ “name”: \"x\" }", "第 1 行第 3 个字符是中文左引号「“」，JSON 里须用半角双引号“\"”")]
    [InlineData("｛ \"name\": \"x\" ｝", "第 1 行第 1 个字符是全角左花括号“｛”")]
    [InlineData("{ \"notes\": ［\"a\"］ }", "第 1 行第 12 个字符是全角左方括号“［”")]
    public void OtherFullWidthPunctuation_IsNamedToo(string json, string expected)
    {
        Assert.StartsWith(expected, ErrorOf(json));
    }

    [Fact]
    public void FullWidthPunctuationInsideQuotesOrComments_IsNotBlamed()
    {
        const string json = "{\n  // 说明：岳阳，2021\n  \"name\": \"岳阳市，君山区：“和谐”\",\n  \"tasks\": [1, 2\n}";

        var message = ErrorOf(json);

        Assert.Equal("不是有效的 JSON：请检查第 5 行第 1 个字符附近的括号、引号和逗号", message);
    }

    [Fact]
    public void NoEnglishTextOfTheParser_ReachesTheUser()
    {
        foreach (var json in new[] { "{ \"a\": }", "{ \"a\" 1 }", "[1, 2", "{ 'a': 1 }", "{ \"a\": tru }", "{ \"a\"：1，\"b\"：2 }" })
        {
            Assert.DoesNotMatch("[A-Za-z]{3,}", ErrorOf(json).Replace("JSON", "", StringComparison.Ordinal));
        }
    }
}
