using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Rules;

/// <summary>
/// One quota of one plan binding one region (or one member unit of it), with what was achieved over the years the
/// quota counts: nominees approved (honours), ledger rows (counts, optionally filtered), the share of rows matching
/// (shares), a reported figure (indicators).
/// </summary>
public sealed record QuotaAchievement(Region Region, string? MemberUnit, RuleSet Plan, bool Inherited, RuleTask Task, Quota Quota,
    IReadOnlyList<int> Years, int Achieved, int? Total, int? Nominated, QuotaJudgement Judgement)
{
    public int Required => Quota.Min ?? Quota.Max ?? 0;

    public int Shortfall => Quota.Min is { } min ? Math.Max(0, min - Achieved) : 0;

    public string Holder => MemberUnit is null ? Region.Name : $"{Region.Name}{MemberUnit}";
}

/// <summary>Nominations of one region, city decision, honour, year and tier; the prefetch reads all at once.</summary>
internal sealed record NominationGroup(
    int RegionId, Decision CityDecision, GoldCategory Category, string HonourTaskId, int Year, string? Tier, int Count);

/// <summary>A proposed version of a jurisdiction's plan, measured in place of the stored one (what publishing it would change).</summary>
public sealed record PlanOverride(int RegionId, RuleSet Plan);

/// <summary>
/// Measures every quota of the plans governing a year that binds a region or the regions below it, whatever the task's
/// kind: shared by the home page's progress, the dashboard and the year-end summary. The region's own plan comes first;
/// the plans above it count too while each plan below inherits quotas (山西's "各市每年…" binds 忻州 even if 忻州 has a plan).
/// </summary>
public sealed class TaskQuotas(HarmonyDbContext db, RuleSetCatalog catalog, Ledgers.LedgerRollup rollups)
{
    private readonly Dictionary<string, (int Count, int? Nominated)> measured = [];

    private readonly Dictionary<int, List<Core.Offices.MemberUnit>> unitsOf = [];

