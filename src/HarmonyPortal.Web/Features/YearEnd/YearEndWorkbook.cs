using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Spreadsheets;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Web.Features.Coverage;
using HarmonyPortal.Web.Features.Ledgers;
using HarmonyPortal.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.YearEnd;

/// <summary>
/// The year-end summary workbook of a region (province, city or county) and a year: a summary sheet of quotas per
/// child region and task (and coverage targets), one sheet per ledger with every row of the subtree, and one sheet per gold category (and per office-defined honour published that year) with
/// the published list. Rows stream from the database by key, page after page, straight into the forward-only
/// <see cref="XlsxWriter"/>: memory stays flat whatever the number of rows. ID numbers are masked exactly as the
/// ledger export masks them (<see cref="LedgerExportCells"/>). The caller passes the scope: jobs run without a request.
/// </summary>
public sealed class YearEndWorkbook(HarmonyDbContext db, PersonalDataProtector protector, TaskQuotas quotas, CoverageService coverage, RuleSetCatalog catalog, TimeProvider clock)
{
    /// <summary>Rows read per query: large enough that the queries cost little, small enough that memory stays flat.</summary>
    public const int PageSize = 2000;

    public const string SummarySheetName = "汇总";

    /// <summary>Ledger rows of the year in the scope's subtree: what the job's progress counts up to.</summary>
    public async Task<long> CountRowsAsync(UserScope scope, int year, CancellationToken ct)
    {
        long total = 0;
        foreach (var definition in LedgerCatalog.All)
        {
            total += await definition.Rows(db).InScope(scope).LongCountAsync(r => r.Year == year && r.Status == LedgerRowStatus.Active, ct);
        }

        return total;
    }

    /// <summary>
    /// Writes the workbook to <paramref name="output"/> (left open). <paramref name="progress"/> is called after each
    /// page with the ledger rows written so far, when no query is running, so it may use the same database.
    /// </summary>
    public async Task<long> WriteAsync(UserScope scope, int year, Stream output, Func<long, CancellationToken, Task>? progress, CancellationToken ct)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var own = await db.Regions.SingleAsync(r => r.Id == scope.RegionId, ct);
        var subtree = await db.Regions.InScope(scope).ToListAsync(ct);
        await RegionNames.ApplyYearAsync(db, subtree, year, ct); // old years' workbooks carry the names of that year
        var regions = new YearEndRegions(subtree.Single(r => r.Id == own.Id), subtree);
        var office = $"印发单位：{own.Name}协调劳动关系三方办公室　　日期：{clock.GetLocalNow():yyyy年M月d日}";
        long written = 0;
        using var writer = new XlsxWriter(output, leaveOpen: true);

        await WriteSummaryAsync(writer, regions, year, office, ct);
        foreach (var definition in LedgerCatalog.All)
        {
            writer.StartSheet(new SheetSpec(definition.Title, [new ColumnSpec(LedgerSheetLayout.SerialHeader, 6), .. regions.Columns,
                .. definition.Fields.Select(LedgerSheetLayout.Column), new ColumnSpec("状态", 8)])
            {
                Title = $"{regions.Own.Name} {year} 年度{definition.Title}", // the name of that year; the office line below is today's
                Subtitle = office,
            });
            written = await WriteLedgerAsync(writer, definition, scope, regions, year, written, progress, ct);
        }

        foreach (var category in Enum.GetValues<GoldCategory>())
        {
            await WriteHonourListAsync(writer, category, "", Core.Nominations.GoldRules.CategoryName(category), scope, regions, year, office, ct);
        }

        // The plans' own honours (ADR 0026) with a published list in the subtree this year: one sheet each, as the plan titles it.
        foreach (var (honour, title) in await OfficeHonourTitlesAsync(scope, subtree, year, ct))
        {
            await WriteHonourListAsync(writer, OfficeHonour.Category, honour, title, scope, regions, year, office, ct);
        }

        // 材料与指标 (issue 18): what the subtree owes upward and where it stands, as the dashboard's card shows it.
        var owed = await Dashboard.MaterialsRollup.LoadAsync(db, new Materials.ExpectedSubmissions(db, catalog, scope), scope, own, year, ct);
        YearEndMaterialsSheet.Write(writer, owed, regions, year, office, clock.LocalTimeZone);

