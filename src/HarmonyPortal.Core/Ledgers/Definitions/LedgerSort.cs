namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>A column a list can be sorted by: "region", "unit", "status" or a list field's key, with its header.</summary>
public sealed record LedgerSortColumn(string Key, string Header);

/// <summary>
/// How a list's <see cref="LedgerListQuery.Sort"/> reads: "newest" (default, by key descending), "name" (the name ascending,
/// as before column sorts), or a column of <see cref="ILedgerDefinition.SortColumns"/>, prefixed "-" for descending.
/// Every order ends with the row's key, so it is stable and pages continue by key (<see cref="LedgerListQuery.After"/>).
/// </summary>
public static class LedgerSort
{
    public const string Newest = "newest";
    public const string Region = "region";
    public const string Unit = "unit";
    public const string Status = "status";

    /// <summary>The sort column's key (null: newest first) and whether it is descending.</summary>
    public static (string? Column, bool Descending) Parse(string? sort) => sort switch
    {
        null or "" or Newest => (null, false),
        "name" => (nameof(LedgerRow.Name), false),
        ['-', .. var column] => (column, true),
        _ => (sort, false),
    };

    public static bool IsKnown(ILedgerDefinition definition, string? sort) =>
        Parse(sort).Column is not { } column || definition.SortColumns.Any(c => c.Key == column);

    /// <summary>The value of <see cref="LedgerListQuery.Sort"/> that sorts by <paramref name="column"/>.</summary>
    public static string Of(string column, bool descending) => descending ? "-" + column : column;
}
