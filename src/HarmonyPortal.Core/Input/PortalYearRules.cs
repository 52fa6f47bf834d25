using FluentValidation;

namespace HarmonyPortal.Core.Input;

/// <summary>The portal's year range (<see cref="PortalYears"/>) as a FluentValidation rule, with its Chinese refusal.</summary>
public static class PortalYearRules
{
    /// <summary>The year lies from <see cref="PortalYears.Earliest"/> to the current year of <paramref name="clock"/>: "年度：1999 不在 2000 至 2026 之间".</summary>
    public static IRuleBuilderOptions<T, int> PortalYear<T>(this IRuleBuilder<T, int> rule, TimeProvider clock) =>
        rule.Must(year => PortalYears.Contains(year, Today(clock)))
            .WithMessage((_, year) => PortalYears.Refusal(year, Today(clock)));

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
