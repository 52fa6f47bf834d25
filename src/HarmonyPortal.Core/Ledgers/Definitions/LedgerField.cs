using System.Linq.Expressions;
using System.Reflection;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>One column of a ledger: its header on the official form, its kind, and where it lives on the row.</summary>
public interface ILedgerField
{
    /// <summary>The row property's name; also the form field's name.</summary>
    string Key { get; }

    string Header { get; }

    FieldKind Kind { get; }

    bool Required { get; }

    int MaxLength { get; }

    /// <summary>Column width in the Excel template and export (characters).</summary>
    double Width { get; }

    /// <summary>The enumeration behind an <see cref="FieldKind.Enum"/> field.</summary>
    Type? EnumType { get; }

    /// <summary>Shown as a column of the list page.</summary>
    bool InList { get; }

    /// <summary>A hint under the input, e.g. which fields go together.</summary>
    string? Hint { get; }

    /// <summary>
    /// A column the portal added to the official form (类别, 是否在任 …): a workbook made from the printed form may lack
    /// it, and the import then takes one value for the whole file (chosen on the preview, or the row's default).
    /// </summary>
    bool Added { get; }

    /// <summary>
    /// The column is needed only on rows meeting this condition (the layoff block of 附件8 when a layoff is planned); an
    /// import's one value for a lacking column goes to those rows only. Null: no such condition.
    /// </summary>
    FieldCondition? RequiredWhen { get; }

    object? Get(LedgerRow row);

    void Set(LedgerRow row, object? value);
}

public sealed class LedgerField<TRow, TValue> : ILedgerField
    where TRow : LedgerRow
{
    private readonly Func<TRow, TValue> getter;
    private readonly Action<TRow, TValue> setter;
    private readonly PropertyInfo property;

    /// <param name="required">Defaults to true for non-nullable value types and ID numbers.</param>
    public LedgerField(Expression<Func<TRow, TValue>> selector, string header, FieldKind kind, bool? required = null)
    {
        property = (selector.Body as MemberExpression)?.Member as PropertyInfo
            ?? throw new ArgumentException("The selector must name a property, e.g. r => r.Name.", nameof(selector));
        getter = selector.Compile();
        var target = Expression.Parameter(typeof(TRow));
        var value = Expression.Parameter(typeof(TValue));
        setter = Expression.Lambda<Action<TRow, TValue>>(Expression.Assign(Expression.Property(target, property), value), target, value).Compile();
        Header = header;
        Kind = kind;
        var type = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
        EnumType = kind == FieldKind.Enum ? type : null;
        Required = required ?? ((typeof(TValue).IsValueType && Nullable.GetUnderlyingType(typeof(TValue)) is null) || kind is FieldKind.IdNumber);
    }

    public string Key => property.Name;

    public string Header { get; }

    public FieldKind Kind { get; }

    public bool Required { get; }

    public int MaxLength { get; init; } = 100;

    public double Width { get; init; } = 14;

    public Type? EnumType { get; }

    public bool InList { get; init; }

    public string? Hint { get; init; }

    public bool Added { get; init; }

    public FieldCondition? RequiredWhen { get; init; }

    public object? Get(LedgerRow row) => getter((TRow)row);

    /// <summary>Sets the property through a compiled setter (an import sets 100,000 rows × every field); null is the type's default.</summary>
    public void Set(LedgerRow row, object? value) => setter((TRow)row, value is null ? default! : (TValue)value);
}
