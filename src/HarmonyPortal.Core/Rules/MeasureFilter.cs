using System.Linq.Expressions;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;

namespace HarmonyPortal.Core.Rules;

/// <summary>A measure's field filter as a query predicate, so filtered counts are counted by the database.</summary>
public static class MeasureFilter
{
    public static IQueryable<LedgerRow> Apply(IQueryable<LedgerRow> rows, ILedgerDefinition ledger, LedgerMeasure measure)
    {
        if (!measure.Filtered)
        {
            return rows;
        }

        var field = ledger.Fields.FirstOrDefault(f => f.Key == measure.Field)
            ?? throw new InvalidOperationException($"Ledger {ledger.Key} has no field {measure.Field}.");
        if (!FieldValues.TryParse(field, measure.Value, DateOnly.MaxValue, out var typed, out _) || typed is null)
        {
            return rows.Where(_ => false);
        }

        var row = Expression.Parameter(typeof(LedgerRow), "r");
        var property = Expression.Property(Expression.Convert(row, ledger.NewRow().GetType()), field.Key);
        var constant = Expression.Constant(typed, typed.GetType());
        Expression value = property.Type == typed.GetType() ? constant : Expression.Convert(constant, property.Type);
        return rows.Where(Expression.Lambda<Func<LedgerRow, bool>>(Expression.Equal(property, value), row));
    }
}
