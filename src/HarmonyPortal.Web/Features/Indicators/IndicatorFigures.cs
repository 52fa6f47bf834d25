using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Materials;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Indicators;

/// <summary>
/// The figures owed in a subtree in a year (<see cref="ExpectedSubmissions.ForSubtreeAsync"/>) with each region's
/// latest report, its verdict against the target, status, timeliness and evidence: the review table and the roll-up
/// read this one list.
/// </summary>
public sealed class IndicatorFigures(HarmonyDbContext db, UserScope scope, ExpectedSubmissions expected)
{
    /// <summary>The figures owed in the subtree of <paramref name="root"/>; <paramref name="keep"/> picks the owing regions.</summary>
    public async Task<IReadOnlyList<RegionFigure>> OfSubtreeAsync(Region root, int year, Func<Region, bool> keep, CancellationToken ct)
    {
        var owed = (await expected.ForSubtreeAsync(root, year, TaskKind.Indicator, ct)).Where(e => keep(e.Region)).ToList();
        var regionIds = owed.Select(e => e.Region.Id).Distinct().ToList();
        var reports = await db.IndicatorReports.AsNoTracking().InScope(scope).Where(r => r.Year == year && regionIds.Contains(r.RegionId)).ToListAsync(ct);
        var byKey = reports.GroupBy(r => (r.RegionId, r.JurisdictionRegionId, r.TaskId))
            .ToDictionary(g => g.Key, g => (Latest: g.MaxBy(r => r.Id)!, Count: g.Count()));
        var latestIds = byKey.Values.Select(v => v.Latest.Id).ToList();
        var evidence = await db.IndicatorEvidence.AsNoTracking().Where(e => latestIds.Contains(e.ReportId))
            .Select(e => new IndicatorEvidence { Id = e.Id, ReportId = e.ReportId, FileName = e.FileName, ContentType = e.ContentType, Size = e.Size })
            .ToListAsync(ct);
        var parentIds = owed.Select(e => e.Region.ParentId).OfType<int>().Distinct().ToList();
        var parents = await db.Regions.AsNoTracking().Where(r => parentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);

        return owed.Select(e =>
        {
            var found = byKey.TryGetValue((e.Region.Id, e.JurisdictionRegionId, e.Task.Id), out var f);
            var latest = found ? f.Latest : null;
            var status = MaterialStatus.OfIndicator(latest is null ? null : (latest.Status, latest.ReportedAtUtc, latest.DaysLate), found ? f.Count : 0);
            // A county belongs to its city; a city (or the province itself) is its own group.
            var group = e.Region.Level >= RegionLevel.County && e.Region.ParentId is { } p ? parents.GetValueOrDefault(p) : e.Region.Name;
            return new RegionFigure(year, e.Region.Id, e.Region.Name, group, e.JurisdictionRegionId, e.Task.Id, e.Task.Name, e.JurisdictionName, e.Task.Indicator!.Label, latest,
                Verdict(e, year, latest?.Value), status, e.DueText, e.Due,
                latest is null ? [] : evidence.Where(x => x.ReportId == latest.Id).OrderBy(x => x.Id).ToList());
        }).ToList();
    }

    /// <summary>The verdict of every quota holding the region, as one: unmet when any is unmet.</summary>
    private static IndicatorVerdict Verdict(ExpectedSubmission owed, int year, decimal? value)
    {
        var indicator = owed.Task.Indicator!;
        var quotas = IndicatorQuotas.Holding(owed.Task, owed.Region, owed.JurisdictionRegionId, year) ?? [];
        if (quotas.Count == 0)
        {
            return new IndicatorVerdict(null, value is { } v ? $"{indicator.Label} {IndicatorQuotas.Amount(v, indicator.Unit)}（规划未规定数量要求，备查）" : $"{indicator.Label} 尚未报送");
        }

        var verdicts = quotas.Select(q => IndicatorQuotas.Judge(indicator, q, value)).ToList();
        var met = verdicts.Any(v => v.Met == false) ? false : verdicts.All(v => v.Met == true) ? true : (bool?)null;
        return new IndicatorVerdict(met, string.Join("；", verdicts.Select(v => v.Explanation).Distinct()));
    }
}
