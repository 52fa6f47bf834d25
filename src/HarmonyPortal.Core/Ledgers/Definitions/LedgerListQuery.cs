namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>What a ledger list page asks for. Paging is by key: the last row of the previous page.</summary>
public sealed class LedgerListQuery
{
    public const int PageSize = 50;

    public int Year { get; set; }

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
}

/// <summary>One row of a list page: its key, region, status and the list columns' values.</summary>
public sealed record LedgerListItem(long Id, int RegionId, string RegionName, LedgerRowStatus Status, string Name, object?[] Values);
