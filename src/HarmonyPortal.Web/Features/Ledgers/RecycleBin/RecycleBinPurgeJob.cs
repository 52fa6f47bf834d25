using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers.RecycleBin;

/// <summary>Runs <see cref="RecycleBinPurge"/> at start-up and then every hour, on one instance at a time (the job table, ADR 0018).</summary>
public sealed class RecycleBinPurgeJob(RecycleBinPurge purge, TimeProvider clock, ILogger<RecycleBinPurgeJob> logger) : Infrastructure.Jobs.IPortalJob
{
    public string Name => "recycle-bin-purge";

    public string Title => "回收站到期清除";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var purged = await purge.RunAsync(clock.GetUtcNow().UtcDateTime, ct);
        if (purged > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Recycle bin: {Purged} expired ledger rows purged", purged);
        }
    }
}
