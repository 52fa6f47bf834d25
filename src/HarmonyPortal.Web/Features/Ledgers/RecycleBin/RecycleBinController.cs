using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Web.Features.Ledgers.RecycleBin;

/// <summary>Deleting a ledger row (after a confirmation page) into its ledger's recycle bin, and restoring it from there.</summary>
[Route("ledgers")]
public sealed class RecycleBinController(LedgerRecycleBin bin) : Controller
{
    /// <summary>The confirmation step: what will be deleted, an optional reason, and a box to tick (works without script).</summary>
    [HttpGet("{kind}/{id:long}/delete")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public async Task<IActionResult> ConfirmDelete(string kind, long id, CancellationToken ct)
    {
        var definition = Definition(kind);
        return View(await ConfirmationAsync(definition, id, null, null, ct));
    }

    [HttpPost("{kind}/{id:long}/delete")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public async Task<IActionResult> Delete(string kind, long id, int version, bool confirmed, string? reason, CancellationToken ct)
    {
        var definition = Definition(kind);
        if (!confirmed)
        {
            // Nothing is deleted without the confirmation box: the page is shown again with what was typed.
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("ConfirmDelete", await ConfirmationAsync(definition, id, reason, "请勾选“确认删除该记录”后再删除", ct));
        }

        var refusal = await bin.DeleteAsync(definition, id, version, reason, ct);
        if (refusal is not null)
        {
            TempData[Flash.Error] = refusal;
            return RedirectToAction("Details", "Ledgers", new { kind, id });
        }

        TempData[Flash.Success] = $"已删除，记录已移入回收站，{bin.Options.Days} 天内可以恢复。";
        return RedirectToAction("List", "Ledgers", new { kind });
    }

    [HttpGet("{kind}/recycle-bin")]
    public async Task<IActionResult> Index(string kind, int? year, CancellationToken ct)
    {
        var definition = Definition(kind);
        return View(await bin.ListAsync(definition, Core.Input.PortalYears.Checked(year, bin.Today), ct));
    }

    [HttpPost("{kind}/recycle-bin/{entryId:long}/restore")]
    [Authorize(Policy = AccessPolicies.Clerk)]
    public async Task<IActionResult> Restore(string kind, long entryId, int year, CancellationToken ct)
    {
        var (rowId, refusal) = await bin.RestoreAsync(Definition(kind), entryId, ct);
        if (refusal is not null)
        {
            TempData[Flash.Error] = refusal;
            return RedirectToAction(nameof(Index), new { kind, year });
        }

        TempData[Flash.Success] = "已恢复，修改记录中可以看到删除和恢复。";
        return RedirectToAction("Details", "Ledgers", new { kind, id = rowId });
    }

    private async Task<ConfirmDeleteViewModel> ConfirmationAsync(ILedgerDefinition definition, long id, string? reason, string? error, CancellationToken ct)
    {
        var row = await bin.FindForDeleteAsync(definition, id, ct);
        var values = definition.Fields.Where(f => f.InList)
            .Select(f => (f.Header, LedgerSnapshot.Masked(f, FieldValues.Format(f, f.Get(row)))))
            .ToList();
        return new ConfirmDeleteViewModel(definition, row, values, bin.Options.Days, reason, error);
    }

    private static ILedgerDefinition Definition(string kind) => LedgerCatalog.Find(kind) ?? throw new OutOfScopeException();
}
