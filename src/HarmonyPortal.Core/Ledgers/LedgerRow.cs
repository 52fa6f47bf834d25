using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// What every ledger row (台账) has: the owning region, the reporting year, a status, and an
/// optimistic-concurrency version. Each ledger is its own table; this class is not mapped itself.
/// </summary>
public abstract class LedgerRow : IRegionOwned
{
    public long Id { get; set; }

    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    public int Year { get; set; }

    /// <summary>The member unit responsible for the row (责任单位): the clerk's unit unless the clerk chose another of the region.</summary>
    public int? UnitId { get; set; }

    public Offices.MemberUnit? Unit { get; set; }

    /// <summary>The person's, organisation's or enterprise's name: what lists search and sort by.</summary>
    public string Name { get; set; } = "";

    public LedgerRowStatus Status { get; set; } = LedgerRowStatus.Active;

    /// <summary>Incremented on every save; a save carrying an older value is a conflict.</summary>
    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }
}
