using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>The page's choice of category, year and batch.</summary>
public sealed record SheetKey(GoldCategory Category, int Year, int Batch)
{
    /// <summary>The office-defined honour task's id (<see cref="OfficeHonour"/>), or "" for a gold category.</summary>
    public string Honour { get; init; } = "";

    /// <summary>The honour's title from the plan (培育达标企业典型); null for a gold category, which is named by <see cref="Category"/>.</summary>
    public string? HonourTitle { get; init; }

    public string Query => OfficeHonour.Is(Honour) ? $"honour={Uri.EscapeDataString(Honour)}&year={Year}&batch={Batch}" : $"category={Category}&year={Year}&batch={Batch}";

    /// <summary>The honour's name: the plan's title of an office-defined honour, else the gold category's.</summary>
    public string Name => HonourTitle ?? (OfficeHonour.Is(Honour) ? Honour : GoldRules.CategoryName(Category));

    public string Title => $"{Year} 年度{GoldRules.BatchName(Batch)}{Name}";

    /// <summary>The key of a sheet or nomination, titled by its rules.</summary>
    public static SheetKey Of(GoldCategory category, string honour, int year, int batch, GoldRules rules) =>
        new(category, year, batch) { Honour = honour, HonourTitle = OfficeHonour.Is(honour) ? rules.Title : null };
}

/// <summary>One region's sheet (or its absence) as a line of the level above's overview.</summary>
public sealed record SheetLine(Region Region, NominationSheet? Sheet, int Nominees, int Approved, SheetFinding? Deadline, int? DaysLeft,
    RegionLevel SelectingLevel = RegionLevel.Province)
{
    public SheetStatus Status => Sheet?.Status ?? SheetStatus.Draft;

    /// <summary>The region confers the honour itself and has published its list: it is reported to the level above (已报省 / 已报市).</summary>
    public bool ReportedUpward => SelectingLevel == Region.Level && Status == SheetStatus.Published;

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
    bool Published,
    RegionLevel SelectingLevel = RegionLevel.Province)
{
    /// <summary>For the selecting level: the Publish deadline of its plans, or the notice that none is set.</summary>
    public Core.Rules.SheetFinding? PublishDeadline { get; init; }

    /// <summary>The member-unit contacts of the regions below whose sheets are due or overdue, shown next to them.</summary>
    public Offices.UnitContacts.UnitContactBook Contacts { get; init; } = Offices.UnitContacts.UnitContactBook.Empty;

    /// <summary>The tiers of the honour a nominee is recommended for (铜牌、银牌、金牌); none when the honour has no tiers.</summary>
    public IReadOnlyList<Core.Rules.HonourTier> Tiers { get; init; } = [];

    /// <summary>The office-defined honours of the plans the user's region answers to (and, for a province, its cities'): id and title.</summary>
    public IReadOnlyList<(string Id, string Title)> OfficeHonours { get; init; } = [];
}

public sealed record NomineeLine(Nomination Nomination, SheetChecks.NomineeVerdict? Check, bool ChangedSinceApproval);

public sealed record SheetPage(
    NominationSheet Sheet,
    SheetKey Key,
    IReadOnlyList<NomineeLine> Nominees,
    SheetChecks.Report Report,
    IReadOnlyList<SheetTransition> Timeline,
    IReadOnlySet<WorkflowAction> Allowed,
    bool CanEdit,
    bool CanExtend)
{
    /// <summary>After a return and resubmission: what the county changed since the return; null otherwise.</summary>
    public ReturnChanges? ChangesSinceReturn { get; init; }
}

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

/// <summary>What a submission will send (the sheet page's nominees and findings), and why the last attempt stopped.</summary>
public sealed record SubmitConfirmation(SheetPage Page, string? Error);
