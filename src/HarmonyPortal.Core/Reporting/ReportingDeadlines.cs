using System.Text.Json;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Reporting;

/// <summary>One ledger's reporting deadline of a year and where it comes from; no date when no plan sets one.</summary>
public sealed record LedgerDeadline(string Ledger, string Title, DateOnly? Date, string? Source)
{
    public string Explanation => Date is { } date ? $"报送期限 {date:yyyy-MM-dd}（依据：{Source}）" : SheetEvaluator.NoDeadline;

    /// <summary>Whole days after the deadline on <paramref name="day"/>; 0 on or before it, and when there is no deadline.</summary>
    public int DaysLateOn(DateOnly day) => Date is { } date ? Math.Max(0, day.DayNumber - date.DayNumber) : 0;
}

/// <summary>
/// The reporting deadlines of a region's ledgers of a year, one per ledger (the ledgers are reported together, each
/// due on its own date). A ledger no plan gives a date has none: the page says "本级规则未规定报送期限" and no
/// lateness is computed for it.
/// </summary>
public sealed record ReportingDeadline(IReadOnlyList<LedgerDeadline> Ledgers)
{
    /// <summary>No ledger has a deadline.</summary>
    public bool IsNone => Ledgers.All(l => l.Date is null);

    /// <summary>Every ledger shares one date and source: the page shows one line.</summary>
    public bool IsUniform => Ledgers.Select(l => (l.Date, l.Source)).Distinct().Count() == 1;

    /// <summary>The earliest date of any ledger: the one a report is latest against; null when none has a date.</summary>
    public DateOnly? Earliest => Ledgers.Min(l => l.Date);

    public string Explanation => IsNone ? SheetEvaluator.NoDeadline
        : IsUniform ? Ledgers[0].Explanation
        : $"各台账报送期限不同（最早 {Earliest:yyyy-MM-dd}），逐项如下";

    /// <summary>Whole days after the earliest ledger deadline on <paramref name="day"/>; 0 on or before it, and when none has a deadline.</summary>
    public int DaysLateOn(DateOnly day) => Ledgers.Select(l => l.DaysLateOn(day)).DefaultIfEmpty(0).Max();

    /// <summary>The short text of a table cell: one date, the notice, or the range of dates.</summary>
    public string Summary => IsNone ? SheetEvaluator.NoDeadline
        : IsUniform ? $"{Earliest:yyyy-MM-dd}"
        : $"{Earliest:yyyy-MM-dd} 起（各台账不同）";

    /// <summary>The dates per ledger as stored with a report: {"mediators":"2022-08-20",…}, ledgers without a date left out.</summary>
    public string ToJson() => JsonSerializer.Serialize(Ledgers.Where(l => l.Date is not null).ToDictionary(l => l.Ledger, l => l.Date!.Value.ToString("yyyy-MM-dd")));

    /// <summary>The deadlines in force when a report was made, read back from <see cref="ToJson"/>; sources from today's rules where the date is the same.</summary>
    public ReportingDeadline AsStored(string? json, DateOnly? legacyDate)
    {
        if (json is null)
        {
            // Reports made before per-ledger deadlines stored one date for all ledgers.
            return legacyDate is { } one ? new(Ledgers.Select(l => l with { Date = one, Source = l.Date == one ? l.Source : "报送时的期限" }).ToList()) : this;
        }

        var dates = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return new(Ledgers.Select(l => dates.TryGetValue(l.Ledger, out var text) && DateOnly.TryParse(text, out var date)
            ? l with { Date = date, Source = l.Date == date ? l.Source : "报送时的期限" }
            : l with { Date = null, Source = null }).ToList());
    }
}

/// <summary>
/// Reporting deadlines are rules: for each ledger, the Ledger-step deadline of the year naming that ledger (or naming
/// none: all ledgers) in the nearest plan up the region chain that governs the year and gives one. A plan that does not
/// inherit deadlines stops the walk; a plan continuing after its period sets no dated deadline. No default is invented.
/// </summary>
public sealed class ReportingDeadlines(RuleSetCatalog catalog)
{
    public async Task<ReportingDeadline> ForAsync(Region region, int year, CancellationToken ct) =>
        (await ForManyAsync([region], year, ct))[region.Id];

    public async Task<Dictionary<int, ReportingDeadline>> ForManyAsync(IReadOnlyCollection<Region> regions, int year, CancellationToken ct)
    {
        var chains = await catalog.ChainsAsync(regions, year, ct);
        return chains.ToDictionary(c => c.Key, c => Resolve(c.Value, year));
    }

    /// <summary>Each ledger's deadline of the year along the chain of plans (leaf first).</summary>
    public static ReportingDeadline Resolve(IReadOnlyList<(RuleSet Set, RuleSetVersion Version)> chainLeafToRoot, int year) =>
        new(LedgerCatalog.All.Select(ledger => Find(chainLeafToRoot, ledger, year)).ToList());

    private static LedgerDeadline Find(IReadOnlyList<(RuleSet Set, RuleSetVersion Version)> chain, ILedgerDefinition ledger, int year)
    {
        foreach (var (set, version) in chain)
        {
            if (version.Governs(year))
            {
                var candidates = set.Tasks.SelectMany(t => t.DeadlinesOf(DeadlineStep.Ledger)).Where(d => d.Year == year).ToList();
                var deadline = candidates.FirstOrDefault(d => d.Ledger == ledger.Key) ?? candidates.FirstOrDefault(d => d.Ledger is null);
                if (deadline is not null)
                {
                    return new LedgerDeadline(ledger.Key, ledger.Title, deadline.Date, $"{set.Name}（{set.Source}）{deadline.What}");
                }
            }

            if (!set.Inherits.Deadlines)
            {
                break;
            }
        }

        return new LedgerDeadline(ledger.Key, ledger.Title, null, null);
    }
}
