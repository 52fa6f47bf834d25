using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Materials;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Dashboard;

/// <summary>
/// One material or indicator task a region owes in the year, with where it stands: its status
/// (<see cref="MaterialStatus"/>), its sent materials (drafts left out) or its latest indicator report, and for an
/// indicator the figure against the plan's target (<see cref="IndicatorQuotas.Judge"/>).
/// </summary>
public sealed record OwedItem(ExpectedSubmission Expected, RegionTaskStatus Status, IReadOnlyList<MaterialSubmission> Materials, IndicatorReport? Latest, string? Figure)
{
    public TaskKind Kind => Expected.Task.Kind;

    public Region Region => Expected.Region;

    /// <summary>"总结材料" for a material task, "指标" for an indicator.</summary>
    public string KindName => Expected.Task.Material is { } m ? RuleTexts.MaterialName(m) : Kind == TaskKind.Indicator ? "指标" : "材料";
}

/// <summary>
/// What a subtree owes upward in a year and where each item stands, read once for the dashboard's 材料与指标 card and
/// the year-end workbook's sheet of the same name, so the two agree.
/// </summary>
public static class MaterialsRollup
{
    /// <param name="known">
    /// The regions at and below <paramref name="root"/> (and those above it) as stored, when the caller has read them.
    /// </param>
    public static async Task<IReadOnlyList<OwedItem>> LoadAsync(
        HarmonyDbContext db, ExpectedSubmissions expected, UserScope scope, Region root, int year, CancellationToken ct,
        IReadOnlyCollection<Region>? known = null)
    {
        TaskKind[] kinds = [TaskKind.Material, TaskKind.Indicator];
        var owed = known is null ? await expected.ForSubtreeAsync(root, year, kinds, ct)
            : await expected.ForSubtreeAsync(root, known, year, kinds, ct);
        if (owed.Count == 0)
        {
            return [];
        }

        var ids = owed.Select(e => e.Region.Id).Distinct().ToList();
        var materials = await db.MaterialSubmissions.AsNoTracking().InScope(scope)
            .Where(m => m.Year == year && ids.Contains(m.RegionId) && m.Status != ReviewStatus.Draft && m.SubmittedAtUtc != null)
            .OrderBy(m => m.SubmittedAtUtc).ThenBy(m => m.Id).ToListAsync(ct);
        var reports = await db.IndicatorReports.AsNoTracking().InScope(scope)
            .Where(r => r.Year == year && ids.Contains(r.RegionId))
            .Select(r => new IndicatorReport
            {
                Id = r.Id, RegionId = r.RegionId, JurisdictionRegionId = r.JurisdictionRegionId, TaskId = r.TaskId, Year = r.Year, Value = r.Value, Unit = r.Unit, Label = r.Label,
                ReportedAtUtc = r.ReportedAtUtc, ReportedBy = r.ReportedBy, Status = r.Status, DueDate = r.DueDate, DaysLate = r.DaysLate, ReviewedBy = r.ReviewedBy, ReviewedAtUtc = r.ReviewedAtUtc,
            }).ToListAsync(ct);
        var materialsOf = materials.ToLookup(m => (m.RegionId, m.JurisdictionRegionId, m.TaskId));
        var reportsOf = reports.ToLookup(r => (r.RegionId, r.JurisdictionRegionId, r.TaskId));

        return owed.Select(e =>
        {
            var key = (e.Region.Id, e.JurisdictionRegionId, e.Task.Id);
            if (e.Task.Kind == TaskKind.Material)
            {
                var sent = materialsOf[key].ToList();
                return new OwedItem(e, MaterialStatus.OfMaterials(sent.Select(m => (m.Status, m.SubmittedAtUtc, m.DaysLate))), sent, null, null);
            }

            var all = reportsOf[key].ToList();
            var latest = all.OrderByDescending(r => r.ReportedAtUtc).ThenByDescending(r => r.Id).FirstOrDefault();
            var status = MaterialStatus.OfIndicator(latest is null ? null : (latest.Status, latest.ReportedAtUtc, latest.DaysLate), all.Count);
            return new OwedItem(e, status, [], latest, Figure(e, year, latest?.Value));
        }).ToList();
    }

    /// <summary>The figure against the target: "年培训劳动关系协调员人数 58 人，低于要求 60 人"; the figure alone when the task sets no target.</summary>
    public static string? Figure(ExpectedSubmission e, int year, decimal? value)
    {
        if (e.Task.Indicator is not { } indicator)
        {
            return null;
        }

        var quotas = IndicatorQuotas.Holding(e.Task, e.Region, e.JurisdictionRegionId, year) ?? [];
        if (quotas.Count > 0)
        {
            return string.Join("；", quotas.Select(q => IndicatorQuotas.Judge(indicator, q, value).Explanation));
        }

        return value is { } v ? $"{indicator.Label} {IndicatorQuotas.Amount(v, indicator.Unit)}" : $"{indicator.Label} 尚未报送";
    }
}
