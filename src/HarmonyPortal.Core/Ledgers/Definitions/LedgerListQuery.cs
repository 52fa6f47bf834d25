using HarmonyPortal.Core.Input;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>What a ledger list page asks for. Paging is by key: the last row of the previous page.</summary>
public sealed class LedgerListQuery
{
    public const int PageSize = 50;

    /// <summary>The longest search text accepted (a name column holds 100 characters).</summary>
    public const int MaxSearchLength = 100;

    /// <summary>The year shown; null in the query string means the current year (see <see cref="Check"/>).</summary>
    public int? Year { get; set; }

    /// <summary>Restricts to one region of the user's subtree (its rows only, not its children's).</summary>
    public int? RegionId { get; set; }

    public LedgerRowStatus? Status { get; set; }

    /// <summary>Value of the ledger's kind field (类别, 性质), if it has one.</summary>
    public int? Kind { get; set; }

    /// <summary>Name contains this text; or, in person ledgers, an 18-character ID number to look up by its hash.</summary>
    public string? Q { get; set; }

    /// <summary>"newest" (default) or "name".</summary>
    public string? Sort { get; set; }

    public long? AfterId { get; set; }

    public string? AfterName { get; set; }

    public bool SortByName => Sort == "name";

    /// <summary>
    /// Fills in the current year when none was asked for and refuses (<see cref="InvalidInputException"/>, answered 400)
    /// a year outside <see cref="PortalYears"/>, a kind the ledger does not have, an unknown sort, or an over-long search.
    /// </summary>
    public void Check(ILedgerDefinition definition, DateOnly today)
    {
        Year = PortalYears.Checked(Year, today);
        if (Kind is { } kind && (definition.KindField?.EnumType is not { } kindType || !Enum.IsDefined(kindType, Enum.ToObject(kindType, kind))))
        {
            throw new InvalidInputException(definition.KindField is { } field ? $"{field.Header}：{kind} 不是可选值" : "类别：本台账没有类别筛选");
        }

        if (Sort is not (null or "" or "newest" or "name"))
        {
            throw new InvalidInputException("排序：只能按最新录入或按名称排序");
        }

        if (TextLimits.Refusal("查询内容", Q, MaxSearchLength) is { } tooLong)
        {
            throw new InvalidInputException(tooLong);
        }

        if (TextLimits.Refusal("翻页位置", AfterName, MaxSearchLength) is { } afterTooLong)
        {
            throw new InvalidInputException(afterTooLong);
        }
    }
}

/// <summary>One row of a list page: its key, region, status, the list columns' values and its responsible unit (short name, null if none).</summary>
public sealed record LedgerListItem(long Id, int RegionId, string RegionName, LedgerRowStatus Status, string Name, object?[] Values, string? UnitName);
