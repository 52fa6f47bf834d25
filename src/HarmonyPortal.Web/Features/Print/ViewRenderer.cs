using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HarmonyPortal.Web.Features.Print;

/// <summary>Renders a Razor view of the controller's feature folder to a string, for printing to PDF on the server.</summary>
public sealed class ViewRenderer(IRazorViewEngine engine)
{
    public async Task<string> RenderAsync(Controller controller, string viewName, object model)
    {
        var found = engine.FindView(controller.ControllerContext, viewName, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"View {viewName} not found: {string.Join(", ", found.SearchedLocations)}");
        }

        controller.ViewData.Model = model;
        await using var writer = new StringWriter();
        var context = new ViewContext(controller.ControllerContext, found.View, controller.ViewData, controller.TempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}

/// <summary>
/// The print style sheet, read once from wwwroot, to inline into documents printed by Chromium, followed by
/// <see cref="ScreenHidden"/> and <see cref="PageFooter"/>.
/// </summary>
public sealed class PrintStyles(IWebHostEnvironment environment)
{
    public const string Path = "css/print.css";

    /// <summary>
    /// A document printed to PDF is never shown on a screen, yet Chromium lays it out for the screen once it is loaded
    /// and again for print: with the content hidden from screen media only the print layout is done (for a 3,000-row
    /// list, 10–20 % of Chromium's CPU time; bench/benchmarks-notes.md, "PDF, second pass"). Print media, and so the
    /// paper, is unchanged; the print view a user opens in the browser links print.css without this rule.
    /// </summary>
    public const string ScreenHidden = "\n@media screen { .document { display: none; } }\n";

    /// <summary>
    /// The page number at the foot of every printed page ("第 2 页 / 共 151 页"), drawn by a CSS page-margin box in
    /// the bottom margin. Chromium's own header/footer template (<c>DisplayHeaderFooter</c>) builds and lays out a
    /// separate little document for every page: for a 3,000-row list (151 pages) the template took about 12 % of
    /// Chromium's CPU, this box about 5 % (ADR 0040). Same text, size, colour and font as the template had.
    /// </summary>
    public const string PageFooter = """

        @page {
            @bottom-center {
                content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";
                font-family: "Noto Sans CJK SC", sans-serif;
                font-size: 8px;
                color: #444;
            }
        }

        """;

    private readonly Lazy<string> css = new(() =>
    {
        var file = environment.WebRootFileProvider.GetFileInfo(Path);
        using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd() + ScreenHidden + PageFooter;
    });

    public string Css => css.Value;
}
