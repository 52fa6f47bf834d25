using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Admin.Regions;

/// <summary>Region changes of GB/T 2260 (更名、撤销、调整上级、合并、拆分) and a region's history, for province and city administrators.</summary>
[Authorize(Policy = AccessPolicies.RegionDuty)]
[Route("admin/regions/{id:int}")]
public sealed class RegionChangesController(RegionChangeService service, RegionMergeService merges, RegionMergeUndoService undo) : Controller
{
    private const string ChangeView = "Change";

    [HttpGet("history")]
    public async Task<IActionResult> History(int id, CancellationToken ct) => View(await service.HistoryAsync(id, ct));

    [HttpGet("rename")]
    public Task<IActionResult> Rename(int id, CancellationToken ct) => FormAsync(id, RegionChangeAction.Rename, null, ct);

    [HttpPost("rename")]
    public async Task<IActionResult> Rename(int id, RegionChangeInput input, CancellationToken ct) => !ModelState.IsValid
        ? await FormAsync(id, RegionChangeAction.Rename, input, ct)
        : await DoneAsync(id, RegionChangeAction.Rename, input, await service.RenameAsync(id, input, ct), $"已更名为“{input.Name?.Trim()}”，自 {input.FromYear} 年度起使用；此前年度的页面仍显示原名称。", ct);

    [HttpGet("close")]
    public Task<IActionResult> Close(int id, CancellationToken ct) => FormAsync(id, RegionChangeAction.Close, null, ct);

    [HttpPost("close")]
    public async Task<IActionResult> Close(int id, RegionChangeInput input, CancellationToken ct) => !ModelState.IsValid
        ? await FormAsync(id, RegionChangeAction.Close, input, ct)
        : await DoneAsync(id, RegionChangeAction.Close, input, await service.CloseAsync(id, input, ct), $"已撤销，自 {input.EffectiveOn?.Year} 年度起不再应报送；已有数据保留。", ct);

    [HttpPost("reopen")]
    public async Task<IActionResult> Reopen(int id, RegionReopenReasonInput input, CancellationToken ct)
    {
        var result = await service.ReopenAsync(id, input.Checked(ModelState), ct);
        return this.Answer(result, () => RedirectToAction(nameof(History), new { id }), notice: "已恢复，该地区重新应报送。");
    }

    [HttpGet("move")]
    public Task<IActionResult> Move(int id, CancellationToken ct) => FormAsync(id, RegionChangeAction.Move, null, ct);

    [HttpPost("move")]
    public async Task<IActionResult> Move(int id, RegionChangeInput input, CancellationToken ct) => !ModelState.IsValid
        ? await FormAsync(id, RegionChangeAction.Move, input, ct)
        : await DoneAsync(id, RegionChangeAction.Move, input, await service.MoveAsync(id, input, ct), "已调整上级；该地区及其下级的用户、台账随之调整。", ct);

    [HttpGet("merge")]
    public Task<IActionResult> Merge(int id, CancellationToken ct) => FormAsync(id, RegionChangeAction.Merge, null, ct);

    /// <summary>Without the confirmation box ticked, answers the confirmation page: what would move and what collides.</summary>
    [HttpPost("merge")]
    public async Task<IActionResult> Merge(int id, RegionChangeInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await FormAsync(id, RegionChangeAction.Merge, input, ct);
        }

        var (result, plan) = await merges.MergeAsync(id, input, ct);
        if (result.Succeeded)
        {
            TempData[Flash.Success] = $"已合并：转入{plan!.Summary}。已报送的报表保持原样。";
            return RedirectToAction(nameof(History), new { id });
        }

        var page = await service.FormAsync(id, RegionChangeAction.Merge, input, ct);
        ShowErrors(result, plan is not null && plan.CanMerge && result.Errors.All(e => e.Field == nameof(input.Confirm)));
        return View(ChangeView, page with { Plan = plan });
    }

    /// <summary>撤回合并: the confirmation page (what moves back, or why it cannot), working without script.</summary>
    [HttpGet("unmerge")]
    public async Task<IActionResult> Unmerge(int id, CancellationToken ct) => View(await undo.PageAsync(id, ct));

    [HttpPost("unmerge")]
    public async Task<IActionResult> Unmerge(int id, RegionMergeUndoReasonInput input, CancellationToken ct)
    {
        var (result, page) = await undo.UndoAsync(id, input.Checked(ModelState), input.Confirm, ct);
        if (result.Succeeded)
        {
            TempData[Flash.Success] = $"已撤回合并：移回{page.Plan.Summary}；“{page.Region.Name}”已恢复。";
            return RedirectToAction(nameof(History), new { id });
        }

        ModelState.Clear();
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        return View(page);
    }

    [HttpGet("split")]
    public Task<IActionResult> Split(int id, CancellationToken ct) => FormAsync(id, RegionChangeAction.Split, null, ct);

    [HttpPost("split")]
    public async Task<IActionResult> Split(int id, RegionChangeInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await FormAsync(id, RegionChangeAction.Split, input, ct);
        }

        var (result, created) = await merges.SplitAsync(id, input, ct);
        if (created is not null)
        {
            TempData[Flash.Success] = $"已设立“{created.Name}”。";
            return RedirectToAction(nameof(History), new { id = created.Id });
        }

        ShowErrors(result, false);
        return View(ChangeView, await service.FormAsync(id, RegionChangeAction.Split, input, ct));
    }

    private async Task<IActionResult> FormAsync(int id, RegionChangeAction action, RegionChangeInput? input, CancellationToken ct) =>
        View(ChangeView, await service.FormAsync(id, action, input, ct));

    private async Task<IActionResult> DoneAsync(int id, RegionChangeAction action, RegionChangeInput input, ServiceResult result, string success, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData[Flash.Success] = success;
            return RedirectToAction(nameof(History), new { id });
        }

        ShowErrors(result, false);
        return await FormAsync(id, action, input, ct);
    }

    /// <summary>The errors beside their fields; on a merge's first step the missing tick is the question, not an error.</summary>
    private void ShowErrors(ServiceResult result, bool onlyConfirmationMissing)
    {
        if (!onlyConfirmationMissing)
        {
            result.CopyTo(ModelState);
        }
    }
}
