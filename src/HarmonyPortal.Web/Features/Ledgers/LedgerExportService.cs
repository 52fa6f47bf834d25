using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Spreadsheets;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// Blank templates shaped like the official forms, and exports of a filtered list in the official
/// column order. Exports stream to a temporary file (memory stays flat), mask ID numbers except for
/// the owning region's own rows, and are audited.
/// </summary>
public sealed class LedgerExportService(HarmonyDbContext db, UserScope scope, PersonalDataProtector protector, AuditLog audit)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int ExportPageSize = 2_000;

    public Stream Template(ILedgerDefinition definition, int year)
    {
        var stream = TempFile();
        using (var writer = new XlsxWriter(stream, leaveOpen: true))
        {
            writer.StartSheet(new SheetSpec(definition.Title, LedgerSheetLayout.TemplateColumns(definition))
            {
                Title = definition.Title,
                Subtitle = $"填报单位：{scope.RegionName}{scope.UnitName}　　年度：{year}　　（{definition.Source}；带 * 的列必须填写，身份证号码列请保持文本格式）",
            });
        }

        stream.Position = 0;
        return stream;
    }

    public async Task<Stream> ExportAsync(ILedgerDefinition definition, LedgerListQuery query, CancellationToken ct)
    {
        LedgerQueryService.EnsureRegionFilterInScope(await db.LoadSubtreeAsync(scope, ct), query);
        query.AllowPhoneSearchIn(scope.RegionId);
        var stream = TempFile();
        var count = 0;
        var fullIdNumbers = 0;
        using (var writer = new XlsxWriter(stream, leaveOpen: true))
        {
            writer.StartSheet(new SheetSpec(definition.Title, LedgerSheetLayout.ExportColumns(definition))
            {
                Title = definition.Title,
                Subtitle = $"导出单位：{scope.RegionName}　　年度：{query.Year}　　导出时间：{DateTime.Now:yyyy-MM-dd HH:mm}",
            });
            IQueryable<LedgerRow> rows = definition.Filter(definition.Rows(db).InScope(scope), query, idNumberHashes: null).AsNoTracking().Include(r => r.Region);
            var cells = new List<CellValue>(definition.Fields.Count + 3);
            var full = 0;
            // Page by (region path, id) and finish each page before loading references (a mediator's organisation):
            // PostgreSQL refuses a second command while a reader is still open on the connection.
            (string Path, long Id)? last = null;
            List<LedgerRow> page;
            do
            {
                var next = rows;
                if (last is var (path, id))
                {
                    next = next.Where(r => string.Compare(r.Region.Path, path) > 0 || (r.Region.Path == path && r.Id > id));
                }

                page = await next.OrderBy(r => r.Region.Path).ThenBy(r => r.Id).Take(ExportPageSize).ToListAsync(ct);
                foreach (var row in page)
                {
                    await definition.LoadReferencesAsync(db, row, ct);
                    cells.Clear();
                    cells.Add(CellValue.Number(++count));
                    cells.Add(CellValue.Text(row.Region.Name));
                    full += LedgerExportCells.Add(cells, definition, row, scope.RegionId, protector) ? 1 : 0;
                    cells.Add(CellValue.Text(row.Status.Label()));
                    writer.WriteRow(cells);
                }

                last = page.Count > 0 ? (page[^1].Region.Path, page[^1].Id) : null;
            }
            while (page.Count == ExportPageSize);
            fullIdNumbers = full;
        }

        await audit.RecordAsync(AuditActions.LedgerExported, AuditOutcome.Success, LedgerWriteService.AuditType(definition), null,
            $"{query.Year}: {count} rows, full id numbers={fullIdNumbers}, region={query.RegionId}, kind={query.Kind}, status={query.Status}", ct: ct);
        stream.Position = 0;
        return stream;
    }

    private static FileStream TempFile() =>
        new(Path.Combine(Path.GetTempPath(), "harmony-" + Guid.NewGuid().ToString("N") + ".xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose);
}
