namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// How many rows one ledger holds for a region and year, kept by the database itself: triggers on every ledger table
/// add and subtract as rows are inserted, deleted, moved to another region or year or change status, whatever the
/// write path (EF, bulk INSERT, COPY, raw SQL). Read-only for the portal; <see cref="Data.HarmonyDbContext"/> refuses
/// to save one. A count may be 0 where rows were deleted (docs/adr/0010).
/// </summary>
public sealed class LedgerRowCount
{
    /// <summary>The ledger definition's key, e.g. "coordinators".</summary>
    public string Ledger { get; private set; } = "";

    public int RegionId { get; private set; }

    public int Year { get; private set; }

    public int Count { get; private set; }

    /// <summary>
    /// How many of <see cref="Count"/> are carried-forward rows still to confirm (待复核, status
    /// <see cref="LedgerRowStatus.NeedsReview"/>); kept by the same triggers, which also follow a change of status
    /// (docs/adr/0042).
    /// </summary>
    public int Unconfirmed { get; private set; }
}
