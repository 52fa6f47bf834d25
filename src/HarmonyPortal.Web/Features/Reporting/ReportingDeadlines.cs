using HarmonyPortal.Core.Regions;
using HarmonyPortal.Web.Features.Rules;

namespace HarmonyPortal.Web.Features.Reporting;

/// <summary>The date by which a region reports its ledgers of a year, and where that date comes from.</summary>
public sealed record ReportingDeadline(DateOnly Date, string? Source)
{
    public bool IsDefault => Source is null;

    public string Explanation => Source is null
        ? $"报送期限 {Date:yyyy-MM-dd}（未配置报送期限，默认 12 月 20 日）"
        : $"报送期限 {Date:yyyy-MM-dd}（依据：{Source}）";

    /// <summary>Whole days after the deadline on <paramref name="day"/>; 0 on or before it.</summary>
    public int DaysLateOn(DateOnly day) => Math.Max(0, day.DayNumber - Date.DayNumber);

    public static ReportingDeadline Default(int year) => new(new DateOnly(year, 12, 20), null);
}

/// <summary>
/// Reporting deadlines are rules: the task <c>ledger-report</c> of the nearest jurisdiction up the region
/// chain that gives a deadline for the year; December 20 of the year when none does.
/// </summary>
public sealed class ReportingDeadlines(RuleSetCatalog catalog)
{
    public const string TaskId = "ledger-report";

    public async Task<ReportingDeadline> ForAsync(Region region, int year, CancellationToken ct) =>
        (await ForManyAsync([region], year, ct))[region.Id];

    public async Task<Dictionary<int, ReportingDeadline>> ForManyAsync(IReadOnlyCollection<Region> regions, int year, CancellationToken ct)
    {
        var chains = regions.ToDictionary(r => r.Id, r => Region.IdsLeafToRoot(r.Path));
        var latest = await catalog.InForceAsync(chains.Values.SelectMany(c => c).Distinct().ToList(), year, ct);
        return chains.ToDictionary(c => c.Key, c => Find(c.Value, latest, year) ?? ReportingDeadline.Default(year));
    }

    private static ReportingDeadline? Find(List<int> chainLeafToRoot, Dictionary<int, Core.Rules.RuleSetVersion> latest, int year)
    {
        foreach (var id in chainLeafToRoot)
        {
            if (!latest.TryGetValue(id, out var version))
            {
                continue;
            }

            var ruleSet = RuleSetCatalog.Parse(version);
            var deadline = ruleSet.Tasks.SelectMany(t => t.DeadlinesOf(Core.Rules.DeadlineStep.Ledger)).FirstOrDefault(d => d.Year == year && d.Ledger is null);
            if (deadline is not null)
            {
                return new ReportingDeadline(deadline.Date, $"{ruleSet.Name}（{ruleSet.Source}）{deadline.What}");
            }
        }

        return null;
    }
}
