using System.Text.RegularExpressions;
using HarmonyPortal.Web.Features.Print;
using Microsoft.Playwright;

namespace HarmonyPortal.Bench.Http;

/// <summary>
/// `pdf --variants`: the published list's own document (its print view with the portal's print.css inlined, as the
/// portal hands it to Chromium) printed in the floor's warm browser with the portal's PDF options, then with one change
/// at a time, each beside the unchanged document in the same run: what each change of layout or CSS saves.
/// </summary>
internal static partial class PdfVariants
{
    /// <summary>
    /// The portal's PDF options (<see cref="PdfRenderer.PageOptions"/>): A4, margins, background; the page numbers
    /// are the document's own (<see cref="PrintStyles.PageFooter"/>), not Chromium's footer template.
    /// </summary>
    public static PagePdfOptions Portal(bool landscape) => PdfRenderer.PageOptions(landscape);

    /// <summary>The page-number footer as Chromium's header/footer template drew it before ADR 0040.</summary>
    private const string FooterTemplate = "<div style=\"width:100%;font-size:8px;text-align:center;color:#444;"
        + "font-family:'Noto Sans CJK SC',sans-serif\">第 <span class=\"pageNumber\"></span> 页 / 共 "
        + "<span class=\"totalPages\"></span> 页</div>";

    /// <summary>
    /// The print view as the portal prints it: no toolbar, print.css inlined from the published portal with the
    /// rules <see cref="PrintStyles"/> adds for PDFs (hidden from screen media, the page-number footer).
    /// </summary>
    public static string Document(string printView, string portalDirectory)
    {
        var css = File.ReadAllText(Path.Combine(portalDirectory, "wwwroot", "css", "print.css"))
            + PrintStyles.ScreenHidden + PrintStyles.PageFooter;
        var html = Toolbar().Replace(printView, "");
        return StyleLink().Replace(html, _ => "<style>" + css + "</style>");
    }

