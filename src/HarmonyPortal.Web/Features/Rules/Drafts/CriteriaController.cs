using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;
using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>
/// The criteria of each gold category of a draft plan as a tree of forms: add a criterion or a group, edit, delete,
/// move, clear. Each post applies one edit (Core's <see cref="CriteriaEdits"/>) and saves the draft, or shows the form
/// again with what was typed and the reasons, saving nothing.
/// </summary>
[Authorize(Policy = AccessPolicies.SystemDuty)]
[Route("rules/drafts/{draftId:int}/criteria")]
public sealed class CriteriaController(RuleDraftService drafts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int draftId, GoldCategory category = GoldCategory.Coordinator, CancellationToken ct = default) =>
        View("Criteria", new CriteriaPage(await drafts.LoadAsync(draftId, ct), category));

    [HttpPost("add")]
    public Task<IActionResult> Add(int draftId, GoldCategory category, string? parent, string? stamp, CriteriaInput input, CancellationToken ct) =>
        ApplyAsync(draftId, category, stamp, input.IsGroup ? "add-group" : "add", parent ?? "", input,
            set => CriteriaEdits.Add(set, category, parent, input), input.IsGroup ? "已添加分组" : "已添加条件", ct);

    [HttpPost("edit")]
    public Task<IActionResult> Edit(int draftId, GoldCategory category, string? path, string? stamp, CriteriaInput input, CancellationToken ct) =>
        ApplyAsync(draftId, category, stamp, "edit", path ?? "", input, set => CriteriaEdits.Edit(set, category, path, input), "已保存修改", ct);

    [HttpPost("delete")]
    public Task<IActionResult> Delete(int draftId, GoldCategory category, string? path, string? stamp, CancellationToken ct) =>
        ApplyAsync(draftId, category, stamp, "node", path ?? "", new CriteriaInput(), set => CriteriaEdits.Delete(set, category, path), "已删除", ct);

    [HttpPost("move")]
    public Task<IActionResult> Move(int draftId, GoldCategory category, string? path, string? direction, string? stamp, CancellationToken ct) =>
        ApplyAsync(draftId, category, stamp, "node", path ?? "", new CriteriaInput(),
            set => CriteriaEdits.Move(set, category, path, direction == "up" ? -1 : 1), direction == "up" ? "已上移" : "已下移", ct);

    [HttpPost("clear")]
    public Task<IActionResult> Clear(int draftId, GoldCategory category, string? stamp, CancellationToken ct) =>
        ApplyAsync(draftId, category, stamp, "clear", "", new CriteriaInput(), set => CriteriaEdits.Clear(set, category), "已清除本类别的全部条件", ct);

    private async Task<IActionResult> ApplyAsync(int draftId, GoldCategory category, string? stamp, string form, string path, CriteriaInput input,
        Func<RuleSet, CriteriaEditResult> edit, string done, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(draftId, ct);
        var result = stamp != CriteriaPage.StampOf(state.Draft)
            ? CriteriaEditResult.Refused("Path", $"草稿已被修改（{state.Draft.UpdatedBy}，{state.Draft.UpdatedAtUtc.ToLocalTime():yyyy-MM-dd HH:mm}），本次操作未保存：请查看当前内容后重试")
            : edit(state.RuleSet);
        if (result.RuleSet is { } changed)
        {
            var errors = await drafts.SaveAsync(draftId, changed, ct);
            if (errors.Count == 0)
            {
                TempData[Flash.Success] = done;
                return Redirect($"/rules/drafts/{draftId}/criteria?category={category}");
            }

            result = CriteriaEditResult.Refused(errors.Select(e => new CriteriaEditError("Path", "无法保存：" + e.Message)).ToList());
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Criteria", new CriteriaPage(state, category, new CriteriaFailedForm(form, path, input, result.Errors)));
    }
}
