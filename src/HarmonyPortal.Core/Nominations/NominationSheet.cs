using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// One region's recommendation sheet (推荐表) of a gold category for a year and, where the rule set has
/// batches, a batch. A county's sheet is submitted to its city; a city's sheet gathers the nominees the
/// city approved (and its own) and is forwarded to the province; the province publishes the list.
/// </summary>
public class NominationSheet : IRegionOwned
{
    public long Id { get; set; }

    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    /// <summary>The gold category, or <see cref="OfficeHonour.Category"/> for an honour an office defines (<see cref="HonourTaskId"/>).</summary>
    public GoldCategory Category { get; set; }

    /// <summary>The id of the office-defined honour task in the plan governing the year; "" for a gold category.</summary>
    public string HonourTaskId { get; set; } = "";

    public int Year { get; set; }

    /// <summary>The batch (批次) of the rule set's deadlines, or 0 where the task has no batches.</summary>
    public int Batch { get; set; }

    public SheetStatus Status { get; set; } = SheetStatus.Draft;

    public string? SubmittedByUserId { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>The reason of the last return or reopening, shown to the clerk until the next submission.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>Incremented on every transition; a transition carrying an older value is a conflict.</summary>
    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<Nomination> Nominations { get; } = [];
}

public enum SheetStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Approved = 4,
    Forwarded = 5,
    Published = 6,
}

public static class SheetStatusNames
{
    public static string ToChinese(this SheetStatus status) => status switch
    {
        SheetStatus.Draft => "未提交",
        SheetStatus.Submitted => "已提交",
        SheetStatus.Returned => "已退回",
        SheetStatus.Approved => "已通过",
        SheetStatus.Forwarded => "已上报",
        SheetStatus.Published => "已发布",
        _ => status.ToString(),
    };

    /// <summary>A clerk may add, edit and remove nominees only while the sheet is with the clerk.</summary>
    public static bool IsEditable(this SheetStatus status) => status is SheetStatus.Draft or SheetStatus.Returned;
}
