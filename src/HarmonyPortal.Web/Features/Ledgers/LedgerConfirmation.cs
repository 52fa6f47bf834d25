using System.Globalization;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// The clerk confirms carried-forward rows (待复核) of the own region in bulk: all of the year's, or those the list's
/// current filter shows. Confirmed rows count toward quotas, the dashboard, the report and the year-end workbook;
/// unconfirmed ones do not. Each row gets its history line; all rows or none are confirmed.
/// </summary>
public sealed class LedgerConfirmation(HarmonyDbContext db, UserScope scope, AuditLog audit, PersonalDataProtector protector,
    Core.Reporting.LedgerYearLock yearLock, TimeProvider clock)
{
    /// <summary>The change a confirmation writes into each row's history.</summary>
    public const string HistoryDetails = "{\"状态\":[\"待复核\",\"正常\"]}";

    private const int Chunk = 500;

    /// <param name="query">The list's filter; only its year is used when <paramref name="all"/>.</param>
    /// <returns>Done, saying how many rows were confirmed; or refused with the reason.</returns>
    public async Task<ServiceResult> ConfirmAsync(ILedgerDefinition definition, LedgerListQuery query, bool all, CancellationToken ct)
    {
        if (!scope.CanWriteRecordsOf(scope.RegionId))
        {
            throw new WriteForbiddenException();
        }

        var year = query.Year!.Value;
        if (await yearLock.RefusalAsync(scope.RegionId, year, ct) is { } locked)
        {
            return ServiceResult.Refused(locked);
        }

        // Only the clerk's own region's rows: those it carried forward and may write.
        var filter = all ? new LedgerListQuery { Year = year } : query;
        var hash = definition.HasIdNumber && !all && IdNumber.TryParse(filter.Q, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), out var id, out _)
            ? protector.Hashes(id!.Normalized) : null;
        var ids = await definition.Filter(definition.Rows(db).Where(r => r.RegionId == scope.RegionId), filter, hash)
            .Where(r => r.Status == LedgerRowStatus.NeedsReview)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return ServiceResult.Refused(all ? $"{year} 年度本地区没有待复核的记录。" : "当前筛选条件下没有本地区待复核的记录。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var type = LedgerWriteService.AuditType(definition);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var part in ids.Chunk(Chunk))
            {
                var rows = await definition.Rows(db).Where(r => part.Contains(r.Id)).ToListAsync(ct);
                foreach (var row in rows.Where(r => r.Status == LedgerRowStatus.NeedsReview))
                {
                    (row.Status, row.Version, row.UpdatedAtUtc, row.UpdatedBy) = (LedgerRowStatus.Active, row.Version + 1, now, scope.UserName);
                    audit.Add(AuditActions.LedgerConfirmed, AuditOutcome.Success, type, row.Id.ToString(CultureInfo.InvariantCulture), HistoryDetails, regionId: row.RegionId);
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            audit.Add(AuditActions.LedgerConfirmed, AuditOutcome.Success, type, null,
                $"{year}: confirmed {ids.Count} ({(all ? "all" : "filtered")})", regionId: scope.RegionId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ServiceResult.Conflicted("确认期间有记录被他人修改或删除，未确认任何记录，请刷新后重试。");
        }

        return ServiceResult.Done($"已确认 {ids.Count} 条待复核记录，状态改为“正常”。");
    }
}
