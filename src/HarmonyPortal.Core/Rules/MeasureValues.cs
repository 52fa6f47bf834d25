using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;

namespace HarmonyPortal.Core.Rules;

/// <summary>Whether a ledger row has the value a measure filters on, compared as the form shows the field.</summary>
public static class MeasureValues
{
    /// <summary>The values the field can be filtered by: its drop-down options, or any text for free fields.</summary>
    public static IReadOnlyList<string> Choices(ILedgerField field) => FieldValues.Options(field) ?? ["（任意文字）"];

    public static bool Accepts(ILedgerField field, string value) => FieldValues.Options(field) is not { } options || options.Contains(value);

    /// <summary>Whether the row counts for the measure: always without a filter, else when its field shows the value.</summary>
    public static bool Matches(LedgerMeasure measure, ILedgerDefinition ledger, LedgerRow row)
    {
        if (!measure.Filtered)
        {
            return true;
        }

        var field = ledger.Fields.FirstOrDefault(f => f.Key == measure.Field);
        return field is not null && string.Equals(FieldValues.Format(field, field.Get(row)), measure.Value, StringComparison.Ordinal);
    }
}
