using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HarmonyPortal.Bench.Data;
using Microsoft.Playwright;

namespace HarmonyPortal.Bench.Http;

/// <summary>
/// Benchmark 5: the hot province's published list of coordinators (3,000 rows) as PDF from the published portal with
/// its browser warm, median of several requests; beside the same Chromium binary, warm, printing a plain HTML table of
/// the same text (the rows of the list's own print view) with the same page format, in the same run. Goal (issue 21):
/// the portal's PDF ≤ 1.25× the bare table. <c>--variants</c> also prints the list's own document with one layout change
/// at a time in the same browser (<see cref="PdfVariants"/>).
/// </summary>
internal static partial class PdfBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var target = BenchTarget.Parse(args);
        var runs = Args.Int(args, "--runs", 5);
        var chromium = Args.Option(args, "--chromium") ?? "/usr/bin/chromium";
        await using var portal = await PortalServer.StartAsync(target);
        await portal.SignInAsync(GenerateOptions.ProvinceUser, target.Password);
        var year = await YearAsync(target);
        var query = $"category=Coordinator&year={year}&batch=1";

        var html = Encoding.UTF8.GetString(await portal.GetOkAsync($"/print/published?{query}"));
        var rows = Row().Matches(html).Select(m => Cell().Matches(m.Groups[1].Value).Select(c => WebUtility.HtmlDecode(Tag().Replace(c.Groups[1].Value, ""))).ToList()).Where(r => r.Count > 0).ToList();
        var size = 0L;
        var product = await DashboardBench.MedianAsync(runs, async () =>
        {
            var pdf = await portal.GetOkAsync($"/print/published.pdf?{query}");
            if (pdf.Length < 5 || Encoding.ASCII.GetString(pdf, 0, 5) != "%PDF-")
            {
                throw new InvalidOperationException("The published list did not come back as a PDF.");
            }

            return size = pdf.Length;
        });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            ChromiumSandbox = Environment.UserName != "root",
            Args = ["--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
        var floor = await PdfVariants.TimeAsync(browser, PlainTable(rows), PlainOptions, runs);
        Console.WriteLine($"published list: {rows.Count - 1:N0} rows, PDF {size / 1024.0:0} KB in {product:0} ms; plain table {floor:0} ms ({product / floor:0.00}×)");
        BenchResults.Record(new BenchResult($"pdf.published-list.{target.Label}", Math.Round(product / 1000, 3), "s", Math.Round(floor / 1000, 3), Math.Round(product / floor, 2),
            $"≤ 1.25× a bare table of the same text in the same warm Chromium, same page size ({rows.Count - 1:N0} rows, median of {runs})", product <= 1.25 * floor));
        if (args.Contains("--variants"))
        {
            var document = PdfVariants.Document(html, target.PortalDirectory);
            var printed = await PdfVariants.TimeAsync(browser, document, PdfVariants.Portal(document.Contains("doc-landscape", StringComparison.Ordinal)), runs);
            Console.WriteLine($"  the request's own cost beyond printing (query, Razor, transfer): {product - printed:0} ms of {product:0} ms");
            await PdfVariants.RunAsync(browser, document, runs, floor,
                () => PdfVariants.PrintAsync(browser, PlainTable(rows), PlainOptions), Args.Option(args, "--variant"));
        }

        return 0;
    }

    private static readonly PagePdfOptions PlainOptions = new() { Format = "A4", Landscape = true, Margin = new Margin { Top = "15mm", Bottom = "18mm", Left = "15mm", Right = "15mm" } };

    /// <summary>The floor: a bare table of the same cells, printed A4 landscape by a warm Chromium of the same binary.</summary>
    private static string PlainTable(IReadOnlyList<List<string>> rows)
    {
        var table = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>body{font-family:'Noto Sans CJK SC',sans-serif;font-size:9pt}table{border-collapse:collapse}td{border:1px solid #000;padding:2px}</style></head><body><table>");
        foreach (var row in rows)
        {
            table.Append("<tr>");
            foreach (var cell in row)
            {
                table.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            table.Append("</tr>");
        }

        return table.Append("</table></body></html>").ToString();
    }

    private static async Task<int> YearAsync(BenchTarget target)
    {
        await using var db = target.CreateDbContext();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(db.Nominations, n => n.Year);
    }

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
