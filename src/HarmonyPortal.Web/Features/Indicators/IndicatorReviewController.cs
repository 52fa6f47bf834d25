using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Indicators;

/// <summary>指标审核 and 指标汇总: the level above reviews the figures of the regions below; everyone reads the roll-up of their subtree.</summary>
[Route("indicators")]
public sealed class IndicatorReviewController(IndicatorReviewService review) : Controller
{
    /// <summary>Set on a refused step: the row's form, to show the errors and the typed reason beside it.</summary>
    public const string PostedForm = "posted-review-form";

    [HttpGet("review")]
    public async Task<IActionResult> Review(int? regionId, int? year, CancellationToken ct) =>
        View(await review.ReviewPageAsync(regionId, year, ct));

    [HttpGet("rollup")]
    public async Task<IActionResult> Rollup(int? year, CancellationToken ct) =>
        View(await review.RollupAsync(year, ct));

    [HttpPost("{regionId:int}/accept")]
    public Task<IActionResult> Accept(int regionId, long reportId, bool confirmed, CancellationToken ct) =>
        StepAsync(regionId, reportId, IndicatorReviewStep.Accept, null, confirmed, "已接收。", ct);

    [HttpPost("{regionId:int}/return")]
    public Task<IActionResult> Return(int regionId, long reportId, ReturnReasonInput input, bool confirmed, CancellationToken ct) =>
        StepAsync(regionId, reportId, IndicatorReviewStep.Return, input.Why, confirmed, "已退回，已通知该地区填报员更正后重新报送。", ct);

    [HttpPost("{regionId:int}/undo-accept")]
    public Task<IActionResult> UndoAccept(int regionId, long reportId, UndoAcceptanceReasonInput input, bool confirmed, CancellationToken ct) =>
        StepAsync(regionId, reportId, IndicatorReviewStep.UndoAcceptance, input.Why, confirmed, "已撤销接收，该报送恢复为待审核。", ct);

    [HttpPost("{regionId:int}/extend")]
    public async Task<IActionResult> Extend(int regionId, int year, int jurisdictionRegionId, string? taskId, ExtensionInput extension, CancellationToken ct)
    {
        var outcome = ModelState.IsValid
            ? await review.ExtendAsync(regionId, jurisdictionRegionId, taskId, year, extension.NewDate!.Value, extension.Reason!, ct)
            : await review.RefusedAsync(regionId, year, ServiceResult.From(ModelState), ct);
        return await OutcomeAsync(outcome, $"review-{regionId}-{jurisdictionRegionId}-{taskId}", $"已延期至 {extension.NewDate:yyyy-MM-dd}，已通知该地区填报员。", ct);
    }

    private async Task<IActionResult> StepAsync(int regionId, long reportId, IndicatorReviewStep step, string? reason, bool confirmed, string done, CancellationToken ct)
    {
        var outcome = await review.StepAsync(regionId, reportId, step, reason, confirmed, ServiceResult.From(ModelState), ct);
        return await OutcomeAsync(outcome, null, done, ct, regionId, reportId);
    }

    private async Task<IActionResult> OutcomeAsync(ServiceResult<ReviewPlace> outcome, string? form, string done,
        CancellationToken ct, int? regionId = null, long? reportId = null)
    {
        var place = outcome.Value!;
        if (outcome.Succeeded)
        {
            TempData[Flash.Success] = done;
            return Redirect($"/indicators/review?regionId={place.ReviewRegionId}&year={place.Year}");
        }

        Response.StatusCode = WriteAnswers.RefusalStatus(outcome);
        ViewData[IndicatorsController.Reasons] = outcome.Reasons;
        var page = await review.ReviewPageAsync(place.ReviewRegionId, place.Year, ct);
        ViewData[PostedForm] = form ?? page.Tasks.SelectMany(t => t.Rows).FirstOrDefault(r => r.RegionId == regionId && r.Latest?.Id == reportId)?.FormId;
        ViewData["reason"] = Request.HasFormContentType ? Request.Form["reason"].ToString() : null;
        return View(nameof(Review), page);
    }
}
