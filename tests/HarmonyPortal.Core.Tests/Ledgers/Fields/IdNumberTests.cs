using System.Globalization;
using HarmonyPortal.Core.Ledgers.Fields;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Core.Tests.Ledgers.Fields;

public class IdNumberTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    /// <summary>
    /// Reference MOD 11-2 written from GB 11643-1999 for this test alone, so that a mistake in the
    /// production table cannot hide by being repeated here.
    /// </summary>
    private static char ReferenceCheck(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * weights[i];
        }

        return "10X98765432"[sum % 11];
    }

    private static string WithReferenceCheck(string first17) => first17 + ReferenceCheck(first17);

    /// <summary>The standard's two examples, then numbers completed by the reference check.</summary>
    public static readonly string[] ValidNumbers =
    [
        "11010519491231002X",
        "440524188001010014",
        WithReferenceCheck("43060219850715321"),
        WithReferenceCheck("36070220000229046"),
        WithReferenceCheck("14090219621001175"),
        WithReferenceCheck("13020320240229002"),
        WithReferenceCheck("43068219700101010"),
        WithReferenceCheck("36072119581120052"),
    ];

    public static TheoryData<string> ValidNumberData() => [.. ValidNumbers];

    [Fact]
    public void IdNumber_StandardExample_IsAFemaleBornOn1949_12_31InRegion110105()
    {
        Assert.True(IdNumber.TryParse("11010519491231002X", Today, out var info, out var error), error);

        Assert.Equal(new IdNumberInfo("11010519491231002X", new DateOnly(1949, 12, 31), Gender.Female, "110105"), info);
    }

    [Fact]
    public void IdNumber_BornIn1880_IsAcceptedAsTheStandardAllowsBirthsSince1800()
    {
        Assert.True(IdNumber.TryParse("440524188001010014", Today, out var info, out var error), error);

        Assert.Equal(Gender.Male, info.Gender);
        Assert.Equal(new DateOnly(1880, 1, 1), info.BirthDate);
        Assert.Equal("440524", info.RegionCode);
    }

    [Fact]
    public void IdNumber_BornBefore1800_IsRefused()
    {
        Assert.False(IdNumber.TryParse(WithReferenceCheck("11010517991231002"), Today, out _, out var error));

        Assert.Equal("出生日期 17991231 早于 1800 年", error);
    }

    [Theory]
    [MemberData(nameof(ValidNumberData))]
    public void IdNumber_ReferenceVector_IsAcceptedWithGenderFromThe17thDigit(string number)
    {
        Assert.True(IdNumber.TryParse(number, Today, out var info, out var error), error);

        Assert.Equal(number, info.Normalized);
        Assert.Equal((number[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female, info.Gender);
        Assert.Equal(DateOnly.ParseExact(number[6..14], "yyyyMMdd", CultureInfo.InvariantCulture), info.BirthDate);
        Assert.Equal(number[..6], info.RegionCode);
    }

    [Fact]
    public void IdNumber_CheckCharacter_AgreesWithTheReferenceForEveryVector()
    {
        foreach (var number in ValidNumbers)
        {
            Assert.Equal(number[17], IdNumber.CheckCharacter(number.AsSpan(0, 17)));
        }
    }

    [Fact]
    public void IdNumber_EverySingleCharacterSubstitution_IsRefused()
    {
        var total = 0;
        var refused = 0;
        var refusedByCheck = 0;
        var accepted = new List<string>();
        foreach (var number in ValidNumbers)
        {
            for (var position = 0; position < 18; position++)
            {
                var alphabet = position == 17 ? "0123456789X" : "0123456789";
                foreach (var replacement in alphabet.Where(c => c != number[position]))
                {
                    var variant = string.Concat(number.AsSpan(0, position), replacement.ToString(), number.AsSpan(position + 1));
                    total++;
                    if (IdNumber.TryParse(variant, Today, out _, out var error))
                    {
                        accepted.Add(variant);
                        continue;
                    }

                    refused++;
                    if (ReferenceBirthDateIsPlausible(variant))
                    {
                        Assert.Equal($"校验位应为 {ReferenceCheck(variant[..17])}，实际为 {variant[17]}", error);
                        refusedByCheck++;
                    }
                }
            }
        }

        output.WriteLine($"refused {refused} of {total} single-character variants ({refusedByCheck} by the check character)");
        Assert.True(accepted.Count == 0, $"refused {refused} of {total} single-character variants; accepted: {string.Join(", ", accepted)}");
        Assert.Equal(ValidNumbers.Length * (17 * 9 + 10), total);
        Assert.True(refusedByCheck > total / 2, $"{refusedByCheck} of {total} were refused by the check character, the rest by the birth date");
    }

    private static bool ReferenceBirthDateIsPlausible(string number) =>
        DateOnly.TryParseExact(number[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
        && birth.Year >= 1800 && birth <= Today;

    [Fact]
    public void IdNumber_WithWrongCheckDigit_IsRefusedNamingTheExpectedDigit()
    {
        Assert.False(IdNumber.TryParse("110105194912310023", Today, out var info, out var error));

        Assert.Null(info);
        Assert.Equal("校验位应为 X，实际为 3", error);
    }

    [Theory]
    [InlineData("19490230")]
    [InlineData("20230229")]
    [InlineData("19491331")]
    [InlineData("19490000")]
    [InlineData("19490100")]
    public void IdNumber_WithImpossibleBirthDate_IsRefusedNamingTheDate(string birth)
    {
        var number = WithReferenceCheck("110105" + birth + "002");

        Assert.False(IdNumber.TryParse(number, Today, out _, out var error));

        Assert.Equal($"出生日期 {birth} 不是有效日期", error);
    }

    [Theory]
    [InlineData("20261123")]
    [InlineData("20990101")]
    public void IdNumber_BornAfterToday_IsRefused(string birth)
    {
        Assert.False(IdNumber.TryParse(WithReferenceCheck("110105" + birth + "002"), Today, out _, out var error));

        Assert.Equal($"出生日期 {birth} 晚于今天", error);
    }

    [Theory]
    [InlineData("20240229")]
    [InlineData("20261122")]
    public void IdNumber_BornOnALeapDayOrToday_IsAccepted(string birth)
    {
        Assert.True(IdNumber.TryParse(WithReferenceCheck("110105" + birth + "002"), Today, out var info, out var error), error);

        Assert.Equal(DateOnly.ParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture), info.BirthDate);
    }

    [Theory]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    [InlineData("１１０１０５１９４９１２３１００２ｘ")]
    [InlineData("11010519491231002x")]
    [InlineData("  11010519491231002X\t")]
    [InlineData("\u300011010519491231002X\u00A0")]
    [InlineData("110105 19491231 002X")]
    public void IdNumber_WithFullWidthLowerCaseOrSpaces_IsNormalized(string input)
    {
        Assert.True(IdNumber.TryParse(input, Today, out var info, out var error), error);

        Assert.Equal("11010519491231002X", info.Normalized);
    }

    [Theory]
    [InlineData(null, "必须填写")]
    [InlineData("", "必须填写")]
    [InlineData(" \u3000 ", "必须填写")]
    [InlineData("11010519491231002", "应为 18 位，实际 17 位")]
    [InlineData("1101051949123100231", "应为 18 位，实际 19 位")]
    [InlineData("11010519491231X02X", "前 17 位只能是数字")]
    [InlineData("1101051949123100a2", "前 17 位只能是数字")]
    [InlineData("11010519491231002Y", "第 18 位只能是数字或 X")]
    public void IdNumber_Malformed_IsRefusedWithTheReason(string? input, string expected)
    {
        Assert.False(IdNumber.TryParse(input, Today, out var info, out var error));

        Assert.Null(info);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("440524188001010014", "440524********0014")]
    [InlineData("1101051949", "**********")]
    [InlineData("11010519491231002", "*****************")]
    [InlineData("", "")]
    public void IdNumber_Mask_KeepsRegionAndLastFourOnlyForFullNumbers(string input, string expected)
    {
        Assert.Equal(expected, IdNumber.Mask(input));
    }

    [Theory]
    [InlineData("1.10105194912310E+17", false, true)]
    [InlineData("1.10105E+17", false, true)]
    [InlineData("1.10105e+17", true, true)]
    [InlineData("110105194912310000", true, true)]
    [InlineData("110105194912310000", false, false)]
    [InlineData("11010519491231002", true, true)]
    [InlineData("1101051949123100", true, true)]
    [InlineData("11010519491231002", false, false)]
    [InlineData("440524188001010014", true, false)]
    [InlineData("11010519491231002X", false, false)]
    [InlineData("", true, false)]
    [InlineData(null, true, false)]
    public void IdNumber_LooksLikeLostPrecision_SpotsExcelNumbers(string? input, bool fromNumericCell, bool expected)
    {
        Assert.Equal(expected, IdNumber.LooksLikeLostPrecision(input, fromNumericCell));
    }

    [Fact]
    public void IdNumber_LostPrecisionValueFromATextCell_IsJustAWrongCheckDigit()
    {
        Assert.False(IdNumber.TryParse("110105194912310000", Today, out _, out var error));

        Assert.Equal("校验位应为 3，实际为 0", error);
    }
}
