using System.Threading.Channels;

namespace HarmonyPortal.Web.Features.YearEnd;

/// <summary>
/// Jobs this instance was asked to run, in order. The database is the truth (<see cref="Core.Exports.ExportJob"/>):
/// the queue only wakes the runner, and a job another instance claimed first is skipped.
/// </summary>
public sealed class YearEndQueue
{
    private readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid jobId) => _jobs.Writer.TryWrite(jobId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _jobs.Reader.ReadAllAsync(ct);
}
