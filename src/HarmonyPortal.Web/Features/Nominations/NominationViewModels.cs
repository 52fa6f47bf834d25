using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>The page's choice of category, year and batch.</summary>
public sealed record SheetKey(GoldCategory Category, int Year, int Batch)
{
    public string Query => $"category={Category}&year={Year}&batch={Batch}";

    public string Title => $"{Year} 年度{GoldRules.BatchName(Batch)}{GoldRules.CategoryName(Category)}";
}

/// <summary>One region's sheet (or its absence) as a line of the level above's overview.</summary>
public sealed record SheetLine(Region Region, NominationSheet? Sheet, int Nominees, int Approved, SheetFinding? Deadline, int? DaysLeft)
{
    public SheetStatus Status => Sheet?.Status ?? SheetStatus.Draft;

    /// <summary>Not yet submitted while the deadline is a week away or less (or past).</summary>
    public bool Overdue => Status.IsEditable() && DaysLeft is <= 7;
}

public sealed record NominationOverview(
    SheetKey Key,
    IReadOnlyList<int> Batches,
    IReadOnlyList<int> Years,
    Region Own,
    SheetLine? OwnSheet,
    IReadOnlyList<SheetLine> Children,
    bool CanNominate,
    bool CanBulkApprove,
    bool CanPublish,
    int ForwardedCities,
    int PendingSelections,
    IReadOnlyList<(long Id, string Name)> Candidates,
    string? RuleNote,
    bool Published);

public sealed record NomineeLine(Nomination Nomination, SheetChecks.NomineeVerdict? Check, bool ChangedSinceApproval);

public sealed record SheetPage(
    NominationSheet Sheet,
    SheetKey Key,
    IReadOnlyList<NomineeLine> Nominees,
    SheetChecks.Report Report,
    IReadOnlyList<SheetTransition> Timeline,
    IReadOnlySet<WorkflowAction> Allowed,
    bool CanEdit,
    bool CanExtend);

public sealed partial record NomineePage(
    Nomination Nomination,
    SheetKey Key,
    LedgerRow? Row,
    IReadOnlyList<(string Field, string Frozen, string Now)> Changes,
    Verdict? Verdict,
    GoldRules Rules,
    IReadOnlyList<Criterion> Attestable,
    IReadOnlyList<NominationEvaluation> Evaluations,
    IReadOnlyList<NominationEvidence> Evidence,
    IReadOnlyList<SheetTransition> Timeline,
    bool CanEdit,
    bool CanDecide,
    bool CanSelect);
