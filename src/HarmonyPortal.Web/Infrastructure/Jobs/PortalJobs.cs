namespace HarmonyPortal.Web.Infrastructure.Jobs;

/// <summary>
/// A recurring background job (ADR 0018): run every <see cref="Interval"/> by one instance at a time, through the
/// job table's lease. Register it with <see cref="JobSetup.AddPortalJob{TJob}"/>; it is resolved in its own DI scope
/// for each run. A run that throws is retried with back-off, then shown as failed on the admin's 年终汇总 page.
/// </summary>
public interface IPortalJob
{
    /// <summary>The job's unique name in the job table (ASCII, at most 100 characters), e.g. "deadline-reminders".</summary>
    string Name { get; }

    /// <summary>The job's name for admins, in Chinese.</summary>
    string Title { get; }

    /// <summary>Time from the end of one successful run to the next (the start-up run comes first).</summary>
    TimeSpan Interval { get; }

    Task RunAsync(CancellationToken ct);
}

/// <summary>
/// The runner of queued one-off jobs of one kind (the year-end export), each with an argument. It must end a
/// successful run with <see cref="JobRun.CompleteAsync"/>, which fails when another instance took the job over.
/// </summary>
public interface IQueuedJobHandler
{
    Task RunAsync(JobRun run, CancellationToken ct);

    /// <summary>
    /// The job will not be tried again: its user is to be told why — <paramref name="refusal"/> (the message of a
    /// <see cref="JobRefusedException"/>) or, when null, that it failed on every attempt.
    /// </summary>
    Task GiveUpAsync(string argument, string? refusal, CancellationToken ct);

    /// <summary>Arguments of work that has no row in the job table (made before it existed); queued at start-up.</summary>
    Task<IReadOnlyList<string>> OrphansAsync(CancellationToken ct);
}

/// <summary>A failure that trying again will not mend (the user lost the right to the job): no retry, the message is shown.</summary>
public sealed class JobRefusedException(string message) : Exception(message);

/// <summary>A queued handler's kind, registered with <see cref="JobSetup.AddQueuedJob{THandler}"/>.</summary>
public sealed record QueuedJobKind(string Kind, Type HandlerType);

/// <summary>A recurring job's class, registered with <see cref="JobSetup.AddPortalJob{TJob}"/>.</summary>
public sealed record PortalJobType(Type JobType);
