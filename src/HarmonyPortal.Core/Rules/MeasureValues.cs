using HarmonyPortal.Core.Ledgers.Definitions;

namespace HarmonyPortal.Core.Rules;

/// <summary>The values a measure may filter a ledger field on: as the form shows the field (MeasureFilter turns one into a query).</summary>
public static class MeasureValues
{
    /// <summary>The values the field can be filtered by: its drop-down options, or any text for free fields.</summary>
    public static IReadOnlyList<string> Choices(ILedgerField field) => FieldValues.Options(field) ?? ["（任意文字）"];

    public static bool Accepts(ILedgerField field, string value) => FieldValues.Options(field) is not { } options || options.Contains(value);
}
