using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Admin.Regions;

[Authorize(Policy = AccessPolicies.RegionDuty)]
[Route("admin/regions")]
public sealed class RegionsController(RegionAdminService service) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await service.TreeAsync(ct));

    [HttpGet("create")]
    public async Task<IActionResult> Create(int parentId, CancellationToken ct)
    {
        var parent = await service.FindAsync(parentId, ct);
        return View(new RegionFormViewModel(new RegionInput { ParentId = parent.Id, Level = parent.Level + 1 }, parent.Name) { Choices = await service.ChoicesAsync(parent, ct) });
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(RegionInput input, CancellationToken ct)
    {
        var result = ModelState.IsValid ? await service.CreateAsync(input, ct) : null;
        if (result?.Succeeded != true)
        {
            result?.CopyTo(ModelState);
            var parent = await service.FindAsync(input.ParentId, ct);
            return View(new RegionFormViewModel(input, parent.Name) { Choices = await service.ChoicesAsync(parent, ct) });
        }

        TempData[Flash.Success] = $"已添加地区 {input.Name}。";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var region = await service.FindAsync(id, ct);
        var input = new RegionInput
        {
            ParentId = region.ParentId ?? 0,
            Name = region.Name,
            Code = region.Code,
            IsLocalCode = region.IsLocalCode,
            Level = region.Level,
            SortOrder = region.SortOrder,
        };
        return View(new RegionFormViewModel(input, null, region.Id));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, RegionInput input, CancellationToken ct)
    {
        var result = ModelState.IsValid ? await service.UpdateAsync(id, input, ct) : null;
        if (result?.Succeeded != true)
        {
            if (result is null)
            {
                await service.EditableAsync(id, ct); // out of scope: 404 before the form's errors are shown
            }

            result?.CopyTo(ModelState);
            return View(new RegionFormViewModel(input, null, id));
        }

        TempData[Flash.Success] = "已保存。";
        return RedirectToAction(nameof(Index));
    }
}

public sealed record RegionFormViewModel(RegionInput Input, string? ParentName, int? RegionId = null)
{
    /// <summary>The national list's units under the parent's code (creation only).</summary>
    public IReadOnlyList<RegionChoice> Choices { get; init; } = [];
}
