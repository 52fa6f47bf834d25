namespace HarmonyPortal.Core.Exports;

/// <summary>
/// A workbook export that runs in the background (the year-end summary): who asked for which region and year,
/// how far it got, and where the file is. Kept in the database so that every portal instance can show its
/// progress, and claimed with a conditional update so that exactly one instance runs it.
/// </summary>
public class ExportJob
{
    public const int FileNameMaxLength = 200;
    public const int ErrorMaxLength = 1000;

    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public int RegionId { get; set; }

    public int Year { get; set; }

    public ExportJobStatus Status { get; set; } = ExportJobStatus.Queued;

    public long RowsWritten { get; set; }

    /// <summary>Ledger rows counted when the job started; 0 until then.</summary>
    public long RowsTotal { get; set; }

    /// <summary>The file's name under the data directory's exports folder, once the job runs.</summary>
    public string? FileName { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>Why the job failed, in Chinese, for the user; details go to the log.</summary>
    public string? Error { get; set; }
}

public enum ExportJobStatus
{
    Queued = 1,
    Running = 2,
    Done = 3,
    Failed = 4,
}

public static class ExportJobStatusNames
{
    public static string ToChinese(this ExportJobStatus status) => status switch
    {
        ExportJobStatus.Queued => "排队中",
        ExportJobStatus.Running => "生成中",
        ExportJobStatus.Done => "已完成",
        ExportJobStatus.Failed => "失败",
        _ => status.ToString(),
    };

    public static bool IsFinished(this ExportJobStatus status) => status is ExportJobStatus.Done or ExportJobStatus.Failed;
}
