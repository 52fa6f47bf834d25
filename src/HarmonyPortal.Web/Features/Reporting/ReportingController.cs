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
    public async Task<IActionResult> Report(int regionId, ReportInput input, CancellationToken ct) =>
        ModelState.IsValid ? Done(await reporting.ReportAsync(regionId, input.Year, input.Confirmed, ct), input.Year) : Invalid();

    [HttpPost("{regionId:int}/return")]
    public async Task<IActionResult> ReturnReport(int regionId, ReturnReportInput input, CancellationToken ct) =>
        ModelState.IsValid ? Done(await reporting.ReturnAsync(regionId, input.Year, input.Reason, ct), input.Year) : Invalid();

    private IActionResult Done(ServiceResult<int?> result, int year) =>
        this.Answer(result, () => RedirectToAction(nameof(Index), new { year, regionId = result.Value }));

    /// <summary>The validators' reasons on the user's own page (the refused year is not carried back to it).</summary>
    private RedirectToActionResult Invalid()
    {
        TempData[Flash.Error] = string.Join("；", ServiceResult.From(ModelState).Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index));
    }
}
