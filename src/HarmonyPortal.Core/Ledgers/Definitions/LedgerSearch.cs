using System.Linq.Expressions;
using HarmonyPortal.Core.Ledgers.Fields;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>
/// The columns a list can be searched by besides the name: 工作单位, the phone (联系方式 / 联系电话) and 所属乡镇街道（园区）,
/// where the ledger has them. A search by phone matches only the rows whose numbers the user sees in full (its own
/// region's, <see cref="LedgerListQuery.PhoneSearchRegionId"/>): elsewhere the numbers are masked and a match would
/// confirm the hidden digits.
/// </summary>
public static class LedgerSearch
{
    public const string ByName = "name";
    public const string ByUnit = "unit";
    public const string ByPhone = "phone";
    public const string ByTown = "town";

    /// <summary>The search targets of a ledger besides the name, with the field each searches, in form order.</summary>
    public static IReadOnlyList<(string By, ILedgerField Field)> Targets(ILedgerDefinition definition) =>
        definition.Fields.Select(f => (By: ByOf(f), Field: f)).Where(t => t.By is not null).DistinctBy(t => t.By).Select(t => (t.By!, t.Field)).ToList();

    private static string? ByOf(ILedgerField field) => field switch
    {
        { Key: nameof(PersonRow.WorkUnit) } => ByUnit,
        { Kind: FieldKind.Phone } => ByPhone,
        { Key: nameof(Coordinator.TownName) } => ByTown,
        _ => null,
    };

    /// <summary>The rows matching <paramref name="text"/> in the target column <paramref name="by"/> (not the name).</summary>
    public static IQueryable<TRow> Where<TRow>(IQueryable<TRow> rows, ILedgerDefinition definition, string by, string text, int? phoneRegionId)
        where TRow : LedgerRow
    {
        var field = Targets(definition).Single(t => t.By == by).Field;
        var r = Expression.Parameter(typeof(TRow), "r");
        var column = Expression.Property(r, field.Key);
        Expression match;
        if (by == ByPhone)
        {
            if (phoneRegionId is not { } own)
            {
                return rows.Where(_ => false);
            }

            rows = rows.Where(x => x.RegionId == own);
            // A whole number matches as stored (one normal form); a part matches as typed, without spaces.
            match = PhoneNumber.TryParse(text, out var normal, out _)
                ? Expression.Equal(column, Boxed(normal))
                : Contains(column, text.Replace(" ", "", StringComparison.Ordinal));
        }
        else
        {
            match = Contains(column, text);
        }

        return rows.Where(Expression.Lambda<Func<TRow, bool>>(match, r));
    }

    private static MethodCallExpression Contains(Expression column, string text) =>
        Expression.Call(column, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Boxed(text));

    /// <summary>The value as a captured variable, so that EF sends it as a parameter and caches one plan.</summary>
    private static MemberExpression Boxed(string value)
    {
        var box = new System.Runtime.CompilerServices.StrongBox<string>(value);
        return Expression.Field(Expression.Constant(box), nameof(box.Value));
    }
}
