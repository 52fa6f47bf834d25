namespace HarmonyPortal.Core.Input;

/// <summary>
/// The one definition of a year the portal accepts from a user: a ledger form, an import, a list, a dashboard,
/// reporting and nominations all take a year from <see cref="Earliest"/> to the current year. Rule sets describe
/// planning periods and may name later years, up to <see cref="RuleSetLatest"/>.
/// </summary>
public static class PortalYears
{
    public const int Earliest = 2000;

    /// <summary>The last year a rule set's period, quota or deadline may name.</summary>
    public const int RuleSetLatest = 2100;

    /// <summary>How many years the year drop-downs offer (the current one and the five before it).</summary>
    public const int ChoiceCount = 6;

    public static int Latest(DateOnly today) => today.Year;

    public static bool Contains(int year, DateOnly today) => year >= Earliest && year <= Latest(today);

    /// <summary>The Chinese refusal for a year outside the range, or null when it is inside.</summary>
    public static string? Refusal(int year, DateOnly today) =>
        Contains(year, today) ? null : $"年度：{year} 不在 {Earliest} 至 {Latest(today)} 之间";

    /// <summary>The year asked for in a query string (the current year when none): outside the range it is refused.</summary>
    public static int Checked(int? year, DateOnly today) =>
        year is { } y
            ? Refusal(y, today) is { } refusal ? throw new InvalidInputException(refusal) : y
            : today.Year;

    /// <summary>The years the drop-downs offer, newest first.</summary>
    public static IReadOnlyList<int> Choices(DateOnly today) =>
        Enumerable.Range(Math.Max(Earliest, today.Year - ChoiceCount + 1), Math.Min(ChoiceCount, today.Year - Earliest + 1)).Reverse().ToList();
}