        return written;
    }

    private async Task WriteSummaryAsync(XlsxWriter writer, YearEndRegions regions, int year, string office, CancellationToken ct)
    {
        writer.StartSheet(new SheetSpec(SummarySheetName, [
            new ColumnSpec("序号", 6), new ColumnSpec("地区", 16), new ColumnSpec("任务", 30), new ColumnSpec("单位", 6),
            new ColumnSpec("配额", 8) { Format = CellFormat.Integer }, new ColumnSpec("完成", 8) { Format = CellFormat.Integer },
            new ColumnSpec("差额", 8) { Format = CellFormat.Integer }, new ColumnSpec("是否完成", 10), new ColumnSpec("依据", 40),
        ])
        {
            Title = $"{regions.Own.Name} {year} 年度协调劳动关系工作年终汇总表",
            Subtitle = office,
        });
        var children = regions.Regions.Where(r => r.ParentId == regions.Own.Id && r.Level != RegionLevel.Town).OrderBy(r => r.SortOrder).ToList();
        var serial = 0;
        var achieved = await quotas.AchievedAsync(children.Prepend(regions.Own), year, ct);
        if (achieved.Count == 0)
        {
            writer.WriteRow([CellValue.Empty, CellValue.Text(regions.Own.Name), CellValue.Text($"{year} 年度无适用的配额")]);
        }

        foreach (var a in achieved)
        {
            var basis = $"{a.Plan.Name}（{a.Plan.PeriodText}{(a.Plan.Governs(year) ? "" : "，规划期已结束")}{(a.Inherited ? "，上级规划" : "")}）";
            writer.WriteRow([
                CellValue.Number(++serial), CellValue.Text(a.Holder), CellValue.Text(a.Task.Name), CellValue.Text(a.Quota.Unit),
                a.Quota.Min is { } min ? CellValue.Number(min) : CellValue.Empty, CellValue.Number(a.Achieved), CellValue.Number(a.Shortfall),
                CellValue.Text(a.Judgement.Status switch { QuotaStatus.Met => "已完成", QuotaStatus.InProgress => "进行中", QuotaStatus.Unknown => "未计量", _ => "未完成" }),
                CellValue.Text($"{RuleTexts.Period(a.Quota)} {RuleTexts.Requirement(a.Quota, a.Task)}；{basis}：{a.Judgement.Explanation}"),
            ]);
        }

        await WriteCoverageAsync(writer, regions, children, year, serial, ct);
    }

    /// <summary>Coverage targets as summary rows (配额 = units registered, 完成 = units covered), for rows that registered any unit.</summary>
    private async Task WriteCoverageAsync(XlsxWriter writer, YearEndRegions regions, List<Region> children, int year, int serial, CancellationToken ct)
    {
        var rowOf = regions.Regions.ToDictionary(r => r.Id, r => children.FirstOrDefault(c => r.IsInSubtreeOf(c.Path))?.Id ?? regions.Own.Id);
        var page = await coverage.PageAsync(regions.Own, year, rowOf, ct);
        foreach (var row in children.Prepend(regions.Own))
        {
            foreach (var target in page.Targets)
            {
                var f = page.Figure(row.Id, target.Units);
                if (f.Total > 0)
                {
                    writer.WriteRow([
                        CellValue.Number(++serial), CellValue.Text(row.Name), CellValue.Text($"{target.Name}（{(target.Share >= 1 ? "每个" : target.ShareText + target.UnitsName)}至少 {target.MinCoordinators} 名）"), CellValue.Text("个"),
                        CellValue.Number(f.Total), CellValue.Number(f.Covered), CellValue.Number(f.Total - f.Covered),
                        CellValue.Text(target.IsMet(f) ? "已完成" : "未完成"), CellValue.Text(page.RuleSetName ?? "每个单位至少 1 名在任协调员"),
                    ]);
                }
            }
        }
    }

    private async Task<long> WriteLedgerAsync(XlsxWriter writer, ILedgerDefinition definition, UserScope scope, YearEndRegions regions, int year,
        long written, Func<long, CancellationToken, Task>? progress, CancellationToken ct)
    {
        var cells = new List<CellValue>(definition.Fields.Count + regions.Levels.Count + 2);
        var serial = 0;
        foreach (var region in regions.Regions)
        {
            var regionId = region.Id;
            long after = 0;
            while (true)
            {
                // Keyset paging on the (RegionId, Year, Id) index: every page costs the same, however deep. Carried-forward
                // rows not yet confirmed (待复核) are not part of the year's figures.
                var page = await definition.Rows(db)
                    .Where(r => r.RegionId == regionId && r.Year == year && r.Id > after && r.Status == LedgerRowStatus.Active)
                    .OrderBy(r => r.Id).Take(PageSize).ToListAsync(ct);
                foreach (var row in page)
                {
                    await definition.LoadReferencesAsync(db, row, ct);
                    cells.Clear();
                    cells.Add(CellValue.Number(++serial));
                    regions.AddCells(cells, row.RegionId);
                    LedgerExportCells.Add(cells, definition, row, scope.RegionId, protector);
                    cells.Add(CellValue.Text(row.Status.Label()));
                    writer.WriteRow(cells);
                }

                written += page.Count;
                if (page.Count > 0 && progress is not null)
                {
                    await progress(written, ct);
                }

                if (page.Count < PageSize)
                {
                    break;
                }

                after = page[^1].Id;
            }
        }

        return written;
    }

    /// <summary>The office-defined honours published in the subtree in the year, with their titles from the plan governing a nominee's region.</summary>
    private async Task<IReadOnlyList<(string Honour, string Title)>> OfficeHonourTitlesAsync(UserScope scope, IReadOnlyList<Region> subtree, int year, CancellationToken ct)
    {
        var published = await db.Nominations
            .Where(Nomination.OnPublishedList)
            .InScope(scope).Where(n => n.Category == OfficeHonour.Category && n.Year == year)
            .GroupBy(n => n.HonourTaskId)
            .Select(g => new { Honour = g.Key, RegionId = g.Min(n => n.RegionId) })
            .ToListAsync(ct);
        var lookup = new Core.Nominations.GoldRuleLookup(catalog);
        var titles = new List<(string, string)>();
        foreach (var p in published.OrderBy(p => p.Honour, StringComparer.Ordinal))
        {
            var rules = await lookup.ForAsync(subtree.Single(r => r.Id == p.RegionId), OfficeHonour.Category, year, ct, p.Honour);
            titles.Add((p.Honour, rules.Title));
        }

        return titles;
    }

    private async Task WriteHonourListAsync(XlsxWriter writer, GoldCategory category, string honour, string name, UserScope scope, YearEndRegions regions, int year, string office, CancellationToken ct)
    {
        writer.StartSheet(new SheetSpec(name, [
            new ColumnSpec("序号", 6), .. regions.Columns, new ColumnSpec(category == GoldCategory.Coordinator ? "姓名" : "名称", 24),
            new ColumnSpec("批次", 8), new ColumnSpec("主要事迹", 60), new ColumnSpec("省级意见", 20),
        ])
        {
            Title = $"{regions.Own.Name} {year} 年度{name}入选名单",
            Subtitle = office,
        });

        // The published list: nominees selected on a list the selecting level (province, city or county) has published.
        var selected = await db.Nominations
            .Where(Nomination.OnPublishedList)
            .InScope(scope).Where(n => n.Category == category && n.HonourTaskId == honour && n.Year == year)
            .OrderBy(n => n.Region.Path).ThenBy(n => n.Batch).ThenBy(n => n.Id)
            .Select(n => new { n.RegionId, n.Name, n.Batch, n.Narrative, n.ProvinceReason })
            .ToListAsync(ct);
        var cells = new List<CellValue>();
        var serial = 0;
        foreach (var n in selected)
        {
            cells.Clear();
            cells.Add(CellValue.Number(++serial));
            regions.AddCells(cells, n.RegionId);
            cells.Add(CellValue.Text(n.Name));
            cells.Add(CellValue.Text(Core.Nominations.GoldRules.BatchName(n.Batch)));
            cells.Add(CellValue.Text(n.Narrative));
            cells.Add(CellValue.Text(n.ProvinceReason));
            writer.WriteRow(cells);
        }
    }
}
