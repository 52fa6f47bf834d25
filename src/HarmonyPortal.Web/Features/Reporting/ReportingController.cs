using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Reporting;

/// <summary>台账报送: the yearly roll-up of ledger reports, county → city → province.</summary>
[Route("reporting")]
public sealed class ReportingController(ReportingPageService pages, LedgerReportingService reporting) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? regionId, CancellationToken ct) =>
        View(await pages.PageAsync(regionId, year, ct));

    [HttpPost("{regionId:int}/report")]
    public async Task<IActionResult> Report(int regionId, int year, bool confirmed, CancellationToken ct) =>
        Done(await reporting.ReportAsync(regionId, year, confirmed, ct), year);

    [HttpPost("{regionId:int}/return")]
    public async Task<IActionResult> ReturnReport(int regionId, int year, string? reason, CancellationToken ct) =>
        Done(await reporting.ReturnAsync(regionId, year, reason, ct), year);

    private RedirectToActionResult Done(ReportingOutcome outcome, int year)
    {
        TempData[outcome.Succeeded ? Flash.Success : Flash.Error] = outcome.Message;
        return RedirectToAction(nameof(Index), new { year, regionId = outcome.PageRegionId });
    }
}
