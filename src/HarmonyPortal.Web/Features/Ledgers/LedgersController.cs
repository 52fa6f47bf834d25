using HarmonyPortal.Core.Input;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>Every ledger through one controller: the definition named by {kind} supplies the columns and rules.</summary>
[Route("ledgers")]
public sealed class LedgersController(
    LedgerQueryService queries,
    LedgerWriteService writer,
    LedgerCarryForward carryForward,
    LedgerImportService importer,
    ImportUploads uploads,
    LedgerExportService exporter,
    LedgerConfirmation confirmation) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, CancellationToken ct) => View(await queries.IndexAsync(year, ct));

    [HttpGet("{kind}")]
    public async Task<IActionResult> List(string kind, [FromQuery] LedgerListQuery query, CancellationToken ct) =>
        View(await queries.ListAsync(Definition(kind), query, ct));

    [HttpGet("{kind}/create")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public async Task<IActionResult> Create(string kind, int? year, CancellationToken ct) =>
        View("Form", new LedgerFormViewModel(Definition(kind), new Dictionary<string, string?>(), [], Year(year))
        {
            Units = await writer.UnitChoicesAsync(writer.RegionId, null, ct),
            Towns = await queries.TownsAsync(Definition(kind), writer.RegionId, Year(year), ct),
        });

    [HttpPost("{kind}/create")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public async Task<IActionResult> Create(string kind, LedgerYearInput input, [FromForm(Name = "values")] Dictionary<string, string?> values, CancellationToken ct)
    {
        var definition = Definition(kind);
        var year = input.Year;
        var result = ModelState.IsValid
            ? await writer.CreateAsync(definition, year, values, ct)
            : YearRefused();
        if (!result.Succeeded)
        {
            return View("Form", new LedgerFormViewModel(definition, values, FieldErrors(result), year)
            {
                Units = await writer.UnitChoicesAsync(writer.RegionId, null, ct),
                Towns = await queries.TownsAsync(definition, writer.RegionId, year, ct),
            });
        }

        TempData[Flash.Success] = "已保存。";
        return RedirectToAction(nameof(Details), new { kind, id = result.Value });
    }

    [HttpGet("{kind}/{id:long}")]
    public async Task<IActionResult> Details(string kind, long id, bool reveal, CancellationToken ct) =>
        View(await queries.DetailsAsync(Definition(kind), id, reveal, ct));

    [HttpGet("{kind}/{id:long}/edit")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public async Task<IActionResult> Edit(string kind, long id, CancellationToken ct) =>
        View("Form", await queries.EditFormAsync(Definition(kind), id, ct));

    [HttpPost("{kind}/{id:long}/edit")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public async Task<IActionResult> Edit(string kind, long id, int version, [FromForm(Name = "values")] Dictionary<string, string?> values, CancellationToken ct)
    {
        var definition = Definition(kind);
        var result = await writer.UpdateAsync(definition, id, version, values, ct);
        if (result is { Conflict: true, Value: { } conflict })
        {
            Response.StatusCode = WriteAnswers.RefusalStatus(result);
            var form = new LedgerFormViewModel(definition, values, [], 0, id, conflict.CurrentVersion);
            return View("Conflict", new LedgerConflictViewModel(form, conflict));
        }

        if (!result.Succeeded)
        {
            var row = await writer.FindAsync(definition, id, unseal: false, ct);
            return View("Form", new LedgerFormViewModel(definition, values, FieldErrors(result), row.Year, id, version, row.Region.Name)
            {
                Units = await writer.UnitChoicesAsync(row.RegionId, row.UnitId, ct),
                Towns = await queries.TownsAsync(definition, row.RegionId, row.Year, ct),
            });
        }

        TempData[Flash.Success] = "已保存。";
        return RedirectToAction(nameof(Details), new { kind, id });
    }

    [HttpGet("{kind}/{id:long}/history")]
    public async Task<IActionResult> History(string kind, long id, CancellationToken ct) =>
        View(await queries.HistoryAsync(Definition(kind), id, ct));

    [HttpPost("{kind}/carry-forward")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public async Task<IActionResult> CarryForward(string kind, CarryForwardInput input, CancellationToken ct)
    {
        // Both years in range: CarryForwardInputValidator.
        if (!ModelState.IsValid)
        {
            TempData[Flash.Error] = string.Join("；", ServiceResult.From(ModelState).Errors.Select(e => e.Message));
            return RedirectToAction(nameof(List), new { kind });
        }

        var year = input.Year;
        if (await writer.LockRefusalAsync(writer.RegionId, year, ct) is { } locked)
        {
            TempData[Flash.Error] = locked;
            return RedirectToAction(nameof(List), new { kind, year });
        }

        var outcome = await carryForward.RunAsync(Definition(kind), year, ct);
        TempData[Flash.Success] = $"已从 {year - 1} 年度结转 {outcome.Copied} 条记录到 {year} 年度，状态为“待复核”；{outcome.Skipped} 条因本年度已有或所属调解组织未结转而跳过。";
        return RedirectToAction(nameof(List), new { kind, year });
    }

    /// <summary>确认待复核: the own region's carried-forward rows of the year, all of them or those of the list's filter.</summary>
    [HttpPost("{kind}/confirm")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public async Task<IActionResult> Confirm(string kind, [FromQuery] LedgerListQuery query, bool all, CancellationToken ct)
    {
        var definition = Definition(kind);
        query.Check(definition, writer.Today);
        var result = await confirmation.ConfirmAsync(definition, query, all, ct);
        return this.Answer(result, () => RedirectToAction(nameof(List), new { kind, year = query.Year }));
    }

    [HttpGet("{kind}/template")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public IActionResult Template(string kind, int? year)
    {
        var definition = Definition(kind);
        var y = Year(year);
        return File(exporter.Template(definition, y), LedgerExportService.ContentType, $"{definition.Title}（模板）-{y}.xlsx");
    }

    [HttpGet("{kind}/export")]
    public async Task<IActionResult> Export(string kind, [FromQuery] LedgerListQuery query, CancellationToken ct)
    {
        var definition = Definition(kind);
        query.Check(definition, writer.Today);
        return File(await exporter.ExportAsync(definition, query, ct), LedgerExportService.ContentType, $"{definition.Title}-{query.Year}.xlsx");
    }

    [HttpGet("{kind}/import")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public IActionResult Import(string kind, int? year) =>
        View(new LedgerImportViewModel(Definition(kind), Year(year), null));

    /// <summary>The upload: kept server-side under a token, then a dry run whose counts and problems the clerk sees before anything is saved.</summary>
    [HttpPost("{kind}/import")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    [RequestSizeLimit(LedgerImportViewModel.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = LedgerImportViewModel.MaxRequestBytes)]
    public async Task<IActionResult> Import(string kind, LedgerYearInput input, IFormFile? file, ImportMode mode, CancellationToken ct)
    {
        var definition = Definition(kind);
        var year = input.Year;
        // An import's year is one the form itself would accept (LedgerYearInputValidator).
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new LedgerImportViewModel(definition, queries.CurrentYear, ImportOutcome.Refused(string.Join("；", ServiceResult.From(ModelState).Errors.Select(e => e.Message)))));
        }

        if (await writer.LockRefusalAsync(writer.RegionId, year, ct) is { } locked)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new LedgerImportViewModel(definition, year, ImportOutcome.Refused(locked)) { Mode = mode });
        }

        if (file is null || file.Length == 0)
        {
            return View(new LedgerImportViewModel(definition, year, ImportOutcome.Refused("请选择要上传的 Excel 文件")) { Mode = mode });
        }

        if (file.Length > LedgerImportService.Limits.MaxBytes)
        {
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return View(new LedgerImportViewModel(definition, year, ImportOutcome.Refused($"文件大小 {file.Length / 1048576.0:0.0} MB，超过上限 10 MB")) { Mode = mode });
        }

        await using var stream = file.OpenReadStream();
        var token = await uploads.SaveAsync(stream, ct);
        return await PreviewAsync(definition, year, token, mode, new Dictionary<string, string?>(), ct);
    }

    /// <summary>
    /// The preview's two buttons: 重新预览 (another dry run, with the values chosen for the columns the file lacks) and
    /// 确认导入 (the import itself, refused when the data changed since the preview).
    /// </summary>
    [HttpPost("{kind}/import/confirm")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public async Task<IActionResult> ImportConfirm(string kind, string token, string? action, [FromForm(Name = "chosen")] Dictionary<string, string?> chosen, CancellationToken ct)
    {
        var definition = Definition(kind);
        if (uploads.Find(token) is not { Preview: { } preview } upload || preview.Kind != definition.Key)
        {
            TempData[Flash.Error] = "上传的文件已过期或已导入（预览后 1 小时内有效），请重新上传。";
            return RedirectToAction(nameof(Import), new { kind });
        }

        // 确认导入 after changing a value without 重新预览: the clerk first sees the preview with the new value.
        var changed = chosen.Any(kv => (preview.Chosen.GetValueOrDefault(kv.Key) ?? "") != (kv.Value ?? "").Trim());
        if (action != "confirm" || changed)
        {
            return await PreviewAsync(definition, preview.Year, token, preview.Mode, chosen, ct);
        }

        // The year may have been reported (and so locked) between the preview and the confirmation.
        if (await writer.LockRefusalAsync(writer.RegionId, preview.Year, ct) is { } locked)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Import), new LedgerImportViewModel(definition, preview.Year, ImportOutcome.Refused(locked)) { Mode = preview.Mode });
        }

        ImportOutcome outcome;
        await using (var stream = System.IO.File.OpenRead(upload.Path))
        {
            outcome = await importer.ImportAsync(definition, preview.Year, stream, new ImportRequest(preview.Mode, preview.Chosen, DryRun: false, preview), ct);
        }

        if (outcome.Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Import), await ImportViewAsync(definition, preview.Year, outcome, token, preview.Mode, ct));
        }

        uploads.Delete(token);
        TempData[Flash.Success] = $"已导入 {outcome.Saved} 条记录（{outcome.Added} 新增，{outcome.Updated} 更新，{outcome.Unchanged} 无变化）。";
        return RedirectToAction(nameof(List), new { kind, year = preview.Year });
    }

    private async Task<IActionResult> PreviewAsync(ILedgerDefinition definition, int year, string token, ImportMode mode, Dictionary<string, string?> chosen, CancellationToken ct)
    {
        ImportOutcome outcome;
        var path = uploads.Find(token)?.Path ?? throw new OutOfScopeException();
        await using (var stream = System.IO.File.OpenRead(path))
        {
            outcome = await importer.ImportAsync(definition, year, stream, new ImportRequest(mode, chosen, DryRun: true), ct);
        }

        var values = outcome.AbsentValues.ToDictionary(kv => kv.Key, kv => kv.Value);
        uploads.SavePreview(token, new ImportPreview(definition.Key, year, mode, values, outcome.Added, outcome.Updated, outcome.Unchanged, outcome.Versions));
        if (outcome.Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return View(nameof(Import), await ImportViewAsync(definition, year, outcome, token, mode, ct));
    }

    private async Task<LedgerImportViewModel> ImportViewAsync(ILedgerDefinition definition, int year, ImportOutcome outcome, string token, ImportMode mode, CancellationToken ct) =>
        new(definition, year, outcome) { Token = token, Mode = mode, Choices = await importer.ChoicesAsync(definition, year, outcome.Absent, ct) };

    [HttpGet("{kind}/import/{token}")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public async Task<IActionResult> ImportErrors(string kind, string token, CancellationToken ct)
    {
        var definition = Definition(kind);
        var path = importer.AnnotatedPath(token) ?? throw new OutOfScopeException();
        await importer.RecordErrorsDownloadAsync(definition, ct);
        return PhysicalFile(path, LedgerExportService.ContentType, $"{definition.Title}（导入错误说明）.xlsx");
    }

    /// <summary>The year of a query string, the current one when none; outside <see cref="PortalYears"/> it is answered 400.</summary>
    private int Year(int? year) => PortalYears.Checked(year, writer.Today);

    /// <summary>The refusals of the year (<see cref="LedgerYearInputValidator"/>), shown at the year field.</summary>
    private ServiceResult<long> YearRefused() =>
        ServiceResult.From(ModelState).Reasons.Aggregate(new ServiceResult(), (r, m) => r.Add("Year", m)).As<long>();

    /// <summary>A refusal's errors as the form shows them, field by field.</summary>
    private static List<FieldError> FieldErrors(ServiceResult result) =>
        [.. result.Errors.Select(e => new FieldError(e.Field, e.Message))];

    private static ILedgerDefinition Definition(string kind) => LedgerCatalog.Find(kind) ?? throw new OutOfScopeException();
}
