using HarmonyPortal.Core.Audit;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Print;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Materials.Publication;

/// <summary>
/// 典型案例和经验做法: the published list of a region and a year (page and PDF), publishing and withdrawing by the
/// receiving level's reviewers (each confirmed, a withdrawal with its reason), and the published materials' files.
/// </summary>
[Route("materials/published")]
public sealed class MaterialPublicationController(PublicationService publication, PdfPrinting printing, AuditLog audit) : Controller
{
    public const string ObjectList = "published-materials";

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? regionId, CancellationToken ct)
    {
        var y = Core.Input.PortalYears.Checked(year, publication.Today);
        var publisher = await publication.PublisherAsync(regionId, ct);
        var candidates = await publication.CandidatesAsync(publisher, y, ct);
        return View(new PublishedMaterialsPage(publisher, await publication.ListAsync(publisher, y, ct), await publication.PublishersAsync(ct), candidates, publication.CanPublish(publisher),
            Core.Input.PortalYears.Choices(publication.Today)));
    }

    [HttpPost("{id:long}/publish")]
    public async Task<IActionResult> Publish(long id, int? version, bool confirmed, CancellationToken ct)
    {
        var (publisher, year, error) = await publication.PublishAsync(id, version, confirmed, ct);
        TempData[error is null ? Flash.Success : Flash.Error] = error ?? "已发布。下级和上级在“典型案例和经验做法”中可以看到；如有错误，可以撤回发布并说明原因。";
        return Redirect($"/materials/published?year={year}&regionId={publisher.Id}");
    }

    [HttpPost("{id:long}/unpublish")]
    public async Task<IActionResult> Unpublish(long id, int? version, UnpublishReasonInput input, bool confirmed, CancellationToken ct)
    {
        var (publisher, year, error) = await publication.UnpublishAsync(id, version, input.Checked(ModelState), confirmed, ct);
        TempData[error is null ? Flash.Success : Flash.Error] = error ?? "已撤回发布，撤回原因已记入材料的处理记录。";
        return Redirect($"/materials/published?year={year}&regionId={publisher.Id}");
    }

    /// <summary>A file of a published material; every download is audited.</summary>
    [HttpGet("files/{id:long}")]
    public async Task<IActionResult> File(long id, CancellationToken ct)
    {
        var file = await publication.FileAsync(id, ct);
        await audit.RecordAsync(AuditActions.MaterialPublishedFileDownloaded, AuditOutcome.Success, PublicationService.ObjectType,
            file.SubmissionId.ToString(System.Globalization.CultureInfo.InvariantCulture), file.FileName, ct: ct);
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The list as a PDF, printed like the other published lists (landscape A4, page numbers), audited.</summary>
    [HttpGet("~/materials/published.pdf")]
    public async Task<IActionResult> Pdf(int? year, int? regionId, CancellationToken ct)
    {
        var y = Core.Input.PortalYears.Checked(year, publication.Today);
        var publisher = await publication.PublisherAsync(regionId, ct);
        return await printing.PrintAsync(this, "PublishedMaterials", () => publication.ListAsync(publisher, y, ct), ObjectList,
            _ => $"{publisher.Id}:{y}", list => $"{list.Title}（{list.Lines.Count} 项）", ct);
    }
}
