using FluentValidation;

namespace HarmonyPortal.Web.Features.YearEnd;

/// <summary>The year whose year-end workbook to write: the current year or one of the four before it.</summary>
public sealed class YearEndStartInput
{
    /// <summary>How many years the page offers, the current one included.</summary>
    public const int YearsOffered = 5;

    public int Year { get; set; }
}

public sealed class YearEndStartInputValidator : AbstractValidator<YearEndStartInput>
{
    public YearEndStartInputValidator(TimeProvider clock) =>
        RuleFor(x => x.Year).Must(year => year > clock.GetLocalNow().Year - YearEndStartInput.YearsOffered && year <= clock.GetLocalNow().Year)
            .WithMessage(_ => $"年度应在 {clock.GetLocalNow().Year - YearEndStartInput.YearsOffered + 1} 至 {clock.GetLocalNow().Year} 之间。");
}
