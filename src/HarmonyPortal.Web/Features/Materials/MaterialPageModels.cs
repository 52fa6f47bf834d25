using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Web.Features.Materials;

/// <summary>One material as a list shows it.</summary>
public sealed record MaterialLine(long Id, int RegionId, string JurisdictionKey, string Title, ReviewStatus Status, DateTime? SubmittedAtUtc, int DaysLate, string? SubmittedAt, int Files, string? ReturnReason)
{
    public string StatusName => Status == ReviewStatus.Draft ? "草稿" : ReviewStatusTexts.Name(Status);

    public string Timeliness => Status == ReviewStatus.Draft ? "" : ReviewStatusTexts.Timeliness(SubmittedAtUtc, DaysLate);
}

/// <summary>A task a region owes, with the region's status on it and its materials.</summary>
public sealed record MaterialTaskRow(ExpectedSubmission Owed, RegionTaskStatus Status, IReadOnlyList<MaterialLine> Materials, string? LastSubmittedAt)
{
    public string FormId => $"material-{Owed.JurisdictionRegionId}-{Owed.Task.Id}";

    public string KindName => Core.Rules.RuleTexts.MaterialName(Owed.Task.Material ?? Core.Rules.MaterialKind.Summary);
}

/// <summary>The 材料报送 page of one region and year.</summary>
public sealed record MaterialIndexPage(int Year, IReadOnlyList<int> Years, Region Region, bool CanSubmit, bool CanSeeReview, IReadOnlyList<MaterialTaskRow> Rows)
{
    /// <summary>The region's drafts of the year in the recycle bin, restorable until the date shown.</summary>
    public IReadOnlyList<DeletedMaterial> Deleted { get; init; } = [];
}

/// <summary>A deleted draft in the recycle bin.</summary>
public sealed record DeletedMaterial(long Id, string Title, string TaskName, string DeletedAt, string RestorableUntil);

/// <summary>The reviewer's table: per task owed by the regions below, one row per region.</summary>
public sealed record MaterialReviewPage(int Year, IReadOnlyList<int> Years, Region Region, bool CanReview, IReadOnlyList<MaterialReviewTask> Tasks, (int Id, string Name)? Parent)
{
    public DateOnly Today { get; init; }

    /// <summary>The member-unit contacts of the regions with an overdue item, shown next to it.</summary>
    public Offices.UnitContacts.UnitContactBook Contacts { get; init; } = Offices.UnitContacts.UnitContactBook.Empty;

    public bool Overdue(MaterialTaskRow row) => MaterialStatus.IsOverdue(row.Owed.Due, row.Status, Today);
}

public sealed record MaterialReviewTask(int JurisdictionRegionId, string JurisdictionName, string PlanText, string TaskId, string TaskName, string KindName, IReadOnlyList<MaterialTaskRow> Regions);

/// <summary>The roll-up of a subtree: every material owed in it, grouped by city then county, with the counts.</summary>
public sealed record MaterialRollupPage(int Year, IReadOnlyList<int> Years, string RegionName, int Expected, int Submitted, int OnTime, int Late, IReadOnlyList<MaterialRollupLine> Lines);

public sealed record MaterialRollupLine(string City, string County, MaterialTaskRow Row);

/// <summary>One material with its files and history, and the steps the user may take on it.</summary>
public sealed record MaterialDetailsPage(
    MaterialSubmission Material,
    string RegionName,
    string? DueText,
    IReadOnlyList<(long Id, string FileName, long Size)> Files,
    IReadOnlyList<(string What, string By, string At, string? Reason)> History,
    bool CanEdit,
    bool CanDelete,
    bool CanSubmit,
    bool CanWithdraw,
    bool CanDecide,
    bool CanUndoAcceptance);
