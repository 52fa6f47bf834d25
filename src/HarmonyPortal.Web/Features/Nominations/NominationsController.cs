using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>Gold nominations: the clerk's nominees and sheet, the city's review, the province's selection and list.</summary>
[Route("nominations")]
public sealed class NominationsController(
    NominationQueryService queries, NominationService nominations, SheetWorkflowService workflow, DeadlineExtensionService extensions, AuditLog audit) : Controller
{
    public const string Reasons = "reasons";

    /// <summary>The nominee and reason of a refused decision from the sheet's table, typed back into its form.</summary>
    public const string DecisionReason = "decision-reason";

    [HttpGet("")]
    public async Task<IActionResult> Index(GoldCategory category, int? year, int? batch, string? honour, CancellationToken ct) =>
        honour is { Length: > OfficeHonour.MaxIdLength } ? NotFound() : View(await queries.OverviewAsync(category, year, batch, ct, honour));

    [HttpPost("create")]
    public async Task<IActionResult> Create(NomineeInput input, CancellationToken ct)
    {
        var (id, result) = ModelState.IsValid
            ? await nominations.CreateAsync(input.Category, input.LedgerRowId, input.Batch, input.Narrative, ct, input.Tier, input.Honour, input.Year)
            : (0, ServiceResult.From(ModelState));
        if (!result.Succeeded)
        {
            TempData[Flash.Error] = string.Join("；", result.Errors.Select(e => e.Message));
            var honour = OfficeHonour.Is(input.Honour) ? $"honour={Uri.EscapeDataString(input.Honour!)}" + (input.Year is { } y ? $"&year={y}" : "") : $"category={input.Category}";
            return Redirect(ModelState.ContainsKey(nameof(input.Batch)) && ModelState[nameof(input.Batch)]!.Errors.Count > 0
                ? $"/nominations?{honour}"
                : $"/nominations?{honour}&batch={input.Batch}");
        }

        TempData[Flash.Success] = "已加入推荐表。请补充证明事项和附件，然后提交推荐表。";
        return RedirectToAction(nameof(Nominee), new { id });
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Nominee(long id, CancellationToken ct) => View(await queries.NomineeAsync(id, ct));

    [HttpPost("{id:long}/narrative")]
    public async Task<IActionResult> Narrative(long id, NarrativeInput input, CancellationToken ct) =>
        await NomineeResult(id, ModelState.IsValid ? await nominations.UpdateNarrativeAsync(id, input.Narrative, ct) : ServiceResult.From(ModelState), "已保存主要事迹。", ct);

    [HttpPost("{id:long}/attest")]
    public async Task<IActionResult> Attest(long id, string criterionId, string? evidence, CancellationToken ct) =>
        await NomineeResult(id, await nominations.AttestAsync(id, criterionId, evidence, ct), "已保存证明事项。", ct);

    /// <summary>The reviewer of the level above confirms (or rejects, with a reason) the evidence of one attested condition.</summary>
    [HttpPost("{id:long}/attest/review")]
    public async Task<IActionResult> ReviewAttestation(long id, string? criterionId, AttestationReviewInput input, CancellationToken ct) =>
        await NomineeTransition(id, await workflow.ReviewAttestationAsync(id, criterionId, input.Confirm, input.Checked(ModelState), ct), input.Confirm ? "已确认该证明事项。" : "已记录不予确认及理由。", ct);

    [HttpPost("{id:long}/evidence")]
    [RequestSizeLimit(8 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 8 * 1024 * 1024)]
    public async Task<IActionResult> Evidence(long id, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return await NomineeResult(id, ServiceResult.Fail("File", "附件：请选择要上传的文件"), "", ct);
        }

        await using var stream = file.OpenReadStream();
        var result = await nominations.AddEvidenceAsync(id, file.FileName, stream, file.Length, ct);
        if (!result.Succeeded && file.Length > Core.Nominations.EvidenceFile.MaxBytes)
        {
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }

        return await NomineeResult(id, result, "已上传附件。", ct);
    }

    /// <summary>Streams the file from the database (never loaded whole), as an attachment that no cache keeps.</summary>
    [HttpGet("{id:long}/evidence/{evidenceId:long}")]
    public async Task<IActionResult> EvidenceFile(long id, long evidenceId, [FromServices] Core.Data.HarmonyDbContext db, CancellationToken ct)
    {
        var evidence = await queries.EvidenceAsync(id, evidenceId, ct);
        await audit.RecordAsync(AuditActions.NominationEvidenceDownloaded, AuditOutcome.Success, NominationService.ObjectType, id.ToString(), evidence.FileName, ct: ct);
        var content = await EvidenceContentStream.OpenAsync(db, evidence.Id, ct);
        Response.Headers.CacheControl = "no-store";
        Response.ContentLength = evidence.Size;
        return File(content, evidence.ContentType, evidence.FileName);
    }

    [HttpPost("{id:long}/evidence/{evidenceId:long}/delete")]
    public async Task<IActionResult> RemoveEvidence(long id, long evidenceId, CancellationToken ct) =>
        await NomineeResult(id, await nominations.RemoveEvidenceAsync(id, evidenceId, ct), "已删除附件。", ct);

    [HttpPost("{id:long}/delete")]
    public async Task<IActionResult> Delete(long id, CancellationToken ct)
    {
        var page = await queries.NomineeAsync(id, ct);
        var result = await nominations.DeleteAsync(id, ct);
        if (!result.Succeeded)
        {
            return await NomineeResult(id, result, "", ct);
        }

        TempData[Flash.Success] = $"已将 {page.Nomination.Name} 移出推荐表。";
        return Redirect($"/nominations/sheets/{page.Nomination.SheetId}");
    }

    /// <summary>The city's decision on one nominee, from the nominee's page or (<paramref name="sheet"/> given) from the sheet's table.</summary>
    [HttpPost("{id:long}/decide")]
    public async Task<IActionResult> Decide(long id, NomineeDecisionInput input, long? sheet, CancellationToken ct)
    {
        var result = await workflow.DecideAsync(id, input.Approve, input.Checked(ModelState), ct);
        var done = input.Approve ? "已审核通过该推荐对象。" : "已记录不通过及理由。";
        if (sheet is not { } sheetId)
        {
            return await NomineeTransition(id, result, done, ct);
        }

        if (result.Forbidden)
        {
            await ForbiddenAsync();
        }

        ViewData[DecisionReason] = (id, input.Reason);
        return await SheetTransition(sheetId, result, done, ct, $"nominee-{id}");
    }

    [HttpPost("{id:long}/select")]
    [Authorize(Policy = AccessPolicies.Reviewer)]
    public async Task<IActionResult> Select(long id, NomineeSelectionInput input, CancellationToken ct) =>
        await NomineeTransition(id, await workflow.SelectAsync(id, input.Select, input.Checked(ModelState), ct), input.Select ? "已选为入选对象。" : "已记录未入选及理由。", ct);

    [HttpGet("sheets/{id:long}")]
    public async Task<IActionResult> Sheet(long id, CancellationToken ct) => View(await queries.SheetAsync(id, ct));

    /// <summary>The confirmation step of a submission: the nominees and the rule findings that will be sent.</summary>
    [HttpGet("sheets/{id:long}/submit")]
    public async Task<IActionResult> ConfirmSubmit(long id, CancellationToken ct)
    {
        var page = await queries.SheetAsync(id, ct);
        return page.Allowed.Contains(WorkflowAction.Submit) ? View(new SubmitConfirmation(page, null)) : RedirectToAction(nameof(Sheet), new { id });
    }

    [HttpPost("sheets/{id:long}/submit")]
    public async Task<IActionResult> Submit(long id, int version, bool confirmed, CancellationToken ct)
    {
        var page = confirmed ? null : await queries.SheetAsync(id, ct);
        if (page is not null && page.Allowed.Contains(WorkflowAction.Submit))
        {
            // Nothing is sent without the confirmation box: the confirmation page again.
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("ConfirmSubmit", new SubmitConfirmation(page, "请勾选“确认提交以上推荐对象”后再提交"));
        }

        return await SheetTransition(id, await workflow.SubmitAsync(id, version, ct), "推荐表已提交，等待上级审核。", ct);
    }

    [HttpPost("sheets/{id:long}/return")]
    public async Task<IActionResult> Return(long id, int version, ReturnReasonInput input, CancellationToken ct) =>
        await SheetTransition(id, await workflow.ReturnAsync(id, version, input.Checked(ModelState), ct), "推荐表已退回。", ct);

    [HttpPost("sheets/{id:long}/approve")]
    public async Task<IActionResult> Approve(long id, int version, CancellationToken ct) =>
        await SheetTransition(id, await workflow.ApproveAsync(id, version, ct), "推荐表已审核通过，通过的推荐对象已并入市级推荐表。", ct);

    [HttpPost("sheets/{id:long}/forward")]
    public async Task<IActionResult> Forward(long id, int version, CancellationToken ct) =>
        await SheetTransition(id, await workflow.ForwardAsync(id, version, ct), "市级推荐表已上报省级。", ct);

    [HttpPost("sheets/{id:long}/reopen")]
    public async Task<IActionResult> Reopen(long id, int version, ReopenReasonInput input, CancellationToken ct) =>
        await SheetTransition(id, await workflow.ReopenAsync(id, version, input.Checked(ModelState), ct), "推荐表已重新打开，等待下级更正。", ct);

    /// <summary>Approves the checked counties' sheets; each item is "sheetId:version".</summary>
    [HttpPost("bulk-approve")]
    public async Task<IActionResult> BulkApprove(SheetKeyInput key, string[]? items, CancellationToken ct)
    {
        var parsed = (items ?? []).Select(i => i.Split(':')).Where(p => p.Length == 2 && long.TryParse(p[0], out _) && int.TryParse(p[1], out _))
            .Select(p => (long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (parsed.Count == 0)
        {
            TempData[Flash.Error] = "请先勾选要批量审核通过的推荐表。";
        }
        else
        {
            var results = await workflow.BulkApproveAsync(parsed, ct);
            var done = results.Where(r => r.Result.Succeeded).Select(r => r.Region).ToList();
            var failed = results.Where(r => !r.Result.Succeeded).Select(r => $"{r.Region}：{string.Join("；", r.Result.Reasons)}").ToList();
            TempData[Flash.Success] = done.Count == 0 ? null : $"已审核通过 {done.Count} 个推荐表：{string.Join("、", done)}。";
            TempData[Flash.Error] = failed.Count == 0 ? null : "未能通过：" + string.Join("｜", failed);
        }

        return Redirect($"/nominations?{key.ToSheetKey().Query}");
    }

    [HttpPost("publish")]
    [Authorize(Policy = AccessPolicies.Reviewer)]
    public async Task<IActionResult> Publish(SheetKeyInput key, bool confirmed, CancellationToken ct)
    {
        var (category, year, batch) = (key.StoredCategory, key.Year, key.Batch);
        var result = await workflow.PublishAsync(category, year, batch, confirmed, ct, key.Honour);
        if (result.Forbidden)
        {
            await ForbiddenAsync();
            TempData[Flash.Error] = string.Join("；", result.Reasons);
            return View(nameof(Index), await queries.OverviewAsync(category, year, batch, ct, key.Honour));
        }

        if (result.Value is { } preview)
        {
            // Nothing is published without the confirmation box: the confirmation page again.
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("ConfirmPublish", new PublishConfirmation(await queries.KeyAsync(key, ct), preview, "请勾选“确认发布以上名单”后再发布"));
        }

        return this.Answer(result, () => Redirect($"/nominations?{key.ToSheetKey().Query}"), notice: "名单已发布，已通知名单上的各地区。");
    }

    [HttpPost("extend")]
    public async Task<IActionResult> Extend(int regionId, SheetKeyInput key, ExtensionInput extension, DeadlineStep? step, CancellationToken ct)
    {
        var (category, year, batch) = (key.StoredCategory, key.Year, key.Batch);
        var result = ModelState.IsValid
            ? await extensions.ExtendAsync(regionId, category, year, batch, extension.NewDate!.Value, extension.Reason!, ct, step, key.Honour)
            : await extensions.RefusedAsync(regionId, ServiceResult.From(ModelState).Reasons, ct);
        return this.Answer(result, () => Redirect($"/nominations?{key.ToSheetKey().Query}"),
            notice: $"已延期至 {extension.NewDate:yyyy-MM-dd}。");
    }

    private async Task<IActionResult> SheetTransition(
        long id, ServiceResult result, string done, CancellationToken ct, string? fragment = null)
    {
        if (result.Succeeded)
        {
            TempData[Flash.Success] = done;
            return RedirectToAction(nameof(Sheet), null, new { id }, fragment);
        }

        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = WriteAnswers.RefusalStatus(result);
        }

        ViewData[Reasons] = result.Reasons;
        return View(nameof(Sheet), await queries.SheetAsync(id, ct));
    }

    private async Task<IActionResult> NomineeTransition(long id, ServiceResult result, string done, CancellationToken ct)
    {
        if (result.Forbidden)
        {
            await ForbiddenAsync();
        }

        return await NomineeResult(id, result, done, ct);
    }

    /// <summary>A refusal that says why (the honour is selected at another level): 403, audited like any other denial.</summary>
    private async Task ForbiddenAsync()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await AccessDenial.RecordAsync(HttpContext, "角色或地区无权操作");
    }

    private async Task<IActionResult> NomineeResult(long id, ServiceResult result, string done, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData[Flash.Success] = done;
            return RedirectToAction(nameof(Nominee), new { id });
        }

        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = WriteAnswers.RefusalStatus(result);
        }

        ViewData[Reasons] = result.Reasons;
        return View(nameof(Nominee), await queries.NomineeAsync(id, ct));
    }
}