    public static async Task RunAsync(IBrowser browser, string document, int runs, double floor, Func<Task> printFloor,
        string? only = null)
    {
        var landscape = document.Contains("doc-landscape", StringComparison.Ordinal);
        var floorCpu = await CpuMedianAsync(runs, printFloor);
        var asIs = await MeasureAsync(browser, document, Portal(landscape), runs);
        Console.WriteLine($"  variants (same warm browser, median of {runs}; floor {floor:0} ms, {floorCpu:0} ms of "
            + "Chromium's CPU):");
        Console.WriteLine($"  {"the portal's document as printed",-58} {asIs.Ms,7:0} ms  "
            + $"{asIs.Ms / floor,5:0.00}× floor"
            + $"  CPU {asIs.CpuMs,6:0} ms {asIs.CpuMs / floorCpu,5:0.00}× floor's  {asIs.Pages} pages");
        foreach (var (name, change, options) in Changes(landscape))
        {
            if (only is not null && !only.Split('|').Any(o => name.Contains(o, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var html = change(document);
            var v = await MeasureAsync(browser, html, options, runs);
            Console.WriteLine($"  {name,-58} {v.Ms,7:0} ms  {v.Ms / floor,5:0.00}× floor  "
                + $"{v.Ms / asIs.Ms,5:0.00}× as printed"
                + $"  CPU {v.CpuMs / asIs.CpuMs,5:0.00}× as printed  {v.Pages} pages");
        }

        // Page-range printing in parallel (ADR 0028): each half in its own context at once, as two browser tabs would
        // print a long document; the joining of the two files (PDFsharp, 0.3–0.6 s here) is not counted.
        var pages = asIs.Pages;
        var half = pages / 2;
        var pair = await DashboardBench.MedianAsync(runs, async () =>
            (await Task.WhenAll(PrintAsync(browser, document, Ranges(Portal(landscape), $"1-{half}")),
                PrintAsync(browser, document, Ranges(Portal(landscape), $"{half + 1}-")))).Sum(p => (long)p.Length));
        var label = $"pages 1-{half} and {half + 1}-{pages} at once, two contexts";
        Console.WriteLine(
            $"  {label,-58} {pair,7:0} ms  {pair / floor,5:0.00}× floor  {pair / asIs.Ms,5:0.00}× as printed");
    }

    /// <summary>Median wall ms, median ms of Chromium's CPU (<see cref="ChromiumCpu"/>), pages of a print.</summary>
    private static async Task<(double Ms, double CpuMs, int Pages)> MeasureAsync(IBrowser browser, string html,
        PagePdfOptions options, int runs)
    {
        var pages = 0;
        var ms = await DashboardBench.MedianAsync(runs, async () =>
        {
            var pdf = await PrintAsync(browser, html, options);
            pages = PageCount(pdf);
            return pdf.Length;
        });
        var cpu = await CpuMedianAsync(runs, () => PrintAsync(browser, html, options));
        return (ms, cpu, pages);
    }

    /// <summary>Median ms of Chromium's CPU time for one call.</summary>
    public static async Task<double> CpuMedianAsync(int runs, Func<Task> call)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var before = ChromiumCpu.Seconds();
            await call();
            times.Add((ChromiumCpu.Seconds() - before) * 1000);
        }

        return DashboardBench.Median(times);
    }

    /// <summary>Pages of a PDF as Chromium writes it (one uncompressed <c>/Type /Page</c> dictionary a page).</summary>
    private static int PageCount(byte[] pdf) => PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    private static IEnumerable<(string Name, Func<string, string> Change, PagePdfOptions Options)> Changes(
        bool landscape)
    {
        var portal = Portal(landscape);
        static Func<string, string> Css(string css) =>
            html => html.Replace("</head>", "<style>" + css + "</style></head>", StringComparison.Ordinal);
        static string Same(string html) => html;
        yield return ("table-layout: fixed", Css(".grid{table-layout:fixed}"), portal);
        yield return ("one font (Noto Sans CJK SC only)",
            Css("html,h1,h2,thead th{font-family:'Noto Sans CJK SC',sans-serif}"), portal);
        yield return ("rows may break across pages", Css("tr{break-inside:auto}"), portal);
        yield return ("header row not repeated", Css("thead{display:table-row-group}"), portal);
        yield return ("no header background", Css("thead th{background:none}"), portal);
        var noMarginFooter = Css("@page{@bottom-center{content:none}}");
        yield return ("no page-number footer", noMarginFooter, portal);
        yield return ("footer by Chromium's template (before ADR 0040)", noMarginFooter, Template(portal));
        yield return ("no PrintBackground", Same, Without(portal, background: true));
        yield return ("first page only (PageRanges 1)", Same, Ranges(portal, "1"));
        yield return ("compact rows (9 pt, cells padded 1 mm 1.5 mm)",
            Css(".grid{font-size:9pt}.grid th,.grid td{padding:1mm 1.5mm}"), portal);
        yield return ("no white space between tags", html => BetweenTags().Replace(html, "><"), portal);
        yield return ("fixed layout + one font + no background",
            Css(".grid{table-layout:fixed}html,h1,h2,thead th{font-family:'Noto Sans CJK SC',sans-serif}"
                + "thead th{background:none}"),
            Without(portal, background: true));
    }

    private static PagePdfOptions Without(PagePdfOptions o, bool background = false) => new()
    {
        Format = o.Format,
        Landscape = o.Landscape,
        PrintBackground = !background && o.PrintBackground == true,
        DisplayHeaderFooter = o.DisplayHeaderFooter,
        HeaderTemplate = o.HeaderTemplate,
        FooterTemplate = o.FooterTemplate,
        Margin = o.Margin,
    };

    private static PagePdfOptions Template(PagePdfOptions o)
    {
        var copy = Without(o);
        copy.DisplayHeaderFooter = true;
        copy.HeaderTemplate = "<span></span>";
        copy.FooterTemplate = FooterTemplate;
        return copy;
    }

    private static PagePdfOptions Ranges(PagePdfOptions o, string ranges)
    {
        var copy = Without(o);
        copy.PageRanges = ranges;
        return copy;
    }

    /// <summary>Median ms of printing <paramref name="html"/> in a fresh context of the warm browser, as the portal does per document.</summary>
    public static Task<double> TimeAsync(IBrowser browser, string html, PagePdfOptions options, int runs) =>
        DashboardBench.MedianAsync(runs, async () => (await PrintAsync(browser, html, options)).Length);

    public static async Task<byte[]> PrintAsync(IBrowser browser, string html, PagePdfOptions options)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Offline = true, Locale = "zh-CN" });
        try
        {
            var page = await context.NewPageAsync();
            var content = new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = 0 };
            await page.SetContentAsync(html, content);
            return await page.PdfAsync(options);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();

    [GeneratedRegex("<nav class=\"print-toolbar\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex Toolbar();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"[^\"]*print\\.css[^\"]*\" */?>")]
    private static partial Regex StyleLink();
}
