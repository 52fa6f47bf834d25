using HarmonyPortal.Core.Data;

namespace HarmonyPortal.Web.Infrastructure.Jobs;

/// <summary>A queued job's run as its handler sees it: the argument, the attempt, and the lease it must still hold to finish.</summary>
public sealed class JobRun(ClaimedJob job, JobOptions options, TimeProvider clock)
{
    public string Argument => job.Argument ?? "";

    /// <summary>1 for the first attempt; the attempt also names the run's own part files.</summary>
    public int Attempt => job.Attempt;

    public string InstanceId => options.InstanceId;

    public ClaimedJob Job => job;

    /// <summary>Renews the lease now; false when another instance has taken the job over (the run must then stop, writing nothing).</summary>
    public Task<bool> HoldsLeaseAsync(HarmonyDbContext db, CancellationToken ct) => new JobStore(db, options, clock).RenewAsync(job, ct);

    /// <summary>
    /// Marks the job done and, in the same transaction, records its result with <paramref name="finish"/> — only if
    /// this run still holds the job: of two runs of one job, one finishes; the other gets false and must undo its output.
    /// </summary>
    public async Task<bool> CompleteAsync(HarmonyDbContext db, Func<CancellationToken, Task> finish, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await new JobStore(db, options, clock).MarkDoneAsync(job, ct))
        {
            return false;
        }

        await finish(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
