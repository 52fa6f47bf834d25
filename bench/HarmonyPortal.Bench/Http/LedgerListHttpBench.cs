using System.Globalization;
using HarmonyPortal.Bench.Data;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Bench.Http;

/// <summary>
/// Benchmark 2: the ledger list page (50 rows of one county and year) served by the published portal under wrk,
/// beside the same server's plaintext endpoint in the same run; then a page 10,000 pages deep beside the first page.
/// </summary>
internal static class LedgerListHttpBench
{
    /// <summary>The list's throughput over the plaintext endpoint's, same server, same wrk settings (issue 21).</summary>
    public const double ThroughputGoal = 1.0 / 3;

    /// <summary>The list's p99 over the plaintext endpoint's p99 (issue 21).</summary>
    public const double P99Goal = 1.5;

    /// <summary>The median of a page 10,000 pages in over the first page's (issue 21).</summary>
    public const double DeepPageGoal = 1.2;

    public static async Task<int> RunAsync(string[] args)
    {
        var target = BenchTarget.Parse(args);
        var seconds = Args.Int(args, "--duration", 30);
        var connections = Args.Int(args, "--connections", 32);
        var depth = Args.Int(args, "--pages-in", 10000);
        var inboxFloor = args.Contains("--inbox-floor");

        var (countyId, year, pagesIn, afterId) = await DeepCursorAsync(target, depth);
        var first = $"/ledgers/{GenerateOptions.HotLedger}?Year={year}&RegionId={countyId}";
        var deep = $"{first}&AfterId={afterId}";

        await using var portal = await PortalServer.StartAsync(target);
        await portal.SignInAsync(GenerateOptions.ProvinceUser, target.Password);
        foreach (var path in new[] { first, deep })
        {
            var rows = CountRows(await portal.GetOkAsync(path));
            if (rows < LedgerListQuery.PageSize)
            {
                throw new InvalidOperationException($"{path} showed {rows} rows, not a full page: the benchmark would measure the wrong thing.");
            }
        }

        // Plaintext, the list and (full mode) the inbox alternate in rounds after a warm-up of each, and each figure is
        // the rounds' mean throughput and median p99: measured one after the other, the first URL ran on a portal still
        // compiling its hot methods (tier 1, dynamic PGO), which had flattered every ratio to it (benchmarks-notes.md).
        var rounds = Args.Int(args, "--rounds", 3);
        var roundSeconds = Math.Max(3, seconds / rounds);
        var urls = new List<string>
        {
            portal.BaseUrl + HarmonyPortal.Web.Infrastructure.BenchPlaintext.Path, portal.BaseUrl + first,
        };
        if (inboxFloor)
        {
            // The inbox (收件箱) of the same user: the layout every page has, one query and an empty list, 4 KB.
            // Not a goal: what a page without the list's content answers beside plaintext.
            urls.Add(portal.BaseUrl + "/notifications");
            var size = (await portal.GetOkAsync("/notifications")).Length;
            Console.WriteLine($"inbox floor: /notifications, {size:N0} bytes");
        }

        foreach (var url in urls)
        {
            await Wrk.RunAsync(url, portal.Cookie, connections, Math.Max(5, roundSeconds));
        }

        var runs = urls.Select(_ => new List<WrkResult>()).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < urls.Count; i++)
            {
                runs[i].Add(await Wrk.RunAsync(urls[i], portal.Cookie, connections, roundSeconds));
            }
        }

        var plaintext = Combined(runs[0]);
        var list = Combined(runs[1]);
        var inbox = inboxFloor ? Combined(runs[2]) : null;

        // The deep page against the first at a low concurrency, so that the latency is the query's, not the queue's.
        var deepSeconds = Math.Max(3, seconds / 3);
        var firstPage = await Wrk.RunAsync(urls[1], portal.Cookie, 4, deepSeconds);
        var deepPage = await Wrk.RunAsync(portal.BaseUrl + deep, portal.Cookie, 4, deepSeconds);

        // Issue 21: every goal is a ratio to a baseline of the same run (two shared cores cannot measure absolute latencies).
        var label = target.Label;
        var throughputRatio = list.RequestsPerSecond / plaintext.RequestsPerSecond;
        var p99Ratio = list.P99Ms / plaintext.P99Ms;
        var deepRatio = deepPage.P50Ms / firstPage.P50Ms;
        BenchResults.Record(
            new BenchResult($"ledger-list.{label}.throughput", Math.Round(list.RequestsPerSecond, 1), "req/s", Math.Round(plaintext.RequestsPerSecond, 1), Math.Round(throughputRatio, 3),
                $"≥ 1/3 of plaintext (wrk -t2 -c{connections}, {rounds} alternated rounds of {roundSeconds} s)",
                throughputRatio >= ThroughputGoal && list.Errors == 0),
            new BenchResult($"ledger-list.{label}.p99", Math.Round(list.P99Ms, 2), "ms", Math.Round(plaintext.P99Ms, 2), Math.Round(p99Ratio, 2),
                $"≤ {P99Goal}× plaintext's p99 (same wrk runs)", p99Ratio <= P99Goal),
            new BenchResult($"ledger-list.{label}.deep-page", Math.Round(deepPage.P50Ms, 2), "ms", Math.Round(firstPage.P50Ms, 2), Math.Round(deepRatio, 2),
                $"≤ {DeepPageGoal}× first page (median, {pagesIn:N0} pages in, -c4)", deepRatio <= DeepPageGoal && deepPage.Errors == 0));
        if (inbox is not null)
        {
            BenchResults.Record(
                new BenchResult(
                    $"ledger-list.{label}.inbox-throughput", Math.Round(inbox.RequestsPerSecond, 1), "req/s",
                    Math.Round(plaintext.RequestsPerSecond, 1),
                    Math.Round(inbox.RequestsPerSecond / plaintext.RequestsPerSecond, 3),
                    $"reported: the layout with an empty inbox (/notifications) against plaintext " +
                    $"(wrk -t2 -c{connections}, the same rounds)",
                    null),
                new BenchResult(
                    $"ledger-list.{label}.inbox-p99", Math.Round(inbox.P99Ms, 2), "ms", Math.Round(plaintext.P99Ms, 2),
                    Math.Round(inbox.P99Ms / plaintext.P99Ms, 2), "reported: the same runs' p99", null));
        }

        return 0;
    }

    /// <summary>
    /// The rounds of one URL as one result: the mean throughput, the median p50 and p99, the requests and errors summed.
    /// </summary>
    private static WrkResult Combined(IReadOnlyList<WrkResult> rounds) => new(
        rounds.Average(r => r.RequestsPerSecond),
        DashboardBench.Median(rounds.Select(r => r.P50Ms)),
        DashboardBench.Median(rounds.Select(r => r.P99Ms)),
        rounds.Sum(r => r.Requests), rounds.Sum(r => r.Errors));

    /// <summary>The hot county, the year, and the key of the last row before page <paramref name="depth"/> (or the deepest page the list has).</summary>
    private static async Task<(int CountyId, int Year, int PagesIn, long AfterId)> DeepCursorAsync(BenchTarget target, int depth)
    {
        await using var db = target.CreateDbContext();
        var county = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == GenerateOptions.HotCountyCode);
        var rows = db.Set<NewEnterpriseService>().AsNoTracking().Where(r => r.RegionId == county.Id);
        var year = await rows.MaxAsync(r => r.Year);
        rows = rows.Where(r => r.Year == year);
        var count = await rows.CountAsync();
        var pagesIn = Math.Min(depth, (count - 1) / LedgerListQuery.PageSize - 1);
        var afterId = await rows.OrderByDescending(r => r.Id).Skip((pagesIn * LedgerListQuery.PageSize) - 1).Select(r => r.Id).FirstAsync();
        Console.WriteLine($"list: {count:N0} rows of {county.Name} in {year}; the deep page is {pagesIn:N0} pages in (after id {afterId})");
        return (county.Id, year, pagesIn, afterId);
    }

    /// <summary>Data rows of the list table (links to a row's details page).</summary>
    private static int CountRows(byte[] html)
    {
        var text = System.Text.Encoding.UTF8.GetString(html);
        var marker = $"href=\"/ledgers/{GenerateOptions.HotLedger}/";
        var count = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            if (char.IsAsciiDigit(text[at + marker.Length]))
            {
                count++;
            }
        }

        return count;
    }
}
