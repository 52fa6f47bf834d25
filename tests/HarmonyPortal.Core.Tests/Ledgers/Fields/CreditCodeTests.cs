using HarmonyPortal.Core.Ledgers.Fields;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Core.Tests.Ledgers.Fields;

public class CreditCodeTests(ITestOutputHelper output)
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>
    /// Reference check written for this test from GB 32100-2015: the weights are 3^i mod 31
    /// (computed here, not copied from the production table), check = 31 − (Σ mod 31), 31 → 0.
    /// </summary>
    private static char ReferenceCheck(string first17)
    {
        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            sum += Alphabet.IndexOf(c, StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        return Alphabet[(31 - sum % 31) % 31];
    }

    private static string WithReferenceCheck(string first17) => first17 + ReferenceCheck(first17);

    /// <summary>A published real code, then codes of every registration authority kind completed by the reference.</summary>
    public static readonly string[] ValidCodes =
    [
        "91350100M000100Y43",
        WithReferenceCheck("91430600MA4L1234X"),
        WithReferenceCheck("52430602MJJ08765X"),
        WithReferenceCheck("12360700MB1234567"),
        WithReferenceCheck("Y1130200MA0C5L7Q9"),
        WithReferenceCheck("N2140900MA0K3R2T4"),
        WithReferenceCheck("81430600MC0000001"),
        WithReferenceCheck("A1110000MD0000002"),
    ];

    public static TheoryData<string> ValidCodeData() => [.. ValidCodes];

    [Theory]
    [MemberData(nameof(ValidCodeData))]
    public void CreditCode_ReferenceVector_IsAccepted(string code)
    {
        Assert.True(CreditCode.TryParse(code, out var normalized, out var error), error);

        Assert.Equal(code, normalized);
        Assert.Equal(code[17], CreditCode.CheckCharacter(code.AsSpan(0, 17)));
    }

    [Fact]
    public void CreditCode_EverySingleCharacterSubstitution_IsRefused()
    {
        var total = 0;
        var accepted = new List<string>();
        foreach (var code in ValidCodes)
        {
            for (var position = 0; position < 18; position++)
            {
                foreach (var replacement in Alphabet.Where(c => c != code[position]))
                {
                    var variant = string.Concat(code.AsSpan(0, position), replacement.ToString(), code.AsSpan(position + 1));
                    total++;
                    if (CreditCode.TryParse(variant, out _, out _))
                    {
                        accepted.Add(variant);
                    }
                }
            }
        }

        output.WriteLine($"refused {total - accepted.Count} of {total} single-character variants");
        Assert.True(accepted.Count == 0, $"refused {total - accepted.Count} of {total} single-character variants; accepted: {string.Join(", ", accepted)}");
        Assert.Equal(ValidCodes.Length * 18 * 30, total);
    }

    [Fact]
    public void CreditCode_WithWrongCheckCharacter_IsRefusedNamingTheExpectedOne()
    {
        Assert.False(CreditCode.TryParse("91350100M000100Y4Y", out var normalized, out var error));

        Assert.Null(normalized);
        Assert.Equal("校验位应为 3，实际为 Y", error);
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void CreditCode_WithALetterTheStandardLeavesOut_IsRefusedNamingThePosition(char letter)
    {
        var code = "91350100M000100Y43".ToCharArray();
        code[4] = letter;

        Assert.False(CreditCode.TryParse(new string(code), out _, out var error));

        Assert.Equal($"第 5 位“{letter}”不是允许的字符", error);
    }

    [Theory]
    [InlineData("B")]
    [InlineData("C")]
    [InlineData("0")]
    public void CreditCode_WithUnknownRegistrationAuthority_IsRefused(string authority)
    {
        var code = WithReferenceCheck(authority + "1350100M000100Y4");

        Assert.False(CreditCode.TryParse(code, out _, out var error));

        Assert.Equal($"第 1 位“{authority}”不是有效的登记管理部门代码", error);
    }

    [Theory]
    [InlineData("91350100m000100y43")]
    [InlineData(" 91350100M000100Y43\u3000")]
    [InlineData("９１３５０１００Ｍ０００１００Ｙ４３")]
    [InlineData("9135 0100 M000 100Y 43")]
    public void CreditCode_LowerCaseFullWidthOrSpaced_IsNormalized(string input)
    {
        Assert.True(CreditCode.TryParse(input, out var normalized, out var error), error);

        Assert.Equal("91350100M000100Y43", normalized);
    }

    [Theory]
    [InlineData(null, "必须填写")]
    [InlineData("  ", "必须填写")]
    [InlineData("91350100M000100Y", "应为 18 位，实际 16 位")]
    [InlineData("91350100M000100Y431", "应为 18 位，实际 19 位")]
    [InlineData("91350100M0001-0Y43", "第 14 位“-”不是允许的字符")]
    public void CreditCode_Malformed_IsRefusedWithTheReason(string? input, string expected)
    {
        Assert.False(CreditCode.TryParse(input, out _, out var error));

        Assert.Equal(expected, error);
    }
}
