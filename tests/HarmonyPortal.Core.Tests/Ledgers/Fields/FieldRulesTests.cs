using FluentValidation;
using HarmonyPortal.Core.Ledgers.Fields;
using Xunit;

namespace HarmonyPortal.Core.Tests.Ledgers.Fields;

public class FieldRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private sealed class PersonRow
    {
        public string? IdNumber { get; init; }
        public Gender? Gender { get; init; }
        public string? Phone { get; init; }
        public string? CreditCode { get; init; }
        public DateOnly? AppointedOn { get; init; }
    }

    private sealed class PersonRowValidator : AbstractValidator<PersonRow>
    {
        public PersonRowValidator()
        {
            RuleFor(x => x.IdNumber).ValidIdNumber(() => Today).WithName("身份证号码");
            RuleFor(x => x.Gender).MatchesIdNumber(x => x.IdNumber, () => Today).WithName("性别");
            RuleFor(x => x.Phone).ValidPhone().WithName("联系电话");
            RuleFor(x => x.CreditCode).ValidCreditCode().WithName("统一社会信用代码");
            RuleFor(x => x.AppointedOn).NotInFuture(() => Today).WithName("任职协调员时间");
        }
    }

    /// <summary>As a ledger validator writes it: requiredness first, the name set before the field rule.</summary>
    private sealed class RequiredIdValidator : AbstractValidator<PersonRow>
    {
        public RequiredIdValidator()
        {
            RuleFor(x => x.IdNumber).NotEmpty().WithMessage("身份证号码：必须填写。").WithName("身份证号码")
                .ValidIdNumber(() => Today);
        }
    }

    private static string[] Messages(PersonRow row) =>
        [.. new PersonRowValidator().Validate(row).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void FieldRules_IdNumberWithWrongCheckDigit_SaysFieldColonReason()
    {
        var result = new PersonRowValidator().Validate(new PersonRow { IdNumber = "110105194912310023" });

        var failure = Assert.Single(result.Errors);
        Assert.Equal("身份证号码：校验位应为 X，实际为 3", failure.ErrorMessage);
        Assert.Equal(nameof(PersonRow.IdNumber), failure.PropertyName);
    }

    [Fact]
    public void FieldRules_ValidRow_HasNoErrors()
    {
        var row = new PersonRow
        {
            IdNumber = "11010519491231002x",
            Gender = Gender.Female,
            Phone = "0730-8222222",
            CreditCode = "91350100m000100y43",
            AppointedOn = Today,
        };

        Assert.Empty(Messages(row));
    }

    [Fact]
    public void FieldRules_BlankValues_AreLeftToTheRequiredRules()
    {
        Assert.Empty(Messages(new PersonRow()));
        Assert.Empty(Messages(new PersonRow { IdNumber = " ", Phone = "", CreditCode = "\u3000", Gender = Gender.Male }));
    }

    [Fact]
    public void FieldRules_RequiredIdNumberMissing_ReportsOnlyTheRequiredMessage()
    {
        var result = new RequiredIdValidator().Validate(new PersonRow());

        Assert.Equal(["身份证号码：必须填写。"], result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void FieldRules_NameGivenBeforeTheFieldRule_IsUsedInItsMessage()
    {
        var result = new RequiredIdValidator().Validate(new PersonRow { IdNumber = "11010519491231002" });

        Assert.Equal(["身份证号码：应为 18 位，实际 17 位"], result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void FieldRules_GenderDifferentFromIdNumber_IsRefusedSayingWhatTheNumberShows()
    {
        Assert.Equal(["性别：与身份证号码不符（号码显示为女）"],
            Messages(new PersonRow { IdNumber = "11010519491231002X", Gender = Gender.Male }));
        Assert.Equal(["性别：与身份证号码不符（号码显示为男）"],
            Messages(new PersonRow { IdNumber = "440524188001010014", Gender = Gender.Female }));
    }

    [Fact]
    public void FieldRules_GenderWithInvalidIdNumber_IsNotCrossChecked()
    {
        Assert.Equal(["身份证号码：校验位应为 X，实际为 3"],
            Messages(new PersonRow { IdNumber = "110105194912310023", Gender = Gender.Male }));
    }

    [Fact]
    public void FieldRules_DateAfterToday_IsRefusedNamingToday()
    {
        Assert.Equal(["任职协调员时间：不能晚于今天（2026-11-22）"],
            Messages(new PersonRow { AppointedOn = Today.AddDays(1) }));
    }

    [Fact]
    public void FieldRules_BadPhoneAndCreditCode_AreRefusedWithTheirReasons()
    {
        Assert.Equal(
            ["联系电话：“1381234567”不是有效的手机号或带区号的固定电话", "统一社会信用代码：第 5 位“O”不是允许的字符"],
            Messages(new PersonRow { Phone = "1381234567", CreditCode = "9135O100M000100Y43" }));
    }

    [Fact]
    public void FieldRules_PlaceholderTypedIntoACell_IsQuotedLiterally()
    {
        Assert.Equal(["联系电话：“{PropertyName} {Reason}”不是有效的手机号或带区号的固定电话"],
            Messages(new PersonRow { Phone = "{PropertyName} {Reason}" }));
    }

    [Fact]
    public void FieldRules_TodayIsAskedAtValidationTime()
    {
        var today = new DateOnly(2026, 11, 22);
        var validator = new InlineValidator<PersonRow>();
        validator.RuleFor(x => x.AppointedOn).NotInFuture(() => today).WithName("成立时间");
        var row = new PersonRow { AppointedOn = new DateOnly(2026, 11, 23) };

        Assert.False(validator.Validate(row).IsValid);
        today = today.AddDays(1);
        Assert.True(validator.Validate(row).IsValid);
    }

    [Fact]
    public void FieldRules_ReturnConditionsBuilders_AsTheAgreedSignaturesSay()
    {
        var validator = new InlineValidator<PersonRow>();
        IRuleBuilderOptionsConditions<PersonRow, string?> rule = validator.RuleFor(x => x.Phone).ValidPhone();

        rule.WithName("联系电话").When(x => x.Gender is not null);

        Assert.Empty(validator.Validate(new PersonRow { Phone = "bad" }).Errors);
        Assert.Equal(["联系电话：“bad”不是有效的手机号或带区号的固定电话"],
            validator.Validate(new PersonRow { Phone = "bad", Gender = Gender.Male }).Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void FieldRules_WithoutAName_UseThePropertyName()
    {
        var validator = new InlineValidator<PersonRow>();
        validator.RuleFor(x => x.Phone).ValidPhone();

        Assert.Equal(["Phone：“bad”不是有效的手机号或带区号的固定电话"],
            validator.Validate(new PersonRow { Phone = "bad" }).Errors.Select(e => e.ErrorMessage));
    }

    private sealed class Sheet
    {
        public List<PersonRow> Rows { get; init; } = [];
    }

    [Fact]
    public void FieldRules_InsideACollection_ReportTheRowsPath()
    {
        var validator = new InlineValidator<Sheet>();
        validator.RuleForEach(x => x.Rows).SetValidator(new PersonRowValidator());
        var sheet = new Sheet { Rows = [new PersonRow { IdNumber = "11010519491231002X" }, new PersonRow { IdNumber = "110105194912310023" }] };

        var failure = Assert.Single(validator.Validate(sheet).Errors);

        Assert.Equal("Rows[1].IdNumber", failure.PropertyName);
        Assert.Equal("身份证号码：校验位应为 X，实际为 3", failure.ErrorMessage);
    }
}
