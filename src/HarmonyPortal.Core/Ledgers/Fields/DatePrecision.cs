namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>
/// How much of a date the clerk actually wrote. Forms often ask for 成立时间 or 任职时间 as
/// "2021年3月"; such a value is kept as the 1st of the month, and this says the day is not known.
/// </summary>
public enum DatePrecision
{
    Day,
    Month,
}
