using HarmonyPortal.Core.Rules.Editing;
using HarmonyPortal.Web.Features.Ledgers;
using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>配额表: a draft's quotas as one table shaped like 附件1 任务安排表, in the browser and as Excel.</summary>
[Authorize(Policy = AccessPolicies.SystemDuty)]
[Route("rules/drafts/{id:int}")]
public sealed class GridController(RuleDraftService drafts) : Controller
{
    private const long MaxUploadBytes = 2 * 1024 * 1024;

    [HttpGet("grid")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        return View("Grid", new GridPage(state, GridPage.Build(state)));
    }

    [HttpPost("grid")]
    public async Task<IActionResult> Save(int id, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        var grid = GridPage.Build(state);
        var form = await Request.ReadFormAsync(ct);
        var result = grid.Apply((row, column) => form.TryGetValue(GridPage.FieldName(row, column), out var value) ? value.ToString() : null);
        var typed = Typed(grid, form);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Grid", new GridPage(state, grid)
            {
                Typed = typed,
                CellErrors = result.Errors.ToDictionary(e => (e.Row, e.Column), e => e.Message),
                Errors = result.Errors.Select(e => grid.PageLocation(e.Row, e.Column) + "：" + e.Message).ToList(),
            });
        }

        return await SavedAsync(id, state, grid, result.RuleSet!, result.ChangedCells, typed, "配额表", ct);
    }

    [HttpGet("grid.xlsx")]
    public async Task<IActionResult> Download(int id, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        using var stream = new MemoryStream();
        QuotaGridWorkbook.Write(GridPage.Build(state), stream);
        return File(stream.ToArray(), LedgerExportService.ContentType, $"{state.Region.Name}任务安排表（{state.Draft.PeriodText}）.xlsx");
    }

    [HttpPost("grid.xlsx")]
    [RequestSizeLimit(MaxUploadBytes + (64 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + (64 * 1024))]
    public async Task<IActionResult> Upload(int id, IFormFile? file, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        var grid = GridPage.Build(state);
        string[]? refused = file switch
        {
            null or { Length: 0 } => ["请选择要上传的 Excel 文件"],
            { Length: > MaxUploadBytes } => [$"文件大小 {file.Length / 1048576.0:0.0} MB，超过上限 2 MB"],
            _ => null,
        };
        QuotaGridUpload? upload = null;
        if (refused is null)
        {
            await using var stream = file!.OpenReadStream();
            upload = QuotaGridWorkbook.Read(grid, stream, ct);
        }

        if (refused is not null || upload!.RuleSet is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Grid", new GridPage(state, grid) { Errors = [.. (refused ?? upload!.Errors).Select(e => "上传的 Excel 未导入：" + e)] });
        }

        return await SavedAsync(id, state, grid, upload.RuleSet, upload.ChangedCells, new Dictionary<(int, int), string>(), "Excel 中的配额表", ct);
    }

    private async Task<IActionResult> SavedAsync(int id, RuleDraftState state, QuotaGrid grid, Core.Rules.RuleSet ruleSet, int changed,
        IReadOnlyDictionary<(int, int), string> typed, string what, CancellationToken ct)
    {
        if (changed == 0)
        {
            TempData[Flash.Success] = $"{what}与草稿相同，没有改动。";
            return Redirect($"/rules/drafts/{id}/grid");
        }

        var errors = await drafts.SaveAsync(id, ruleSet, ct);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Grid", new GridPage(state, grid) { Typed = typed, Errors = errors.Select(e => "未保存：" + e.Message).ToList() });
        }

        TempData[Flash.Success] = $"已把{what}保存到草稿（改动 {changed} 格）。";
        return Redirect($"/rules/drafts/{id}/grid");
    }

    private static Dictionary<(int Row, int Column), string> Typed(QuotaGrid grid, IFormCollection form)
    {
        var typed = new Dictionary<(int, int), string>();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            for (var c = 0; c < grid.Columns.Count; c++)
            {
                if (form.TryGetValue(GridPage.FieldName(grid.Rows[r], grid.Columns[c]), out var value))
                {
                    typed[(r, c)] = value.ToString();
                }
            }
        }

        return typed;
    }
}
