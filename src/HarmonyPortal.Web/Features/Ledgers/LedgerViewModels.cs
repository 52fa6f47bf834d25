using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Web.Features.Shared;

namespace HarmonyPortal.Web.Features.Ledgers;

public sealed record LedgerIndexViewModel(int Year, IReadOnlyList<int> Years, IReadOnlyList<(ILedgerDefinition Definition, int Count)> Ledgers, bool CanWrite);

public sealed record LedgerListViewModel(
    ILedgerDefinition Definition,
    LedgerListQuery Query,
    IReadOnlyList<LedgerListItem> Rows,
    bool HasNext,
    IReadOnlyList<RegionOption> Regions,
    IReadOnlyList<int> Years,
    bool CanWrite)
{
    public IReadOnlyList<ILedgerField> Columns { get; } = Definition.Fields.Where(f => f.InList).ToList();

    /// <summary>What a search by ID number covered, or why it was refused (Chinese); null for other searches.</summary>
    public string? SearchNote { get; init; }

    /// <summary>How many rows match the filters (all pages): the list's "共 N 条".</summary>
    public int Total { get; init; }

    /// <summary>The next page's link parameters: the last row's key and sort-column value.</summary>
    public (long AfterId, string? After) NextKey => (Rows[^1].Id, Definition.AfterKey(Rows[^1], Query));

    /// <summary>Why the year's rows of the own region cannot be written (reported, not returned); null when open.</summary>
    public string? LockNote { get; init; }

    /// <summary>The own region's carried-forward rows of the year still to confirm (待复核): not counted until confirmed.</summary>
    public int Unconfirmed { get; init; }
}

public sealed record LedgerFormViewModel(
    ILedgerDefinition Definition,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<FieldError> Errors,
    int Year,
    long? Id = null,
    int Version = 0,
    string? RegionName = null)
{
    public string? ErrorFor(string key) => Errors.FirstOrDefault(e => e.Key == key)?.Message;

    /// <summary>The 责任单位 select; null hides it (the conflict page).</summary>
    public UnitChoices? Units { get; init; }

    /// <summary>The county's registered towns, streets and parks for 所属乡镇街道（园区）; empty leaves the field free text.</summary>
    public IReadOnlyList<string> Towns { get; init; } = [];
}

/// <summary>The member units a row may be attributed to (short names) and the one selected by default.</summary>
public sealed record UnitChoices(IReadOnlyList<string> Names, string? Selected);

public sealed record LedgerDetailsViewModel(
    ILedgerDefinition Definition,
    LedgerRow Row,
    IReadOnlyList<(ILedgerField Field, string Text)> Values,
    bool CanWrite,
    bool MayRevealIdNumber,
    bool Revealed,
    HarmonyPortal.Core.Rules.EligibilityCard? Eligibility = null);

public sealed record LedgerHistoryViewModel(ILedgerDefinition Definition, LedgerRow Row, IReadOnlyList<(AuditEntry Entry, Dictionary<string, string[]> Changes)> Entries)
{
    /// <summary>The recycle bin's entry when the row is deleted (its history is reached from the bin).</summary>
    public DeletedLedgerRow? Deleted { get; init; }
}

public sealed record LedgerConflictViewModel(LedgerFormViewModel Form, LedgerConflict Conflict);

public sealed record LedgerImportViewModel(ILedgerDefinition Definition, int Year, ImportOutcome? Outcome)
{
    /// <summary>The upload kept for the confirmation; null before an upload.</summary>
    public string? Token { get; init; }

    public ImportMode Mode { get; init; }

    /// <summary>The options offered for each absent added column (null: free text).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>?> Choices { get; init; } = new Dictionary<string, IReadOnlyList<string>?>();

    /// <summary>The upload limit plus room for the multipart envelope; larger requests are refused with 413 before they are read.</summary>
    public const long MaxRequestBytes = (10 * 1024 * 1024) + (64 * 1024);
}
