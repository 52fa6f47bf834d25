using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Audit.Viewer;

/// <summary>Runs <see cref="AuditRetentionPurge"/> at start-up and then daily, on one instance at a time (ADR 0018).</summary>
public sealed class AuditRetentionJob(AuditRetentionPurge purge, TimeProvider clock, ILogger<AuditRetentionJob> logger) : Infrastructure.Jobs.IPortalJob
{
    public const string JobName = "audit-retention";

    public string Name => JobName;

    public string Title => "审计日志到期清除";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var purged = await purge.RunAsync(clock.GetUtcNow().UtcDateTime, ct);
        if (purged > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Audit retention: {Purged} audit entries past retention deleted", purged);
        }
    }
}
