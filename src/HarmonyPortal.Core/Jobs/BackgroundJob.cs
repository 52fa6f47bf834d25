namespace HarmonyPortal.Core.Jobs;

/// <summary>
/// One unit of background work in the portal's one job table (ADR 0018): a queued job (a year-end export) or a
/// recurring one (reminders, recycle-bin purge, file sweep). An instance runs a job only while it holds its lease
/// (<see cref="LeaseOwner"/> until <see cref="LeaseUntilUtc"/>), renewed by a heartbeat; a lease left to expire by a
/// stopped instance is taken over by another. Every change of state is a conditional UPDATE on these columns.
/// </summary>
public class BackgroundJob
{
    public const int NameMaxLength = 100;
    public const int KindMaxLength = 50;
    public const int OwnerMaxLength = 100;
    public const int ErrorMaxLength = 1000;

    public Guid Id { get; set; }

    /// <summary>Unique: a recurring job's name, or "kind/argument" for a queued one (so a job is queued once).</summary>
    public string Name { get; set; } = "";

    /// <summary>What runs it: the recurring job's name, or a queued job's handler kind (e.g. "year-end").</summary>
    public string Kind { get; set; } = "";

    /// <summary>A queued job's argument (the export job's id); null for recurring jobs.</summary>
    public string? Argument { get; set; }

    public bool Recurring { get; set; }

    public BackgroundJobStatus Status { get; set; } = BackgroundJobStatus.Queued;

    /// <summary>Attempts made so far (a claim counts as one, whether it ended in success, failure or a stopped instance).</summary>
    public int Attempts { get; set; }

    /// <summary>Times claimed, ever: the run's fencing token (a renewal or finish names it, so a run taken over cannot finish).</summary>
    public long Claims { get; set; }

    /// <summary>Not claimed before this time (the back-off after a failure, or a recurring job's next run).</summary>
    public DateTime NextRunAtUtc { get; set; }

    /// <summary>The instance running the job; kept after it stops, for the admin page.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntilUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastStartedAtUtc { get; set; }

    public DateTime? LastSucceededAtUtc { get; set; }

    public DateTime? LastFailedAtUtc { get; set; }

    /// <summary>The last failure, in Chinese, for the admin page; null after a success.</summary>
    public string? LastError { get; set; }
}

public enum BackgroundJobStatus
{
    /// <summary>Waiting for <see cref="BackgroundJob.NextRunAtUtc"/> (a recurring job between runs, or a retry after back-off).</summary>
    Queued = 1,
    Running = 2,
    Done = 3,

    /// <summary>Gave up after the last attempt (a recurring job still runs again at its next interval).</summary>
    Failed = 4,
}

public static class BackgroundJobStatusNames
{
    public static string ToChinese(this BackgroundJobStatus status) => status switch
    {
        BackgroundJobStatus.Queued => "等待",
        BackgroundJobStatus.Running => "运行中",
        BackgroundJobStatus.Done => "已完成",
        BackgroundJobStatus.Failed => "失败",
        _ => status.ToString(),
    };
}
