using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Audit.Viewer;

/// <summary>
/// How long audit entries are kept (<c>Audit:RetentionDays</c>, 365 by default). Fewer than 180 days is refused at
/// start-up: 网络安全法 第二十一条 asks for network logs to be kept at least six months, and GB/T 22239-2019 8.1.4.3 c)
/// asks that audit records be protected from deletion before then.
/// </summary>
public sealed record AuditRetention(int Days)
{
    public const string Setting = "Audit:RetentionDays";
    public const int DefaultDays = 365;
    public const int MinimumDays = 180;

    public static AuditRetention Read(IConfiguration config)
    {
        var days = config.GetValue(Setting, DefaultDays);
        if (days < MinimumDays)
        {
            throw new InvalidOperationException(
                $"{Setting} is {days}: audit entries must be kept at least {MinimumDays} days (审计日志至少保留 {MinimumDays} 天，网络安全法第二十一条). Set it to {MinimumDays} or more, or leave it out for {DefaultDays}.");
        }

        return new AuditRetention(days);
    }

    /// <summary>Entries written before this instant are past retention; an entry at the instant itself or after is kept.</summary>
    public DateTime CutoffUtc(DateTime nowUtc) => nowUtc.AddDays(-Days);
}

/// <summary>
/// Deletes the audit entries older than <see cref="AuditRetention"/> in one statement, then records how many it removed.
/// This is the one place that deletes audit entries (AccessMatrixTests checks no other source file does); nothing
/// younger than the retention is ever touched.
/// </summary>
public sealed class AuditRetentionPurge(HarmonyDbContext db, AuditRetention retention, AuditLog audit)
{
    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var cutoff = retention.CutoffUtc(nowUtc);
        var purged = await db.AuditEntries.Where(a => a.AtUtc < cutoff).ExecuteDeleteAsync(ct);
        if (purged > 0)
        {
            audit.Add(AuditActions.AuditPurged, AuditOutcome.Success, "audit-log", null,
                $"审计日志保留 {retention.Days} 天期满：已删除 {cutoff:yyyy-MM-dd HH:mm:ss}（UTC）之前的 {purged} 条记录", userName: "system");
            await db.SaveChangesAsync(ct);
        }

        return purged;
    }
}
