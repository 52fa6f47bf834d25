using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Core.Rules;

/// <summary>
/// One earlier nomination of the same person or organisation: its year, category and tier (a tier's id), and whether
/// it was selected onto a published list (held) or only nominated.
/// </summary>
/// <remarks>An office-defined honour's record has <see cref="OfficeHonour.Category"/> and its honour task's id.</remarks>
public sealed record HonourRecord(GoldCategory Category, int Year, string? Tier, bool Published, string HonourTaskId = "");

/// <summary>
/// The earlier nominations of the candidates a page evaluates, looked up once for the page (by ID number, credit code
/// or name as the ledger identifies a row across years) and read per candidate by its ledger row.
/// </summary>
public sealed class HonourHistory(IReadOnlyDictionary<(Type Ledger, long RowId), IReadOnlyList<HonourRecord>> records)
{
    /// <summary>No history: nobody held anything (a candidate evaluated on its own, e.g. in a rule test).</summary>
    public static HonourHistory None { get; } = new(new Dictionary<(Type, long), IReadOnlyList<HonourRecord>>());

    public IReadOnlyList<HonourRecord> Of(LedgerRow row) => records.GetValueOrDefault((row.GetType(), row.Id)) ?? [];

    /// <summary>The records of <paramref name="row"/>'s earlier years matching the honour, within <paramref name="withinYears"/> years when given.</summary>
    public IEnumerable<HonourRecord> Matching(LedgerRow row, HonourReference honour, int? withinYears) =>
        Of(row).Where(r => r.Category == honour.Category && r.HonourTaskId == honour.HonourTaskId && (honour.Tier is null || r.Tier == honour.Tier)
            && r.Year < row.Year && (withinYears is not { } n || r.Year >= row.Year - n));

    /// <summary>Key of a row for the constructor's dictionary.</summary>
    public static (Type Ledger, long RowId) KeyOf(LedgerRow row) => (row.GetType(), row.Id);
}
