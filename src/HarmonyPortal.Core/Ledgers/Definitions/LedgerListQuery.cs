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

    /// <summary>Which column <see cref="Q"/> searches: "name" (default), or one of <see cref="LedgerSearch.Targets"/> ("unit", "phone", "town").</summary>
    public string? By { get; set; }

    /// <summary>"newest" (default), "name", or a column of <see cref="ILedgerDefinition.SortColumns"/>, prefixed "-" for descending.</summary>
    public string? Sort { get; set; }

    public long? AfterId { get; set; }

    /// <summary>The sort column's value on the last row of the previous page (with <see cref="AfterId"/> the key of the next page).</summary>
    public string? After { get; set; }

    /// <summary>The earlier name of <see cref="After"/> for the name sort; links written before column sorts still page.</summary>
    public string? AfterName { get; set; }

    /// <summary>
    /// The one region whose rows a search by phone may match: the user's own (it sees those numbers in full; others are
    /// masked, so matching them would confirm the hidden digits). Set by the server, never bound from the request; when
    /// unset a search by phone finds nothing.
    /// </summary>
    public int? PhoneSearchRegionId { get; private set; }

    public bool SortByName => Sort == "name";

    public bool SearchesByName => By is null or "" or LedgerSearch.ByName;

    /// <summary>Lets a search by phone match the rows of <paramref name="ownRegionId"/> only (see <see cref="PhoneSearchRegionId"/>).</summary>
    public void AllowPhoneSearchIn(int ownRegionId) => PhoneSearchRegionId = ownRegionId;

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

        if (!LedgerSort.IsKnown(definition, Sort))
        {
            throw new InvalidInputException("排序：只能按最新录入或按列表中的一列排序");
        }

        if (!SearchesByName && LedgerSearch.Targets(definition).All(t => t.By != By))
        {
            throw new InvalidInputException("查询范围：本台账不能按该列查找");
        }

        if (TextLimits.Refusal("查询内容", Q, MaxSearchLength) is { } tooLong)
        {
            throw new InvalidInputException(tooLong);
        }

        if ((TextLimits.Refusal("翻页位置", AfterName, MaxSearchLength) ?? TextLimits.Refusal("翻页位置", After, MaxSearchLength)) is { } afterTooLong)
        {
            throw new InvalidInputException(afterTooLong);
        }
    }
}

/// <summary>One row of a list page: its key, region, status, the list columns' values and its responsible unit (short name, null if none).</summary>
public sealed record LedgerListItem(long Id, int RegionId, string RegionName, LedgerRowStatus Status, string Name, object?[] Values, string? UnitName);
