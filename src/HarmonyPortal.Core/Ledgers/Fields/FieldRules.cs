using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>
/// FluentValidation rules over the field parsers, with messages in the portal's form
/// "{字段名}：{reason}" (the name comes from <c>.WithName("身份证号码")</c>). Null and blank values are
/// skipped: whether a field is required is each ledger validator's own <c>NotEmpty</c> rule.
/// </summary>
/// <remarks>
/// The rules validate only; the service stores the parser's normalized value, not the raw input.
/// Failures are added as finished <see cref="ValidationFailure"/>s, so text quoted from the input
/// (a "{PropertyName}" typed into a phone cell) is never read as a message placeholder. The name
/// may be given before the rule or, through <see cref="FieldRuleOptions.WithName"/>, after it.
/// </remarks>
public static class FieldRules
{
    public static IRuleBuilderOptionsConditions<T, string?> ValidIdNumber<T>(this IRuleBuilder<T, string?> rule, Func<DateOnly> today)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(today);
        return rule.Custom((value, context) =>
        {
            if (!string.IsNullOrWhiteSpace(value) && !IdNumber.TryParse(value, today(), out _, out var error))
            {
                Fail(context, error);
            }
        });
    }

    public static IRuleBuilderOptionsConditions<T, string?> ValidCreditCode<T>(this IRuleBuilder<T, string?> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Custom((value, context) =>
        {
            if (!string.IsNullOrWhiteSpace(value) && !CreditCode.TryParse(value, out _, out var error))
            {
                Fail(context, error);
            }
        });
    }

    public static IRuleBuilderOptionsConditions<T, string?> ValidPhone<T>(this IRuleBuilder<T, string?> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Custom((value, context) =>
        {
            if (!string.IsNullOrWhiteSpace(value) && !PhoneNumber.TryParse(value, out _, out var error))
            {
                Fail(context, error);
            }
        });
    }

    /// <summary>"{字段}：不能晚于今天（2026-11-22）"; <paramref name="today"/> is asked at each validation.</summary>
    public static IRuleBuilderOptionsConditions<T, DateOnly?> NotInFuture<T>(this IRuleBuilder<T, DateOnly?> rule, Func<DateOnly> today)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(today);
        return rule.Custom((value, context) =>
        {
            var now = today();
            if (value > now)
            {
                Fail(context, $"不能晚于今天（{now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）");
            }
        });
    }

    /// <summary>
    /// The gender must agree with the ID number's 17th digit (odd = 男): "性别：与身份证号码不符（号码显示为女）".
    /// Skipped when either is missing or the ID number is invalid, which its own rule reports.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, Gender?> MatchesIdNumber<T>(this IRuleBuilder<T, Gender?> rule,
        Func<T, string?> idNumber, Func<DateOnly> today)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(today);
        return rule.Custom((value, context) =>
        {
            if (value is { } gender
                && IdNumber.TryParse(idNumber(context.InstanceToValidate), today(), out var info, out _)
                && info.Gender != gender)
            {
                Fail(context, $"与身份证号码不符（号码显示为{info.Gender.ToChinese()}）");
            }
        });
    }

    private static void Fail<T>(ValidationContext<T> context, string reason) =>
        context.AddFailure(new ValidationFailure(context.PropertyPath, $"{context.DisplayName}：{reason}"));
}
