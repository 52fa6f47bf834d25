using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// The confirmation step before a list is published (who will be on it), and the withdrawal of a published list by
/// the selecting level's reviewer, with a reason. Publishing itself is <see cref="NominationsController.Publish"/>.
/// </summary>
[Route("nominations")]
[Authorize(Policy = AccessPolicies.Reviewer)]
public sealed class PublicationController(NominationQueryService queries, SheetWorkflowService workflow) : Controller
{
    [HttpGet("publish")]
    public async Task<IActionResult> ConfirmPublish(SheetKeyInput key, CancellationToken ct)
    {
        var (category, year, batch) = (key.StoredCategory, key.Year, key.Batch);
        var result = await workflow.PublishAsync(category, year, batch, confirmed: false, ct, key.Honour);
        if (result.Value is { } preview)
        {
            return View(new PublishConfirmation(await queries.KeyAsync(key, ct), preview, null));
        }

        if (result.Forbidden)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            await AccessDenial.RecordAsync(HttpContext, "角色或地区无权操作");
            TempData[Flash.Error] = string.Join("；", result.Reasons);
            return View("Index", await queries.OverviewAsync(category, year, batch, ct, key.Honour));
        }

        TempData[Flash.Error] = string.Join("；", result.Reasons);
        return Redirect($"/nominations?{key.ToSheetKey().Query}");
    }

    [HttpPost("withdraw")]
    public async Task<IActionResult> Withdraw(SheetKeyInput key, UnpublishReasonInput input, bool confirmed, CancellationToken ct)
    {
        var (category, year, batch) = (key.StoredCategory, key.Year, key.Batch);
        var result = confirmed
            ? await workflow.WithdrawAsync(category, year, batch, input.Checked(ModelState), ct, key.Honour)
            : ServiceResult.Refused("请勾选“确认撤回已发布的名单”后再撤回");
        if (result.Forbidden)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            await AccessDenial.RecordAsync(HttpContext, "角色或地区无权操作");
            TempData[Flash.Error] = string.Join("；", result.Reasons);
            return View("Index", await queries.OverviewAsync(category, year, batch, ct, key.Honour));
        }

        return this.Answer(result, () => Redirect($"/nominations?{key.ToSheetKey().Query}"),
            notice: "已撤回发布，名单上的各地区和上级已收到通知；择优后可以重新发布。");
    }
}

/// <summary>What a publication will list (region and name of each nominee), and why the last attempt stopped.</summary>
public sealed record PublishConfirmation(SheetKey Key, IReadOnlyList<(string Region, string Name)> Nominees, string? Error);
