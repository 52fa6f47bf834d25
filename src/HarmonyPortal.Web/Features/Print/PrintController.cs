using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Print;

/// <summary>
/// Printable documents — a nominee's 推荐表, a sheet's summary table, the published list — as an HTML print
/// view and, with ".pdf", as a PDF printed by the shared Chromium. Every view and download is audited.
/// </summary>
[Route("print")]
public sealed class PrintController(PrintQueryService queries, PdfPrinting printing, AuditLog audit, TimeProvider clock) : Controller
{
    public const string ObjectPublishedList = "published-list";

    [HttpGet("nominations/{id:long}")]
    public async Task<IActionResult> Nomination(long id, CancellationToken ct) =>
        await HtmlAsync("Recommendation", await queries.RecommendationAsync(id, ct), "nomination", id.ToString(), ct);

    [HttpGet("nominations/{id:long}.pdf")]
    public Task<IActionResult> NominationPdf(long id, CancellationToken ct) =>
        PdfAsync("Recommendation", () => queries.RecommendationAsync(id, ct), "nomination", _ => id.ToString(), ct);

    [HttpGet("sheets/{id:long}")]
    public async Task<IActionResult> Sheet(long id, CancellationToken ct) =>
        await HtmlAsync("SheetTable", await queries.SheetTableAsync(id, ct), "sheet", id.ToString(), ct);

    [HttpGet("sheets/{id:long}.pdf")]
    public Task<IActionResult> SheetPdf(long id, CancellationToken ct) =>
        PdfAsync("SheetTable", () => queries.SheetTableAsync(id, ct), "sheet", _ => id.ToString(), ct);

    [HttpGet("published")]
    public async Task<IActionResult> Published(GoldCategory category, int? year, int batch, string? honour, CancellationToken ct)
    {
        var list = await PublishedListAsync(category, year, batch, honour, ct);
        return await HtmlAsync("PublishedList", list, ObjectPublishedList, $"{category}:{list.Key.Year}:{batch}", ct);
    }

    [HttpGet("published.pdf")]
    public Task<IActionResult> PublishedPdf(GoldCategory category, int? year, int batch, string? honour, CancellationToken ct) =>
        PdfAsync("PublishedList", () => PublishedListAsync(category, year, batch, honour, ct), ObjectPublishedList, list => $"{category}:{list.Key.Year}:{batch}", ct);

    private Task<PublishedList> PublishedListAsync(GoldCategory category, int? year, int batch, string? honour, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var y = Core.Input.PortalYears.Checked(year, today);
        Core.Nominations.NominationLimits.CheckYearAndBatch(y, batch, today);
        return queries.PublishedAsync(category, y, batch, ct, honour);
    }

    private async Task<IActionResult> HtmlAsync(string view, PrintDocument document, string objectType, string objectId, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.PrintViewed, AuditOutcome.Success, objectType, objectId, Details(document), ct: ct);
        return View(view, document);
    }

    private Task<IActionResult> PdfAsync<TDocument>(string view, Func<Task<TDocument>> load, string objectType, Func<TDocument, string> objectIdOf, CancellationToken ct)
        where TDocument : PrintDocument =>
        printing.PrintAsync(this, view, load, objectType, objectIdOf, Details, ct);

    public const string BusyText = "系统繁忙，请稍后再试";

    private static string Details(PrintDocument document) =>
        $"{document.Title}；身份证号{(document.FullIdNumbers > 0 ? $"完整显示 {document.FullIdNumbers} 个（本地区）" : "已脱敏")}";
}
