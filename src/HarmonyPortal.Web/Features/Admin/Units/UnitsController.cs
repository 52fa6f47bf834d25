using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Admin.Units;

/// <summary>成员单位: the member units of the regions the admin administers.</summary>
[Authorize(Policy = AccessPolicies.SecurityDuty)]
[Route("admin/units")]
[BindingErrorsShownInForm]
public sealed class UnitsController(UnitAdminService service) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? regionId, CancellationToken ct) => View(await service.ListAsync(regionId, ct));

    [HttpPost("create")]
    public async Task<IActionResult> Create(int regionId, UnitInput input, CancellationToken ct)
    {
        var result = ModelState.IsValid ? await service.CreateAsync(regionId, input, ct) : new ServiceResult();
        if (!ModelState.IsValid || !result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View("Index", await service.ListAsync(regionId, ct) with { Input = input });
        }

        TempData[Flash.Success] = $"已添加成员单位 {input.ShortName!.Trim()}。";
        return RedirectToAction(nameof(Index), new { regionId });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var unit = await service.FindAsync(id, ct);
        var input = new UnitInput
        {
            ShortName = unit.ShortName, Name = unit.Name, SortOrder = unit.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ContactName = unit.ContactName, ContactPhone = unit.ContactPhone, ContactEmail = unit.ContactEmail,
        };
        return View(new UnitFormViewModel(unit.Id, unit.Region.Name, input));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, UnitInput input, CancellationToken ct)
    {
        var result = ModelState.IsValid ? await service.UpdateAsync(id, input, ct) : new ServiceResult();
        var unit = await service.FindAsync(id, ct);
        if (!ModelState.IsValid || !result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(new UnitFormViewModel(unit.Id, unit.Region.Name, input));
        }

        TempData[Flash.Success] = "已保存。";
        return RedirectToAction(nameof(Index), new { regionId = unit.RegionId });
    }

    [HttpPost("{id:int}/host")]
    public async Task<IActionResult> Host(int id, CancellationToken ct) => await Done(id, await service.MakeHostAsync(id, ct), "已设为牵头单位。", ct);

    [HttpGet("{id:int}/retire")]
    public async Task<IActionResult> Retire(int id, CancellationToken ct) => View(await service.RetireFormAsync(id, ct));

    [HttpPost("{id:int}/retire")]
    public async Task<IActionResult> Retire(int id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            // The confirmation page's box must be ticked: a bare POST retires nothing.
            var form = await service.RetireFormAsync(id, ct);
            ModelState.AddModelError("", "请勾选“我已了解”后再确认撤销。");
            return View(form);
        }

        return await Done(id, await service.RetireAsync(id, ct), "已撤销。已有用户和记录仍显示该单位，新增时不再可选。", ct);
    }

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore(int id, CancellationToken ct) => await Done(id, await service.RestoreAsync(id, ct), "已恢复。", ct);

    private async Task<IActionResult> Done(int id, ServiceResult result, string success, CancellationToken ct)
    {
        var unit = await service.FindAsync(id, ct);
        return this.Answer(result, () => RedirectToAction(nameof(Index), new { regionId = unit.RegionId }), notice: success);
    }
}
