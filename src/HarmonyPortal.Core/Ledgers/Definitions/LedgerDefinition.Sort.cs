using System.Globalization;
using System.Linq.Expressions;
using HarmonyPortal.Core.Input;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>
/// Sorting a list by any of its visible columns, paged by key: the order is (column, Id) both ascending or both
/// descending, and a page starts after the previous page's last (column value, Id). Column values are compared as
/// text, whole numbers (enumerations, yes/no and counts; an empty one as -1) or dates (an empty one as 0001-01-01).
/// </summary>
public abstract partial class LedgerDefinition<TRow>
{
    /// <summary>How one column sorts: its value in the query (over <see cref="SortKey.Row"/>) and on a list item.</summary>
    private sealed record SortKey(string Column, ParameterExpression Row, Expression Value, Func<LedgerListItem, object> ItemValue);

    private IReadOnlyList<LedgerSortColumn>? sortColumns;

    private readonly Dictionary<string, SortKey> sortKeys = new(StringComparer.Ordinal);

    public IReadOnlyList<LedgerSortColumn> SortColumns => sortColumns ??=
    [
        new(LedgerSort.Region, "地区"),
        .. Fields.Where(f => f.InList).Where(f => BuildSortKey(f.Key) is not null).Select(f => new LedgerSortColumn(f.Key, f.Header)),
        new(LedgerSort.Unit, "责任单位"),
        new(LedgerSort.Status, "状态"),
    ];

    public string? AfterKey(LedgerListItem item, LedgerListQuery query) =>
        LedgerSort.Parse(query.Sort).Column is { } column ? KeyText(SortKeyOf(column).ItemValue(item)) : null;

    private IQueryable<TRow> Sorted(IQueryable<TRow> page, string column, bool descending, string? after, long? afterId)
    {
        var key = SortKeyOf(column);
        return key.Value.Type == typeof(string) ? Sorted(page, key, descending, after, afterId, s => s)
            : key.Value.Type == typeof(int) ? Sorted(page, key, descending, after, afterId, s => int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
            : Sorted(page, key, descending, after, afterId, s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static IQueryable<TRow> Sorted<TKey>(IQueryable<TRow> page, SortKey key, bool descending, string? after, long? afterId, Func<string, TKey> parse)
    {
        var r = key.Row;
        if (after is not null && afterId is { } lastId)
        {
            TKey last;
            try
            {
                last = parse(after);
            }
            catch (FormatException)
            {
                throw new InvalidInputException("翻页位置：不是本列的值");
            }
            catch (OverflowException)
            {
                throw new InvalidInputException("翻页位置：不是本列的值");
            }

            var value = Boxed(last);
            var id = Expression.Property(r, nameof(LedgerRow.Id));
            var beyond = descending ? ExpressionType.LessThan : ExpressionType.GreaterThan;
            var after1 = Expression.OrElse(
                Compare(beyond, key.Value, value),
                Expression.AndAlso(Expression.Equal(key.Value, value), Expression.MakeBinary(beyond, id, Boxed(lastId))));
            page = page.Where(Expression.Lambda<Func<TRow, bool>>(after1, r));
        }

        var order = Expression.Lambda<Func<TRow, TKey>>(key.Value, r);
        return descending ? page.OrderByDescending(order).ThenByDescending(x => x.Id) : page.OrderBy(order).ThenBy(x => x.Id);
    }

    /// <summary>a &lt; b or a &gt; b; text through string.Compare, which both providers translate to the column's order.</summary>
    private static BinaryExpression Compare(ExpressionType op, Expression a, Expression b) =>
        a.Type == typeof(string)
            ? Expression.MakeBinary(op, Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, a, b), Expression.Constant(0))
            : Expression.MakeBinary(op, a, b);

    private static MemberExpression Boxed<T>(T value)
    {
        var box = new System.Runtime.CompilerServices.StrongBox<T>(value);
        return Expression.Field(Expression.Constant(box), nameof(box.Value));
    }

    private static string KeyText(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        _ => (string)value,
    };

    private SortKey SortKeyOf(string column)
    {
        lock (sortKeys)
        {
            if (!sortKeys.TryGetValue(column, out var key))
            {
                key = BuildSortKey(column) ?? throw new InvalidInputException("排序：只能按最新录入或按列表中的一列排序");
                sortKeys[column] = key;
            }

            return key;
        }
    }

    private SortKey? BuildSortKey(string column)
    {
        var r = Expression.Parameter(typeof(TRow), "r");
        switch (column)
        {
            case LedgerSort.Region:
                return new(column, r, Expression.Property(Expression.Property(r, nameof(LedgerRow.Region)), nameof(Regions.Region.Name)), i => i.RegionName);
            case LedgerSort.Unit:
                var unit = Expression.Property(Expression.Property(r, nameof(LedgerRow.Unit)), nameof(Offices.MemberUnit.ShortName));
                return new(column, r, Expression.Coalesce(unit, Expression.Constant("")), i => i.UnitName ?? "");
            case LedgerSort.Status:
                return new(column, r, Expression.Convert(Expression.Property(r, nameof(LedgerRow.Status)), typeof(int)), i => (int)i.Status);
            case nameof(LedgerRow.Name):
                // Not coalesced: the name is never empty, and the plain column keeps the (RegionId, Year, Name, Id) index usable.
                return new(column, r, Expression.Property(r, nameof(LedgerRow.Name)), i => i.Name);
        }

        var columns = Fields.Where(f => f.InList).ToList();
        var index = columns.FindIndex(f => f.Key == column);
        if (index < 0)
        {
            return null;
        }

        var value = ListValue(r, columns[index]);
        var type = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        var nullable = type != value.Type;
        object? Item(LedgerListItem i) => i.Values[index];
        if (value.Type == typeof(string))
        {
            return new(column, r, Expression.Coalesce(value, Expression.Constant("")), i => (string?)Item(i) ?? "");
        }

        if (type == typeof(bool))
        {
            var yes = nullable ? Expression.Equal(value, Expression.Constant(true, typeof(bool?))) : value;
            return new(column, r, Expression.Condition(yes, Expression.Constant(1), Expression.Constant(0)), i => Item(i) is true ? 1 : 0);
        }

        if (type.IsEnum || type == typeof(int))
        {
            var number = nullable
                ? Expression.Coalesce(Expression.Convert(value, typeof(int?)), Expression.Constant(-1))
                : (Expression)Expression.Convert(value, typeof(int));
            return new(column, r, number, i => Item(i) is { } v ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : -1);
        }

        if (type == typeof(DateOnly))
        {
            var date = nullable ? Expression.Coalesce(value, Expression.Constant(DateOnly.MinValue)) : value;
            return new(column, r, date, i => Item(i) is DateOnly d ? d : DateOnly.MinValue);
        }

        return null; // money and other kinds are not sorted by
    }
}
