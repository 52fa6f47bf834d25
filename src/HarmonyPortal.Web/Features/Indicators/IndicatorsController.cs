using HarmonyPortal.Core.Audit;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Indicators;

/// <summary>指标报送: figures an office reports with evidence for the indicator tasks of its plans.</summary>
[Route("indicators")]
public sealed class IndicatorsController(IndicatorService indicators, AuditLog audit) : Controller
{
    public const string Reasons = "reasons";

    /// <summary>Set on a refused report: the form it came from, to show the errors and the typed values beside it.</summary>
    public const string PostedForm = "posted-form";

    [HttpGet("")]
    public async Task<IActionResult> Index(int? regionId, int? year, CancellationToken ct) =>
        View(await indicators.PageAsync(regionId, year, ct));

    [HttpPost("{regionId:int}/report")]
    [RequestSizeLimit(27 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 27 * 1024 * 1024)]
    public async Task<IActionResult> Report(int regionId, int year, int jurisdictionRegionId, string? taskId, string? value, string? note, CancellationToken ct)
    {
        // Every file of the form counts, whatever its field's name.
        var files = Request.HasFormContentType ? Request.Form.Files : null;
        var posted = (files ?? (IEnumerable<IFormFile>)[]).Select(f => (f.FileName, f.Length, (Func<Stream>)f.OpenReadStream)).ToList();
        var result = await indicators.ReportAsync(regionId, year, jurisdictionRegionId, taskId, value, note, posted, ct);
        if (result.Succeeded)
        {
            TempData[Flash.Success] = "已报送，等待上一级审核。最新一次报送的数值计入进度，此前的报送保留在记录中。";
            return Redirect($"/indicators?regionId={regionId}&year={year}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        ViewData[Reasons] = result.Errors.Select(e => e.Message).ToList();
        ViewData[PostedForm] = $"report-{jurisdictionRegionId}-{taskId}";
        ViewData["value"] = value;
        ViewData["note"] = note;
        return View(nameof(Index), await indicators.PageAsync(regionId, indicators.ValidYear(year), ct));
    }

    /// <summary>A report's evidence file, for anyone whose subtree holds the region; every download is audited.</summary>
    [HttpGet("evidence/{id:long}")]
    public async Task<IActionResult> EvidenceFile(long id, CancellationToken ct)
    {
        var evidence = await indicators.EvidenceFileAsync(id, ct);
        await audit.RecordAsync(AuditActions.IndicatorEvidenceDownloaded, AuditOutcome.Success, IndicatorService.ObjectType, evidence.ReportId.ToString(System.Globalization.CultureInfo.InvariantCulture), evidence.FileName, ct: ct);
        Response.Headers.CacheControl = "no-store";
        return File(evidence.Content, evidence.ContentType, evidence.FileName);
    }
}
