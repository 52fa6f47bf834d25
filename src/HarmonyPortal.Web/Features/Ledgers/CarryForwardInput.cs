using FluentValidation;
using HarmonyPortal.Core.Input;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>结转: the year rows are copied into, from the year before it.</summary>
public sealed class CarryForwardInput
{
    public int Year { get; set; }
}

/// <summary>
/// Both years of a carry-forward lie in the portal's range (ADR 0015): the year the form would accept, and the year
/// before it. Whether the year is locked by a report is checked against the database by the controller.
/// </summary>
public sealed class CarryForwardInputValidator : AbstractValidator<CarryForwardInput>
{
    public CarryForwardInputValidator(TimeProvider clock) =>
        RuleFor(x => x.Year).Must(year => Refusal(year, clock) is null).WithMessage((_, year) => $"不能结转：{Refusal(year, clock)}");

    private static string? Refusal(int year, TimeProvider clock) =>
        PortalYears.Refusal(year, PortalYearRules.Today(clock)) ?? PortalYears.Refusal(year - 1, PortalYearRules.Today(clock));
}
