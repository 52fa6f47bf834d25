using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Materials;

/// <summary>
/// One thing a region owes upward in a year: a material or an indicator figure of a plan task, due by the plan's date
/// for its step or by the extension the level above granted it.
/// </summary>
public sealed record ExpectedSubmission(Region Region, RuleSetVersion Version, string JurisdictionName, RuleTask Task, DateOnly? PlanDue, string? DueWhat, DateOnly? Extended)
{
    public int JurisdictionRegionId => Version.RegionId;

    /// <summary>The date in force: the extension when granted, else the plan's.</summary>
    public DateOnly? Due => Extended ?? PlanDue;

    /// <summary>"2023-08-31（依据：三年行动总结材料报省）", with the extension named when one is in force; or 本级规则未规定报送期限.</summary>
    public string DueText => Due is not { } date ? SheetEvaluator.NoDeadline
        : Extended is not null ? $"{date:yyyy-MM-dd}（已延期，原期限 {PlanDue:yyyy-MM-dd}）"
        : $"{date:yyyy-MM-dd}（依据：{DueWhat}）";
}

/// <summary>
/// Which regions owe which material and indicator tasks in a year (<see cref="MaterialTasks"/>,
/// <see cref="IndicatorQuotas.Holding"/>), with their due dates and extensions: the submitter's page, the reviewer's
/// table, the roll-up, reminders, the dashboard and the year-end workbook all read this one list.
/// </summary>
public sealed class ExpectedSubmissions(HarmonyDbContext db, RuleSetCatalog catalog, UserScope scope)
{
    /// <summary>What one region owes in the year, of the given kind (material or indicator).</summary>
    public Task<IReadOnlyList<ExpectedSubmission>> ForRegionAsync(Region region, int year, TaskKind kind, CancellationToken ct) =>
        ForRegionsAsync([region], year, [kind], ct);

    /// <summary>
    /// What the open regions of a subtree owe in the year, root included (a reviewer's table keeps the regions whose
    /// parent is the reviewer's; a roll-up keeps them all). Towns owe nothing.
    /// </summary>
    public Task<IReadOnlyList<ExpectedSubmission>> ForSubtreeAsync(Region root, int year, TaskKind kind, CancellationToken ct) =>
        ForSubtreeAsync(root, year, [kind], ct);

    /// <summary>
    /// <see cref="ForSubtreeAsync(Region, int, TaskKind, CancellationToken)"/> of several kinds, kind after kind in the
    /// order given, from one read of the subtree's regions and plans.
    /// </summary>
    public async Task<IReadOnlyList<ExpectedSubmission>> ForSubtreeAsync(
        Region root, int year, IReadOnlyList<TaskKind> kinds, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().InSubtreeOf(root, scope).Where(Region.OpenIn(year))
            .Where(r => r.Level != RegionLevel.Town)
            .OrderBy(r => r.Level).ThenBy(r => r.SortOrder).ThenBy(r => r.Code).ToListAsync(ct);
        return await ForRegionsAsync(regions, year, kinds, ct);
    }

    /// <summary>
    /// <see cref="ForSubtreeAsync(Region, int, IReadOnlyList{TaskKind}, CancellationToken)"/> from regions already read
    /// by the caller, as stored: every region at or below <paramref name="root"/> (a root in the user's scope), and
    /// any others (those above it), where the plans' jurisdictions are looked up before the database.
    /// </summary>
    public Task<IReadOnlyList<ExpectedSubmission>> ForSubtreeAsync(
        Region root, IReadOnlyCollection<Region> known, int year, IReadOnlyList<TaskKind> kinds,
        CancellationToken ct) =>
        ForRegionsAsync(known.Where(r => r.IsInSubtreeOf(root.Path) && r.IsOpenIn(year) && r.Level != RegionLevel.Town)
            .OrderBy(r => r.Level).ThenBy(r => r.SortOrder).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(),
            year, kinds, ct, known);

    private async Task<IReadOnlyList<ExpectedSubmission>> ForRegionsAsync(
        IReadOnlyList<Region> regions, int year, IReadOnlyList<TaskKind> kinds, CancellationToken ct,
        IReadOnlyCollection<Region>? known = null)
    {
        if (kinds.Any(k => k is not (TaskKind.Material or TaskKind.Indicator)))
        {
            throw new ArgumentOutOfRangeException(nameof(kinds), string.Join(", ", kinds), "only materials and indicators are submitted");
        }

        var chains = await catalog.ChainsAsync(regions, year, ct);
        var inForce = chains.Values.SelectMany(c => c).Select(c => c.Version.RegionId).Distinct().ToList();
        var jurisdictions = known?.Where(r => inForce.Contains(r.Id)).ToDictionary(r => r.Id) ?? [];
        if (jurisdictions.Count < inForce.Count)
        {
            jurisdictions = await db.Regions.AsNoTracking().Where(r => inForce.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, ct);
        }

        var extensions = await db.TaskDeadlineExtensions.AsNoTracking().Where(e => e.Year == year && chains.Keys.Contains(e.RegionId)).ToListAsync(ct);
        var latest = extensions.GroupBy(e => (e.RegionId, e.JurisdictionRegionId, e.TaskId)).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!.NewDate);

        var expected = new List<ExpectedSubmission>();
        foreach (var (kind, region) in kinds.SelectMany(k => regions.Select(r => (k, r))))
        {
            foreach (var (set, version) in chains[region.Id])
            {
                var id = version.RegionId;
                var jurisdiction = jurisdictions[id];
                foreach (var task in set.Tasks.Where(t => t.Kind == kind))
                {
                    var holds = kind == TaskKind.Material
                        ? MaterialTasks.Holds(task, region, jurisdiction, year)
                        : IndicatorQuotas.Holding(task, region, jurisdiction.Id, year) is not null;
                    if (!holds)
                    {
                        continue;
                    }

                    // A plan continuing past its period keeps its yearly requirements, not its dated deadlines.
                    var due = version.Governs(year) ? MaterialTasks.DueDate(task, year, region.Level) : null;
                    expected.Add(new ExpectedSubmission(region, version, jurisdiction.Name, task, due?.Date, due?.What,
                        latest.TryGetValue((region.Id, id, task.Id), out var extended) ? extended : null));
                }
            }
        }

        return expected;
    }
}
