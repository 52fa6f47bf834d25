namespace HarmonyPortal.Core.Indicators;

/// <summary>
/// A figure a region's office reports for an indicator task of a plan (年培训人数, 薪酬数据反馈比例) in a year, with
/// evidence. Reports are only added, never changed: a correction is a new report, the latest one counts, the
/// earlier ones stay visible as the history.
/// </summary>
public class IndicatorReport : Regions.IRegionOwned
{
    public const int NoteMaxLength = 500;

    public long Id { get; set; }

    /// <summary>The region whose figure this is.</summary>
    public int RegionId { get; set; }

    public Regions.Region Region { get; set; } = null!;

    /// <summary>The jurisdiction whose plan holds the task (a plan is found by its jurisdiction and the year).</summary>
    public int JurisdictionRegionId { get; set; }

    /// <summary>The plan's task the figure answers.</summary>
    public string TaskId { get; set; } = "";

    public int Year { get; set; }

    /// <summary>The stored plan version in force when the figure was reported.</summary>
    public int RuleSetVersionId { get; set; }

    /// <summary>The indicator's label and unit as the plan stated them at the time (年培训人数, 人).</summary>
    public string Label { get; set; } = "";

    public string Unit { get; set; } = "";

    public decimal Value { get; set; }

    public string? Note { get; set; }

    public string ReportedById { get; set; } = "";

    public string ReportedBy { get; set; } = "";

    public DateTime ReportedAtUtc { get; set; }

    /// <summary>
    /// Where the report stands with the level above: submitted when made, then accepted or returned with a reason. A
    /// returned figure is corrected by a new report. Reports made before review existed read as submitted.
    /// </summary>
    public Materials.ReviewStatus Status { get; set; } = Materials.ReviewStatus.Submitted;

    /// <summary>The date the report was due by (the step's deadline or the region's extension), null when none.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Whole days the report came after <see cref="DueDate"/>; 0 when on time or without a date.</summary>
    public int DaysLate { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public string? ReviewedBy { get; set; }

    /// <summary>Why the figure was returned (or why an acceptance was undone).</summary>
    public string? ReviewReason { get; set; }

    public List<IndicatorEvidence> Evidence { get; } = [];
}

/// <summary>A file proving a reported figure (PDF, JPG, PNG or DOCX, checked by content like nomination evidence).</summary>
public class IndicatorEvidence
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];
}
