using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Bench.Http;

/// <summary>
/// <c>page-times --db PATH --portal DIR --data DIR [--port N] [--runs 20]</c> (issue 21): the published portal in
/// Development on a fresh SQLite database, so that it writes its demo data at start (docs/demo.md: the demo logins and
/// a year of activity in the five seed jurisdictions), then every page of <see cref="JourneyPages"/> requested
/// <c>--runs</c> times as the user who opens it in the journeys. Server time is the request log's <c>Elapsed</c>
/// (ADR 0014), read from the portal's JSON log; p95 per page and over all pages, against 100 ms, beside the plaintext
/// endpoint's p95 through the same pipeline.
/// </summary>
internal static partial class PageTimesBench
{
    public const double GoalMs = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var target = BenchTarget.Parse(args);
        var runs = Args.Int(args, "--runs", 20);
        await using var portal = await PortalServer.StartAsync(target, environment: "Development");
        var log = new RequestLog(Path.Combine(target.DataDirectory, "logs"));
        await using var db = target.CreateDbContext();

        portal.SignOut();
        var plaintext = await TimeAsync(portal, log, HarmonyPortal.Web.Infrastructure.BenchPlaintext.Path, runs);
        var results = new List<(JourneyPage Page, string Address, List<double> Ms)>();
        var skipped = new List<string>();
        foreach (var group in JourneyPages.All.GroupBy(p => p.User))
        {
            if (group.Key != JourneyPages.Anonymous)
            {
                await portal.SignInAsync(group.Key, DemoPassword);
            }
            else
            {
                portal.SignOut();
            }

            foreach (var page in group)
            {
                var address = await AddressAsync(portal, db, page);
                if (address is null)
                {
                    skipped.Add($"{page.Address} ({page.User}): not in the demo data" + (page.LinkFrom is null ? "" : $" (no link on {page.LinkFrom})"));
                    continue;
                }

                results.Add((page, address, await TimeAsync(portal, log, address, runs)));
            }
        }

        var basis = P95(plaintext);
        var all = results.SelectMany(r => r.Ms).ToList();
        Console.WriteLine($"{"page",-72} {"user",-12} {"p50",7} {"p95",7} {"max",7}  (ms, server time, {runs} requests each)");
        foreach (var (page, address, ms) in results.OrderByDescending(r => P95(r.Ms)))
        {
            Console.WriteLine($"{address,-72} {page.User,-12} {Median(ms),7:0.0} {P95(ms),7:0.0} {ms.Max(),7:0.0}");
        }

        Console.WriteLine($"plaintext p95 {basis:0.00} ms; all pages p95 {P95(all):0.0} ms over {all.Count} requests");
        skipped.ForEach(s => Console.WriteLine("skipped: " + s));

        var goal = $"≤ {GoalMs:0} ms at p95 (server time, Serilog Elapsed; demo data, {runs} requests; baseline = plaintext endpoint's p95)";
        var recorded = results
            .Select(r => new BenchResult($"page-times.{Name(r.Address, r.Page.User)}", Math.Round(P95(r.Ms), 1), "ms", Math.Round(basis, 2), Math.Round(P95(r.Ms) / basis, 1), goal, P95(r.Ms) <= GoalMs))
            .Prepend(new BenchResult("page-times.all-pages", Math.Round(P95(all), 1), "ms", Math.Round(basis, 2), Math.Round(P95(all) / basis, 1),
                goal + $"; {results.Count} pages of the browser journeys" + (skipped.Count > 0 ? $", {skipped.Count} without demo data" : ""), P95(all) <= GoalMs))
            .ToArray();
        BenchResults.Record(recorded);
        return 0;
    }

    public const string DemoPassword = "Harmony@2026";

    /// <summary>The address to request: region codes resolved, or the first matching link of the page it is reached from.</summary>
    private static async Task<string?> AddressAsync(PortalServer portal, HarmonyPortal.Core.Data.HarmonyDbContext db, JourneyPage page)
    {
        var address = page.Address;
        foreach (Match code in RegionCode().Matches(address))
        {
            var id = await db.Regions.Where(r => r.Code == code.Groups[1].Value).Select(r => r.Id).FirstOrDefaultAsync();
            if (id == 0)
            {
                return null;
            }

            address = address.Replace(code.Value, id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (page.LinkFrom is null)
        {
            return address;
        }

        var html = System.Text.Encoding.UTF8.GetString(await portal.GetOkAsync(page.LinkFrom));
        var link = new Regex("href=\"(" + Regex.Escape(page.Route).Replace("\\{id}", "\\d+", StringComparison.Ordinal) + ")\"").Match(html);
        return link.Success ? link.Groups[1].Value : null;
    }

    /// <summary>Two warm-up requests, then <paramref name="runs"/> timed ones; each one's server time from the request log.</summary>
    private static async Task<List<double>> TimeAsync(PortalServer portal, RequestLog log, string address, int runs)
    {
        var path = address.Split('?')[0];
        await portal.GetOkAsync(address);
        await portal.GetOkAsync(address);
        await log.TakeAsync(path, 2);
        for (var i = 0; i < runs; i++)
        {
            await portal.GetOkAsync(address);
        }

        return await log.TakeAsync(path, runs);
    }

    private static string Name(string address, string user) =>
        NonWord().Replace(address.Trim('/').Replace('/', '.'), "-").Trim('-') is { Length: > 0 } name ? $"{name}.{user}" : $"home.{user}";

    private static double Median(List<double> ms) => Percentile(ms, 0.5);

    private static double P95(List<double> ms) => Percentile(ms, 0.95);

    /// <summary>Nearest rank.</summary>
    private static double Percentile(List<double> ms, double p)
    {
        var sorted = ms.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    [GeneratedRegex(@"\{code:(\d{6})\}")]
    private static partial Regex RegionCode();

    [GeneratedRegex(@"[^A-Za-z0-9.]+")]
    private static partial Regex NonWord();

    /// <summary>The portal's JSON request log (one line per request), read from where the last read stopped.</summary>
    private sealed class RequestLog(string directory)
    {
        private readonly Dictionary<string, long> offsets = [];

        /// <summary>Waits for <paramref name="count"/> new "GET path" lines (the line is written just after the response) and returns their Elapsed.</summary>
        public async Task<List<double>> TakeAsync(string path, int count)
        {
            var found = new List<double>();
            for (var attempt = 0; attempt < 100 && found.Count < count; attempt++)
            {
                foreach (var file in Directory.GetFiles(directory, "harmony-*.json").Order())
                {
                    await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    stream.Seek(offsets.GetValueOrDefault(file), SeekOrigin.Begin);
                    using var reader = new StreamReader(stream);
                    var text = await reader.ReadToEndAsync();
                    var complete = text.LastIndexOf('\n') + 1;
                    offsets[file] = offsets.GetValueOrDefault(file) + System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, complete));
                    foreach (var line in text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        using var json = JsonDocument.Parse(line);
                        if (json.RootElement.TryGetProperty("Properties", out var p)
                            && p.TryGetProperty("Elapsed", out var elapsed)
                            && p.TryGetProperty("RequestPath", out var requestPath) && requestPath.GetString() == path
                            && p.TryGetProperty("RequestMethod", out var method) && method.GetString() == "GET")
                        {
                            found.Add(elapsed.GetDouble());
                        }
                    }
                }

                if (found.Count < count)
                {
                    await Task.Delay(50);
                }
            }

            if (found.Count < count)
            {
                throw new InvalidOperationException($"expected {count} request-log lines for GET {path}, found {found.Count}");
            }

            return found[^count..];
        }
    }
}
