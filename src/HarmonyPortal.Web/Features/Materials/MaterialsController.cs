using System.Globalization;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Materials;

/// <summary>材料报送 and 材料审核: the region's clerk makes and submits materials, the level above reviews them, everyone sees the roll-up.</summary>
[Route("materials")]
public sealed class MaterialsController(MaterialQueries queries, MaterialSubmitterService submitter, MaterialReviewService review, TaskExtensionService extensions, AuditLog audit) : Controller
{
    public const string Reasons = "reasons";

    /// <summary>Set on a refused form: which one, to show the errors and the typed values beside it.</summary>
    public const string PostedForm = "posted-form";

    private const long UploadLimit = 55L * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? regionId, int? year, CancellationToken ct) => View(await queries.IndexAsync(regionId, year, ct));

    [HttpPost("{regionId:int}/create")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Create(int regionId, int year, int jurisdictionRegionId, string? taskId, string? title, string? summary, CancellationToken ct)
    {
        var (result, id) = await submitter.CreateAsync(regionId, year, jurisdictionRegionId, taskId, title, summary, MaterialUploads.From(Request), ct);
        if (result.Succeeded)
        {
            TempData[Flash.Success] = "材料已保存为草稿。核对无误后请在本页“提交”报送上级。";
            return Redirect($"/materials/{id}");
        }

        Refused(result, $"material-{jurisdictionRegionId}-{taskId}");
        ViewData["title"] = title;
        ViewData["summary"] = summary;
        return View(nameof(Index), await queries.IndexAsync(regionId, year, ct));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Details(long id, CancellationToken ct) => View(await queries.DetailsAsync(id, ct));

    [HttpPost("{id:long}/edit")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Edit(long id, int version, string? title, string? summary, long[]? removeFileIds, CancellationToken ct)
    {
        var result = await submitter.EditAsync(id, version, title, summary, removeFileIds ?? [], MaterialUploads.From(Request), ct);
        ViewData["title"] = title;
        ViewData["summary"] = summary;
        return await DoneAsync(id, result, "edit", "已保存修改。", ct);
    }

    [HttpPost("{id:long}/delete")]
    public async Task<IActionResult> Delete(long id, int version, bool confirmed, CancellationToken ct)
    {
        var result = await submitter.DeleteAsync(id, version, confirmed, ct);
        if (!result.Succeeded)
        {
            return await DoneAsync(id, result, "delete", "", ct);
        }

        TempData[Flash.Success] = "草稿已删除，移入回收站；在保留期内可在本页“已删除的草稿”中恢复。";
        return Redirect("/materials");
    }

    /// <summary>Restores a deleted draft from the recycle bin; a refusal (retention over) is shown on the materials page.</summary>
    [HttpPost("{id:long}/restore")]
    public async Task<IActionResult> Restore(long id, CancellationToken ct)
    {
        var result = await submitter.RestoreAsync(id, ct);
        if (result.Succeeded)
        {
            TempData[Flash.Success] = "草稿已恢复。";
            return Redirect($"/materials/{id}");
        }

        TempData[Flash.Error] = string.Join("；", result.Errors.Select(e => e.Message));
        return Redirect("/materials");
    }

    [HttpPost("{id:long}/submit")]
    public async Task<IActionResult> Submit(long id, int version, bool confirmed, CancellationToken ct) =>
        await DoneAsync(id, await submitter.SubmitAsync(id, version, confirmed, ct), "submit", "已提交，等待上一级审核。", ct);

    [HttpPost("{id:long}/withdraw")]
    public async Task<IActionResult> Withdraw(long id, int version, WithdrawReasonInput input, bool confirmed, CancellationToken ct) =>
        await DoneAsync(id, ModelState.IsValid ? await submitter.WithdrawAsync(id, version, input.Why, confirmed, ct) : ServiceResult.From(ModelState),
            "withdraw", "已撤回为草稿，可修改后重新提交。", ct, input.Reason);

    [HttpPost("{id:long}/accept")]
    public async Task<IActionResult> Accept(long id, int version, bool confirmed, CancellationToken ct) =>
        await DoneAsync(id, await review.AcceptAsync(id, version, confirmed, ct), "accept", "已接收。", ct);

    [HttpPost("{id:long}/return")]
    public async Task<IActionResult> Return(long id, int version, ReturnReasonInput input, bool confirmed, CancellationToken ct) =>
        await DoneAsync(id, ModelState.IsValid ? await review.ReturnAsync(id, version, input.Why, confirmed, ct) : ServiceResult.From(ModelState),
            "return", "已退回，报送地区将收到通知。", ct, input.Reason);

    [HttpPost("{id:long}/undo-accept")]
    public async Task<IActionResult> UndoAcceptance(long id, int version, UndoAcceptanceReasonInput input, bool confirmed, CancellationToken ct) =>
        await DoneAsync(id, ModelState.IsValid ? await review.UndoAcceptanceAsync(id, version, input.Why, confirmed, ct) : ServiceResult.From(ModelState),
            "undo", "已撤销接收，材料恢复为待审核。", ct, input.Reason);

    /// <summary>A file of a material, for anyone whose subtree holds the region; every download is audited, nothing cached.</summary>
    [HttpGet("files/{fileId:long}")]
    public async Task<IActionResult> Download(long fileId, CancellationToken ct)
    {
        var (file, material) = await queries.FileAsync(fileId, ct);
        await audit.RecordAsync(AuditActions.MaterialFileDownloaded, AuditOutcome.Success, MaterialSteps.ObjectType, material.Id.ToString(CultureInfo.InvariantCulture),
            $"{material.Year} 年度材料“{material.Title}”附件“{file.FileName}”", regionId: material.RegionId, ct: ct);
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpGet("review")]
    public async Task<IActionResult> Review(int? regionId, int? year, CancellationToken ct) => View(await queries.ReviewAsync(regionId, year, ct));

    /// <summary>延期 for one region below: a later due date for one material task of a year, with the reason.</summary>
    [HttpPost("review/extend")]
    public async Task<IActionResult> Extend(int regionId, int jurisdictionRegionId, string? taskId, int year, ExtensionInput extension, CancellationToken ct)
    {
        var result = ModelState.IsValid
            ? await extensions.GrantAsync(regionId, jurisdictionRegionId, taskId, year, TaskKind.Material, extension.NewDate!.Value, extension.Reason!, ct)
            : await extensions.RefusedAsync(regionId, ServiceResult.From(ModelState), ct);
        if (result.Succeeded)
        {
            TempData[Flash.Success] = $"已延期至 {extension.NewDate:yyyy-MM-dd}。";
            return Redirect($"/materials/review?year={year}");
        }

        Refused(result, $"extend-{regionId}-{jurisdictionRegionId}-{taskId}");
        ViewData["reason"] = extension.Reason;
        return View(nameof(Review), await queries.ReviewAsync(null, year, ct));
    }

    [HttpGet("rollup")]
    public async Task<IActionResult> Rollup(int? year, CancellationToken ct) => View(await queries.RollupAsync(year, ct));

    private async Task<IActionResult> DoneAsync(long id, ServiceResult result, string form, string success, CancellationToken ct, string? reason = null)
    {
        if (result.Succeeded)
        {
            TempData[Flash.Success] = success;
            return Redirect($"/materials/{id}");
        }

        Refused(result, form);
        ViewData["reason"] = reason;
        return View(nameof(Details), await queries.DetailsAsync(id, ct));
    }

    private void Refused(ServiceResult result, string form)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        ViewData[Reasons] = result.Errors.Select(e => e.Message).ToList();
        ViewData[PostedForm] = form;
    }
}
