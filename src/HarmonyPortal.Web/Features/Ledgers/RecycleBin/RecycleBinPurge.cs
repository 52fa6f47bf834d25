using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers.RecycleBin;

/// <summary>
/// Removes for good the recycle bin's entries past their retention — ledger rows and deleted material drafts (with
/// their files) — each audited.
/// </summary>
public sealed class RecycleBinPurge(HarmonyDbContext db, RecycleBinOptions options, AuditLog audit)
{
    private const int Batch = 500;

    /// <summary>Purges every expired row at <paramref name="nowUtc"/>, in batches; returns how many it removed.</summary>
    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var cutoff = nowUtc.AddDays(-options.Days);
        var purged = 0;
        while (true)
        {
            var expired = await db.DeletedLedgerRows.Where(r => r.DeletedAtUtc <= cutoff).OrderBy(r => r.Id).Take(Batch).ToListAsync(ct);
            if (expired.Count == 0)
            {
                return purged + await PurgeMaterialsAsync(cutoff, ct);
            }

            foreach (var entry in expired)
            {
                db.DeletedLedgerRows.Remove(entry);
                audit.Add(AuditActions.LedgerPurged, AuditOutcome.Success, "ledger:" + entry.Ledger,
                    entry.RowId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"回收站保留 {options.Days} 天期满，已永久删除", regionId: entry.RegionId);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            purged += expired.Count;
        }
    }

    /// <summary>Deleted material drafts whose latest deletion is older than the cutoff; their files and history go with them.</summary>
    private async Task<int> PurgeMaterialsAsync(DateTime cutoff, CancellationToken ct)
    {
        var purged = 0;
        while (true)
        {
            var expired = await db.MaterialSubmissions.IgnoreQueryFilters()
                .Where(m => m.Status == Core.Materials.ReviewStatus.Deleted
                    && m.Events.Where(e => e.Action == Core.Materials.MaterialAction.Deleted).Max(e => e.AtUtc) <= cutoff)
                .OrderBy(m => m.Id).Take(Batch).ToListAsync(ct);
            if (expired.Count == 0)
            {
                return purged;
            }

            foreach (var material in expired)
            {
                db.MaterialSubmissions.Remove(material);
                audit.Add(AuditActions.MaterialPurged, AuditOutcome.Success, Core.Materials.MaterialSubmission.AuditObjectType,
                    material.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"材料草稿“{material.Title}”回收站保留 {options.Days} 天期满，已永久删除", regionId: material.RegionId);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            purged += expired.Count;
        }
    }
}
