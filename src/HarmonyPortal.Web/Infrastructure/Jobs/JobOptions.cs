namespace HarmonyPortal.Web.Infrastructure.Jobs;

/// <summary>The background job settings (<c>Jobs:*</c>; docs/operations.md, "Background jobs").</summary>
public sealed class JobOptions
{
    /// <summary>This instance's name in the job table's lease column; <c>Jobs:InstanceId</c>, by default host name, process id and a random suffix.</summary>
    public string InstanceId { get; init; } = "";

    /// <summary>How long a claim holds without a heartbeat; another instance takes a job over once it lapses.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a running job's lease is renewed.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle instance looks for due jobs (a job queued on this instance starts at once).</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a job is shown as failed (a run that failed or whose instance stopped counts as one).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait before the first retry; it doubles with each attempt, up to an hour.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Jobs run at once on one instance.</summary>
    public int Concurrency { get; init; } = 2;

    /// <summary>Days a finished one-off job's row and a sent or failed email are kept before <see cref="FinishedWorkPurgeJob"/> deletes them; <c>Jobs:KeepFinishedDays</c>.</summary>
    public int KeepFinishedDays { get; init; } = 90;

    /// <summary>False stops this instance from running jobs (it still queues them for the others).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Jobs (names or kinds) this instance leaves to the others; <c>Jobs:Disabled</c>, comma-separated.</summary>
    public IReadOnlySet<string> Disabled { get; init; } = new HashSet<string>();

    /// <summary>A job named in <see cref="Disabled"/>, by its whole name or the part before "@" (a per-instance job's base name).</summary>
    public bool IsDisabled(string name) => Disabled.Contains(name) || Disabled.Contains(name.Split('@')[0]);

    public TimeSpan BackOff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, RetryDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));

    public static JobOptions Read(IConfiguration config)
    {
        var section = config.GetSection("Jobs");
        var id = section["InstanceId"];
        return new JobOptions
        {
            InstanceId = string.IsNullOrWhiteSpace(id) ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}" : id.Trim(),
            Lease = TimeSpan.FromSeconds(section.GetValue("LeaseSeconds", 120)),
            Heartbeat = TimeSpan.FromSeconds(section.GetValue("HeartbeatSeconds", 30)),
            Poll = TimeSpan.FromSeconds(section.GetValue("PollSeconds", 5.0)),
            MaxAttempts = Math.Max(1, section.GetValue("MaxAttempts", 5)),
            RetryDelay = TimeSpan.FromSeconds(section.GetValue("RetryDelaySeconds", 30)),
            Concurrency = Math.Max(1, section.GetValue("Concurrency", 2)),
            KeepFinishedDays = Math.Max(1, section.GetValue("KeepFinishedDays", 90)),
            Enabled = section.GetValue("Enabled", true),
            Disabled = (section["Disabled"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
        };
    }
}
