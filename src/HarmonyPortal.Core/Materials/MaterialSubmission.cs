using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Materials;

/// <summary>
/// One material (总结材料, 专题情况报告, 经验做法, 典型案例) a region's office submits for a material task of a plan in
/// a year: a title, a short summary and one or more files. A task may take several (经验做法 sent in batches); each
/// goes through draft → submitted → accepted or returned, a returned one is corrected and submitted again. The
/// task's name and kind are copied when the material is made, so a later plan change leaves it readable.
/// </summary>
public class MaterialSubmission : Regions.IRegionOwned
{
    /// <summary>The object type of a material's audit entries.</summary>
    public const string AuditObjectType = "material";

    public const int TitleMaxLength = 200;

    public const int SummaryMaxLength = 2000;

    public const int ReasonMaxLength = Input.StepReasons.MaxLength;

    public long Id { get; set; }

    /// <summary>The submitting region.</summary>
    public int RegionId { get; set; }

    public Regions.Region Region { get; set; } = null!;

    /// <summary>The jurisdiction whose plan holds the task.</summary>
    public int JurisdictionRegionId { get; set; }

    public string TaskId { get; set; } = "";

    public int Year { get; set; }

    /// <summary>The stored plan version in force when the material was made.</summary>
    public int RuleSetVersionId { get; set; }

    /// <summary>The task's name as the plan stated it then.</summary>
    public string TaskName { get; set; } = "";

    public MaterialKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public ReviewStatus Status { get; set; } = ReviewStatus.Draft;

    public string CreatedById { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The latest submission (a resubmission after a return moves it); null while a draft never submitted.</summary>
    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>The date the latest submission was due by (the step's deadline or the region's extension), null when none.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Whole days the latest submission came after <see cref="DueDate"/>; 0 when on time or without a date.</summary>
    public int DaysLate { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public string? ReviewedBy { get; set; }

    /// <summary>Why it was returned (or why an acceptance was undone); null otherwise.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>Set while the receiving level publishes an accepted 经验做法 or 典型案例 on its list.</summary>
    public DateTime? PublishedAtUtc { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>Optimistic concurrency: a stale form is refused.</summary>
    public int Version { get; set; }

    public List<MaterialFile> Files { get; } = [];

    public List<MaterialEvent> Events { get; } = [];
}

/// <summary>A file of a material (PDF, Word incl. .doc/.wps, Excel, images), checked by content, no active content.</summary>
public class MaterialFile
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateTime AddedAtUtc { get; set; }
}

/// <summary>One step of a material's history: who did what, when, and why.</summary>
public class MaterialEvent
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public MaterialAction Action { get; set; }

    public string ById { get; set; } = "";

    public string By { get; set; } = "";

    public DateTime AtUtc { get; set; }

    /// <summary>The reason given (return, withdrawal, undoing an acceptance, unpublishing) or a short detail.</summary>
    public string? Reason { get; set; }
}

public enum MaterialAction
{
    Created,
    Edited,
    FileAdded,
    FileRemoved,
    Submitted,
    Withdrawn,
    Returned,
    Accepted,
    AcceptanceUndone,
    Published,
    Unpublished,
    Deleted,
    Restored,
}