    /// <summary>
    /// The plans whose quotas bind <paramref name="own"/> in the year, nearest first, with whether each is inherited, from
    /// the region's chain of plans already read (<see cref="RuleSetCatalog.ChainsAsync"/>); with <paramref name="proposed"/>,
    /// its plan stands in for the jurisdiction's stored one (see <see cref="WithProposed"/>).
    /// </summary>
    private static List<(RuleSet Plan, RuleSetVersion Version, bool Inherited)> PlansAlong(
        Region own, IReadOnlyList<(RuleSet RuleSet, RuleSetVersion Version)> chain, int year, PlanOverride? proposed)
    {
        var result = new List<(RuleSet, RuleSetVersion, bool)>();
        var ids = Region.IdsLeafToRoot(own.Path);
        foreach (var (plan, version) in proposed is null ? chain : WithProposed(chain, ids, proposed, year))
        {
            result.Add((plan, version, result.Count > 0));
            if (!plan.Inherits.Quotas)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>
    /// Each quota binding one of <paramref name="regions"/> (or a member unit of it), from the plans governing the year up
    /// that region's own chain (a province without a plan still sees the quotas its cities' plans set them), measured for
    /// <paramref name="year"/>; with <paramref name="only"/>, just the quotas it keeps.
    /// </summary>
    public async Task<IReadOnlyList<QuotaAchievement>> AchievedAsync(IEnumerable<Region> regions, int year, CancellationToken ct, PlanOverride? proposed = null,
        Func<RuleSet, RuleTask, Quota, bool>? only = null)
    {
        var result = new List<QuotaAchievement>();
        var measuredRegions = regions.ToList();
        // Every region's chain of plans in one read, not one per region.
        var chains = await catalog.ChainsAsync(measuredRegions, year, ct);
        await PrefetchAsync(measuredRegions, chains, year, proposed, only, ct);
        foreach (var region in measuredRegions)
        {
            foreach (var (plan, version, inherited) in PlansAlong(region, chains[region.Id], year, proposed))
            {
                foreach (var task in plan.Tasks.Where(t => t.Kind is not (TaskKind.DisplayOnly or TaskKind.Material or TaskKind.Coverage)))
                {
                    foreach (var quota in task.Quotas.Where(q => (QuotaScopes.Binds(q, region) || QuotaScopes.BindsUnitOf(q, region)) && (only is null || only(plan, task, q))))
                    {
                        var years = QuotaScopes.YearsCounted(quota, plan, year);
                        if (years.Count > 0)
                        {
                            result.Add(await MeasureAsync(region, plan, version.RegionId, inherited, task, quota, years, year, ct));
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The filtered row counts and the nominations that <see cref="AchievedAsync"/> will ask for each of several
    /// regions lying under one of them (a region and its children: the dashboard, the home page), read with one
    /// grouped query per measure over that region's subtree instead of one count per region (a city's dashboard on
    /// the demo data sent 47 such counts), and added up per region by path into the same cache
    /// <see cref="RowsAsync"/> and <see cref="NominationsAsync"/> read. Member units' quotas are left to them.
    /// </summary>
    private async Task PrefetchAsync(
        List<Region> regions, Dictionary<int, IReadOnlyList<(RuleSet RuleSet, RuleSetVersion Version)>> chains,
        int year, PlanOverride? proposed, Func<RuleSet, RuleTask, Quota, bool>? only, CancellationToken ct)
    {
        var root = regions.FirstOrDefault(r => regions.All(o => o.IsInSubtreeOf(r.Path)));
        if (root is null || regions.Count < 2)
        {
            return;
        }

        var rows = new HashSet<(LedgerMeasure Measure, string Years)>();
        var honours = new HashSet<(GoldCategory Category, string Honour, string Years, string? Tier)>();
        foreach (var region in regions)
        {
            foreach (var (plan, _, _) in PlansAlong(region, chains[region.Id], year, proposed))
            {
                foreach (var task in plan.Tasks)
                {
                    foreach (var quota in task.Quotas.Where(q => q.MemberUnit is null && QuotaScopes.Binds(q, region)
                        && (only is null || only(plan, task, q))))
                    {
                        var years = YearsText(QuotaScopes.YearsCounted(quota, plan, year));
                        if (years.Length == 0)
                        {
                            continue;
                        }

                        if (task.Kind is TaskKind.LedgerCount or TaskKind.LedgerShare
                            && task.Measure is { Filtered: true } m)
                        {
                            rows.Add((m, years));
                        }
                        else if (task.Kind == TaskKind.Honour && task.Honour is { } honour)
                        {
                            honours.Add(honour.Category is { } c ? (c, "", years, quota.Tier)
                                : (OfficeHonour.Category, task.Id, years, quota.Tier));
                        }
                    }
                }
            }
        }

        if (rows.Count == 0 && honours.Count == 0)
        {
            return;
        }

        var paths = await rollups.PathsOf(root.Path, ct);
        List<int> YearsOf(string text) =>
            text.Split(',').Select(y => int.Parse(y, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var (measure, yearText) in rows)
        {
            var years = YearsOf(yearText);
            var ledger = LedgerCatalog.Find(measure.Ledger)!;
            var counts = (await MeasureFilter.Apply(ledger.Rows(db).AsNoTracking(), ledger, measure)
                .InSubtreeOf(db.Regions, root.Path)
                .Where(r => years.Contains(r.Year) && r.Status == Core.Ledgers.LedgerRowStatus.Active)
                .GroupBy(r => r.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(c => KeyValuePair.Create((measure, c.Key), c.Count));
            var totals = SubtreeTotals.Of(paths, counts);
            foreach (var region in regions)
            {
                var count = totals.GetValueOrDefault((measure, region.Id));
                measured.TryAdd(RowsKey(measure, region.Path, yearText, null), (count, null));
            }
        }

        // Every honour's nominations in one read, grouped finely enough to pick each honour's out of it below.
        var categories = honours.Select(h => h.Category).Distinct().ToList();
        var honourIds = honours.Select(h => h.Honour).Distinct().ToList();
        var anyYear = honours.SelectMany(h => YearsOf(h.Years)).Distinct().ToList();
        var nominations = honours.Count == 0 ? [] : await db.Nominations.InSubtreeOf(root.Path)
            .Where(n => categories.Contains(n.Category) && honourIds.Contains(n.HonourTaskId)
                && anyYear.Contains(n.Year))
            .GroupBy(n => new { n.RegionId, n.CityDecision, n.Category, n.HonourTaskId, n.Year, n.Tier })
            .Select(g => new NominationGroup(g.Key.RegionId, g.Key.CityDecision, g.Key.Category,
                g.Key.HonourTaskId, g.Key.Year, g.Key.Tier, g.Count()))
            .ToListAsync(ct);
        foreach (var (category, honour, yearText, tier) in honours)
        {
            var years = YearsOf(yearText);
            var counts = nominations
                .Where(n => n.Category == category && n.HonourTaskId == honour && years.Contains(n.Year)
                    && (tier == null || n.Tier == tier))
                .SelectMany(c => new[]
                {
                    KeyValuePair.Create((Approved: false, c.RegionId), c.Count),
                    KeyValuePair.Create((Approved: true, c.RegionId), c.CityDecision == Decision.Yes ? c.Count : 0),
                });
            var totals = SubtreeTotals.Of(paths, counts);
            foreach (var region in regions)
            {
                var approved = totals.GetValueOrDefault((true, region.Id));
                var nominated = totals.GetValueOrDefault((false, region.Id));
                measured.TryAdd(GoldKey(category, honour, region.Path, yearText, null, tier), (approved, nominated));
            }
        }
    }

    /// <summary>
    /// The chain of plans governing <paramref name="year"/> (leaf first) with the proposed plan in place of its jurisdiction's
    /// stored one: where the proposed plan's period holds the year, or the stored plan in force is the same plan (the same first
    /// year) continuing after its period. A jurisdiction without a stored plan for the year gets the proposed one in its place.
    /// </summary>
    public static IReadOnlyList<(RuleSet RuleSet, RuleSetVersion Version)> WithProposed(
        IReadOnlyList<(RuleSet RuleSet, RuleSetVersion Version)> chain, IReadOnlyList<int> regionIdsLeafToRoot, PlanOverride proposed, int year)
    {
        if (!regionIdsLeafToRoot.Contains(proposed.RegionId))
        {
            return chain;
        }

        var stored = chain.Where(c => c.Version.RegionId == proposed.RegionId).Select(c => ((RuleSet, RuleSetVersion)?)c).FirstOrDefault();
        if (!proposed.Plan.Governs(year) && stored?.Item2.FromYear != proposed.Plan.FromYear)
        {
            return chain;
        }

        var version = new RuleSetVersion { RegionId = proposed.RegionId, FromYear = proposed.Plan.FromYear, ToYear = proposed.Plan.ToYear, Name = proposed.Plan.Name };
        return regionIdsLeafToRoot
            .Select(id => id == proposed.RegionId ? (proposed.Plan, version) : chain.FirstOrDefault(c => c.Version.RegionId == id))
            .Where(c => c.Item1 is not null)
            .ToList();
    }

    private async Task<QuotaAchievement> MeasureAsync(Region region, RuleSet plan, int jurisdictionId, bool inherited, RuleTask task, Quota quota, IReadOnlyList<int> years, int year, CancellationToken ct)
    {
        var final = QuotaScopes.IsFinal(quota, plan, year);
        QuotaAchievement Result(int achieved, int? total, int? nominated, QuotaJudgement judgement) =>
            new(region, quota.MemberUnit, plan, inherited, task, quota, years, achieved, total, nominated, judgement);

        int? unitId = null;
        if (quota.MemberUnit is { } unitName)
        {
            if (!unitsOf.TryGetValue(region.Id, out var units))
            {
                unitsOf[region.Id] = units = await db.MemberUnits.AsNoTracking().Where(u => u.RegionId == region.Id).ToListAsync(ct);
            }

            if (Core.Offices.MemberUnits.Named(units, unitName) is not { } unit)
            {
                return Result(0, null, null, new QuotaJudgement(QuotaStatus.Unknown, $"{region.Name}没有成员单位“{unitName}”，配额无法计量"));
            }

            unitId = unit.Id;
        }

        switch (task.Kind)
        {
            case TaskKind.Honour when task.Honour is { } honour:
            {
                // An office-defined honour (no gold category) is counted by its task id (ADR 0026).
                var (approved, nominated) = honour.Category is { } category
                    ? await NominationsAsync(category, "", region.Path, years, unitId, quota.Tier, ct)
                    : await NominationsAsync(OfficeHonour.Category, task.Id, region.Path, years, unitId, quota.Tier, ct);
                return Result(approved, null, nominated, quota.Share is null
                    ? QuotaJudgement.Count(quota, approved, final)
                    : new QuotaJudgement(QuotaStatus.Unknown, "选树任务不按比例计量"));
            }

            case TaskKind.LedgerCount when task.Measure is { } m:
            {
                var count = await RowsAsync(m, region.Path, years, unitId, ct);
                return Result(count, null, null, QuotaJudgement.Count(quota, count, final));
            }

            case TaskKind.LedgerShare when task.Measure is { } m:
            {
                var matching = await RowsAsync(m, region.Path, years, unitId, ct);
                var total = await RowsAsync(m with { Field = null, Value = null }, region.Path, years, unitId, ct);
                return Result(matching, total, null, QuotaJudgement.Share(quota, matching, total, final));
            }

            case TaskKind.Indicator when task.Indicator is { } indicator:
            {
                // A figure is reported for a year: the year looked at is the one compared.
                var value = await Core.Indicators.IndicatorReports.LatestAsync(db, region.Id, jurisdictionId, task.Id, year, ct);
                var verdict = Core.Indicators.IndicatorQuotas.Judge(indicator, quota, value);
                var status = verdict.Met switch { true => QuotaStatus.Met, false => final ? QuotaStatus.Shortfall : QuotaStatus.InProgress, null => QuotaStatus.Unknown };
                return Result(value is { } v ? (int)Math.Round(v) : 0, null, null, new QuotaJudgement(status, verdict.Explanation));
            }

            default:
                return Result(0, null, null, new QuotaJudgement(QuotaStatus.Unknown, "待报送"));
        }
    }

    /// <summary>The years a quota counts, as <see cref="measured"/>'s keys hold them.</summary>
    private static string YearsText(IEnumerable<int> years) => string.Join(",", years);

    /// <summary>The key of a row count in <see cref="measured"/>: <see cref="RowsAsync"/> and the prefetch.</summary>
    private static string RowsKey(LedgerMeasure measure, string path, string years, int? unitId) =>
        $"rows|{measure}|{path}|{years}|{unitId}";

    /// <summary>
    /// The key of a nomination count in <see cref="measured"/>: <see cref="NominationsAsync"/> and the prefetch.
    /// </summary>
    private static string GoldKey(
        GoldCategory category, string honour, string path, string years, int? unitId, string? tier) =>
        $"gold|{category}|{honour}|{path}|{years}|{unitId}|{tier}";

    /// <summary>
    /// Rows of the measure's ledger in the subtree over the years (or those a member unit is responsible for): the database's
    /// counters when unfiltered and for the whole office, else a count of the rows.
    /// </summary>
    private async Task<int> RowsAsync(LedgerMeasure measure, string path, IReadOnlyList<int> years, int? unitId, CancellationToken ct)
    {
        var key = RowsKey(measure, path, YearsText(years), unitId);
        if (measured.TryGetValue(key, out var known))
        {
            return known.Count;
        }

        int count;
        if (!measure.Filtered && unitId is null)
        {
            count = 0;
            foreach (var y in years)
            {
                count += (await rollups.ForSubtreeAsync(path, y, ct)).OfSubtree(measure.Ledger, path);
            }
        }
        else
        {
            var ledger = LedgerCatalog.Find(measure.Ledger)!;
            // Through the subtree's region ids: a seek per region on the ledger's (RegionId, Year, …) index.
            var rows = MeasureFilter.Apply(ledger.Rows(db).AsNoTracking(), ledger, measure)
                .InSubtreeOf(db.Regions, path)
                .Where(r => years.Contains(r.Year) && r.Status == Core.Ledgers.LedgerRowStatus.Active);
            count = await (unitId is { } unit ? rows.Where(r => r.UnitId == unit) : rows).CountAsync(ct);
        }

        measured[key] = (count, null);
        return count;
    }

    /// <summary>The nominees of the years in the region's subtree (or a member unit's; of one tier when given), and how many of them the city approved.</summary>
    private async Task<(int Approved, int? Nominated)> NominationsAsync(GoldCategory category, string honour, string path, IReadOnlyList<int> years, int? unitId, string? tier, CancellationToken ct)
    {
        var key = GoldKey(category, honour, path, YearsText(years), unitId, tier);
        if (measured.TryGetValue(key, out var known))
        {
            return known;
        }

        var counts = await db.Nominations.InSubtreeOf(path).Where(n => n.Category == category && n.HonourTaskId == honour && years.Contains(n.Year) && (unitId == null || n.UnitId == unitId) && (tier == null || n.Tier == tier))
            .GroupBy(n => n.CityDecision).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var result = (counts.Where(c => c.Key == Decision.Yes).Sum(c => c.Count), (int?)counts.Sum(c => c.Count));
        measured[key] = result;
        return result;
    }
}
