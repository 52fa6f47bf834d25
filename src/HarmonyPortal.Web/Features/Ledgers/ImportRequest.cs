using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Spreadsheets;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>How an import treats rows whose person, organisation or name is already in the ledger this year.</summary>
public enum ImportMode
{
    /// <summary>仅新增: such a row is an error, as on the form.</summary>
    AddOnly = 0,

    /// <summary>新增并更新: such a row of the clerk's own region updates it; the others are added.</summary>
    AddOrUpdate = 1,
}

/// <summary>
/// One run of an import: the mode, the values chosen for the portal-added columns the file lacks, whether it is the dry
/// run (nothing saved) and, at the confirmation, what the dry run found (the run is refused when the data changed since).
/// </summary>
public sealed record ImportRequest(ImportMode Mode, IReadOnlyDictionary<string, string?> Chosen, bool DryRun, ImportPreview? Expected = null)
{
    public static readonly ImportRequest AddOnlyNow = new(ImportMode.AddOnly, new Dictionary<string, string?>(), DryRun: false);
}

/// <summary>What an import found or did: the counts, every problem, the annotated file of a refused one, and the added columns the file lacked.</summary>
public sealed record ImportOutcome(int Added, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Problems, string? AnnotatedFile)
{
    public IReadOnlyList<ILedgerField> Absent { get; init; } = [];

    /// <summary>The values the absent columns took (chosen or default), by field key.</summary>
    public IReadOnlyDictionary<string, string?> AbsentValues { get; init; } = new Dictionary<string, string?>();

    /// <summary>The rows each absent conditional column is for (<see cref="AddedColumns.NeededOn"/>), by field key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> AbsentNeededOn { get; init; } = new Dictionary<string, IReadOnlyList<int>>();

    /// <summary>The version of each existing row matched, by id.</summary>
    public Dictionary<long, int> Versions { get; init; } = [];

    public int Saved => Added + Updated;

    public static ImportOutcome Refused(string message) => new(0, 0, 0, [new ImportProblem(0, "", message)], null);
}

/// <summary>
/// One column the file lacks, as the preview asks for it: its value (chosen or default), the options to pick from, and
/// for a conditional column the rows it is for.
/// </summary>
public sealed record AbsentColumnModel(ILedgerDefinition Definition, ILedgerField Field, string? Value, IReadOnlyList<string>? Options, IReadOnlyList<int>? NeededOn);
