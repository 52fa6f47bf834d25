using HarmonyPortal.Core.Exports;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Ledgers;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.YearEnd;

/// <summary>年终汇总: start the year-end workbook of one's region as a background job, follow it, download it (province and city reviewers and admins).</summary>
[Route("year-end")]
[Authorize(Policy = YearEndAccess.Policy)]
public sealed class YearEndController(YearEndJobs jobs, YearEndJobStatus background) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, CancellationToken ct) =>
        View(await jobs.PageAsync(year, ct) with { Background = await background.ForAdminAsync(ct) });

    [HttpPost("exports")]
    public async Task<IActionResult> Start(YearEndStartInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // The refused year is not carried back: the page offers only the years it may start.
            TempData[Flash.Error] = string.Join("；", ServiceResult.From(ModelState).Errors.Select(e => e.Message));
            return RedirectToAction(nameof(Index));
        }

        return this.Answer(await jobs.StartAsync(input.Year, ct), () => RedirectToAction(nameof(Index), new { year = input.Year }));
    }

    [HttpGet("exports/{id:guid}")]
    public async Task<IActionResult> Status(Guid id, CancellationToken ct) =>
        await jobs.FindAsync(id, ct) is { } job
            ? Json(new { status = job.Status.ToString(), statusText = job.Status.ToChinese(), job.RowsWritten, job.RowsTotal, percent = YearEndPercent.Of(job) })
            : throw new OutOfScopeException();

    [HttpGet("exports/{id:guid}/download")]
    public async Task<IActionResult> Download(Guid id, CancellationToken ct) =>
        await jobs.DownloadAsync(id, ct) is { } file
            ? PhysicalFile(file.Path, LedgerExportService.ContentType, file.FileName)
            : throw new OutOfScopeException();
}

public static class YearEndPercent
{
    /// <summary>Progress rounded down to the 5 % steps the stylesheet has (.pct-0 … .pct-100).</summary>
    public static int Of(ExportJob job) => job.Status == ExportJobStatus.Done ? 100
        : job.RowsTotal <= 0 ? 0
        : (int)Math.Min(100, job.RowsWritten * 100 / job.RowsTotal) / 5 * 5;
}
