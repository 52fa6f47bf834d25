using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Reporting;

/// <summary>
/// A region's statement that its ledgers (台账) of a year are complete and reported to the level above,
/// with the deadline in force at that moment and a snapshot of the rows per ledger. The level above may
/// return it with a reason; a returned report no longer counts and stays as history, and the region
/// reports again with a new row. At most one live (not returned) report per region and year.
/// </summary>
public class LedgerReport : IRegionOwned
{
    public const int ReturnReasonMaxLength = 500;

    public long Id { get; set; }

    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    public int Year { get; set; }

    public DateTime ReportedAtUtc { get; set; }

    public string ReportedByUserId { get; set; } = "";

    public string ReportedByName { get; set; } = "";

    /// <summary>
    /// The earliest of the ledgers' reporting deadlines of the year in force when the report was made (the one the
    /// report is latest against); null when no plan set any.
    /// </summary>
    public DateOnly? Deadline { get; set; }

    /// <summary>Each ledger's deadline in force when the report was made, as JSON: {"mediators":"2022-08-20",…}; ledgers without one left out.</summary>
    public string? LedgerDeadlines { get; set; }

    /// <summary>Late for at least one ledger.</summary>
    public bool IsLate { get; set; }

    /// <summary>Whole days after the earliest deadline (0 when on time or without deadline), by the local date of the report.</summary>
    public int DaysLate { get; set; }

    /// <summary>Rows per ledger key at the moment of reporting, as JSON: {"coordinators":12,…}.</summary>
    public string RowCounts { get; set; } = "{}";

    public DateTime? ReturnedAtUtc { get; set; }

    public string? ReturnedByUserId { get; set; }

    public string? ReturnedByName { get; set; }

    public string? ReturnReason { get; set; }

    public bool IsLive => ReturnedAtUtc is null;
}
