using HarmonyPortal.Core.Ledgers.Fields;
using Xunit;

namespace HarmonyPortal.Core.Tests.Ledgers.Fields;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("008613812345678", "13812345678")]
    [InlineData("(+86)138 1234 5678", "13812345678")]
    [InlineData("+86-138-1234-5678", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    [InlineData("\u300013812345678\u00A0", "13812345678")]
    public void Phone_Mobile_IsAcceptedAsElevenDigits(string input, string expected)
    {
        Assert.True(PhoneNumber.TryParse(input, out var normalized, out var error), error);

        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("0730-8222222", "0730-8222222")]
    [InlineData("0730 8222222", "0730-8222222")]
    [InlineData("07308222222", "0730-8222222")]
    [InlineData("(0730)8222222", "0730-8222222")]
    [InlineData("（０７３０）８２２２２２２", "0730-8222222")]
    [InlineData("(0730) 8222222", "0730-8222222")]
    [InlineData("0730-8222222-123", "0730-8222222-123")]
    [InlineData("0730-8222222转123", "0730-8222222-123")]
    [InlineData("０７３０－８２２２２２２", "0730-8222222")]
    [InlineData("010-82222222", "010-82222222")]
    [InlineData("01082222222", "010-82222222")]
    [InlineData("0731-88888888", "0731-88888888")]
    [InlineData("073188888888", "0731-88888888")]
    public void Phone_LandlineWithAreaCode_IsAcceptedInOneForm(string input, string expected)
    {
        Assert.True(PhoneNumber.TryParse(input, out var normalized, out var error), error);

        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("12812345678")]
    [InlineData("23812345678")]
    [InlineData("1381234567a")]
    [InlineData("电话13812345678")]
    [InlineData("abc")]
    [InlineData("0201-2345678")]
    [InlineData("0730-0222222")]
    [InlineData("0730-822222")]
    [InlineData("13812345678/13912345678")]
    public void Phone_NotAMobileOrLandline_IsRefusedQuotingTheInput(string input)
    {
        Assert.False(PhoneNumber.TryParse(input, out var normalized, out var error));

        Assert.Null(normalized);
        Assert.Equal($"“{input}”不是有效的手机号或带区号的固定电话", error);
    }

    [Theory]
    [InlineData("8222222")]
    [InlineData("82222222")]
    public void Phone_LandlineWithoutAreaCode_IsRefusedAskingForIt(string input)
    {
        Assert.False(PhoneNumber.TryParse(input, out _, out var error));

        Assert.Equal($"“{input}”缺少区号，固定电话请写成“0730-8222222”的形式", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\t\u3000")]
    public void Phone_Blank_IsRequired(string? input)
    {
        Assert.False(PhoneNumber.TryParse(input, out _, out var error));

        Assert.Equal("必须填写", error);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0730-8222222", "0730-******22")]
    [InlineData("0730-82222222", "0730-******22")]
    [InlineData("010-82222222-123", "010-******22")]
    [InlineData("not a phone", "***********")]
    [InlineData("", "")]
    public void Phone_Mask_KeepsPrefixAndLastDigitsOnly(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Mask(input));
    }
}
