namespace HarmonyPortal.Core.Materials;

/// <summary>
/// The steps of a material and who may take them when: the region's clerk edits and deletes a draft, edits a returned
/// one, submits by the due date (a returned material may come back late and is then marked late), withdraws a
/// submitted one the reviewer has not yet decided; the reviewers above accept or return a submitted one and may undo
/// an acceptance (not while it is published). Each method answers why the step is refused, or null when allowed.
/// </summary>
public static class MaterialWorkflow
{
    /// <summary>Files one material carries at most.</summary>
    public const int MaxFiles = 10;

    public static bool IsEditable(ReviewStatus status) => status is ReviewStatus.Draft or ReviewStatus.Returned;

    public static string? EditRefusal(MaterialSubmission material) => IsEditable(material.Status) ? null
        : $"材料“{material.Title}”{ReviewStatusTexts.Name(material.Status)}，只有草稿或被退回的材料可以修改";

    public static string? DeleteRefusal(MaterialSubmission material) => material.Status == ReviewStatus.Draft ? null
        : $"材料“{material.Title}”{ReviewStatusTexts.Name(material.Status)}，只有草稿可以删除";

    /// <summary>
    /// Why the material may not be submitted on <paramref name="today"/>: not a draft or returned, no file, or the due
    /// date (the extension when one is in force) has passed — unless the material was returned before, which may be
    /// resubmitted late.
    /// </summary>
    public static string? SubmitRefusal(MaterialSubmission material, bool returnedBefore, DateOnly? due, DateOnly today)
    {
        if (!IsEditable(material.Status))
        {
            return $"材料“{material.Title}”{ReviewStatusTexts.Name(material.Status)}，不能再次提交";
        }

        if (material.Files.Count == 0)
        {
            return "附件：提交前须上传至少 1 个文件";
        }

        if (due is { } date && today > date && !returnedBefore)
        {
            return $"报送期限：截止日期 {date:yyyy-MM-dd} 已过（今天 {today:yyyy-MM-dd}），不能提交。请联系上一级审核员延期后再提交";
        }

        return null;
    }

    /// <summary>A material the region's office sent was returned at least once: it may come back after the due date.</summary>
    public static bool WasReturned(MaterialSubmission material) =>
        material.Status == ReviewStatus.Returned || material.Events.Any(e => e.Action == MaterialAction.Returned);

    public static string? WithdrawRefusal(MaterialSubmission material) => material.Status == ReviewStatus.Submitted ? null
        : $"材料“{material.Title}”{ReviewStatusTexts.Name(material.Status)}，只有已提交、尚未审核的材料可以撤回";

    public static string? DecideRefusal(MaterialSubmission material) => material.Status == ReviewStatus.Submitted ? null
        : $"材料“{material.Title}”{ReviewStatusTexts.Name(material.Status)}，只有已提交的材料可以接收或退回";

    public static string? UndoAcceptanceRefusal(MaterialSubmission material) =>
        material.Status != ReviewStatus.Accepted ? $"材料“{material.Title}”{ReviewStatusTexts.Name(material.Status)}，只有已接收的材料可以撤销接收"
        : material.PublishedAtUtc is not null ? $"材料“{material.Title}”已发布，请先撤下发布再撤销接收"
        : null;

    /// <summary>The title and summary of a material: the title required; both within their lengths.</summary>
    public static IEnumerable<(string Field, string Message)> TextRefusals(string title, string summary)
    {
        if (title.Length == 0)
        {
            yield return ("Title", "标题：必填");
        }
        else if (title.Length > MaterialSubmission.TitleMaxLength)
        {
            yield return ("Title", $"标题：不能超过 {MaterialSubmission.TitleMaxLength} 字，现有 {title.Length} 字");
        }

        if (summary.Length > MaterialSubmission.SummaryMaxLength)
        {
            yield return ("Summary", $"内容摘要：不能超过 {MaterialSubmission.SummaryMaxLength} 字，现有 {summary.Length} 字");
        }
    }
}
