using System.Security.Claims;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Playwright;

namespace HarmonyPortal.Web.Features.Print;

/// <summary>
/// A printable document as a PDF from the shared Chromium, for any feature's controller: waits for the user's turn
/// first, so that a refused request costs no query and no rendering; too busy (<see cref="PdfBusyException"/>) is
/// answered with the Chinese busy page and 503; every print, and every failed one, is audited.
/// </summary>
public sealed class PdfPrinting(ViewRenderer views, PrintStyles styles, PdfRenderer pdf, AuditLog audit)
{
    public async Task<IActionResult> PrintAsync<TDocument>(Controller controller, string view, Func<Task<TDocument>> load, string objectType,
        Func<TDocument, string> objectIdOf, Func<TDocument, string> details, CancellationToken ct)
        where TDocument : PrintDocument
    {
        PdfTurn turn;
        try
        {
            turn = await pdf.WaitForTurnAsync(controller.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
        }
        catch (PdfBusyException)
        {
            return Busy(controller);
        }

        using (turn)
        {
            var document = await load();
            var objectId = objectIdOf(document);
            document.InlineCss = styles.Css;
            var html = await views.RenderAsync(controller, view, document);
            byte[] bytes;
            try
            {
                bytes = await pdf.RenderAsync(turn, html, new PdfOptions(document.Landscape), ct);
            }
            catch (PdfBusyException)
            {
                await audit.RecordAsync(AuditActions.PrintPdf, AuditOutcome.Failure, objectType, objectId, details(document), ct: CancellationToken.None);
                return Busy(controller);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                await audit.RecordAsync(AuditActions.PrintPdf, AuditOutcome.Failure, objectType, objectId, details(document), ct: CancellationToken.None);
                throw;
            }

            await audit.RecordAsync(AuditActions.PrintPdf, AuditOutcome.Success, objectType, objectId, details(document), ct: ct);
            return controller.File(bytes, "application/pdf", document.FileName);
        }
    }

    /// <summary>503 with the Chinese busy page (no layout, no query); the browser may try again after a few seconds.</summary>
    private static ViewResult Busy(Controller controller)
    {
        controller.Response.Headers.RetryAfter = "5";
        var page = controller.View("/Features/Print/Busy.cshtml");
        page.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return page;
    }
}
