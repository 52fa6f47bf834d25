using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// A ledger row in the recycle bin (回收站): the row itself is removed from its ledger (so no count, quota, export or
/// duplicate check sees it), and this entry keeps its stored column values until the clerk restores it or the
/// retention ends and the purge removes it. A restored row gets back its id, and so its 修改记录.
/// </summary>
public class DeletedLedgerRow : IRegionOwned
{
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    /// <summary>The ledger's key (the {kind} of its URL).</summary>
    public string Ledger { get; set; } = "";

    /// <summary>The id the row had, and gets back on restore.</summary>
    public long RowId { get; set; }

    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    public int Year { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The row's stored column values as JSON (ID numbers stay encrypted, as in the ledger's table).</summary>
    public string Values { get; set; } = "";

    public DateTime DeletedAtUtc { get; set; }

    public string? DeletedByUserId { get; set; }

    public string DeletedBy { get; set; } = "";

    /// <summary>The optional reason the clerk gave.</summary>
    public string? Reason { get; set; }
}
