using System.Text;
using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Rules;

[Route("rules")]
public sealed class RulesController(RuleSetAdminService service, RulesPageBuilder pages, PlanlessJurisdictions planless) : Controller
{
    /// <summary>The rule file format (docs/rules/ruleset.schema.json, embedded in this assembly).</summary>
    private const string SchemaResource = "HarmonyPortal.Web.ruleset.schema.json";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await planless.IndexAsync(await service.ListAsync(ct), ct));

    [HttpGet("{regionId:int}")]
    public async Task<IActionResult> Details(int regionId, int? plan, CancellationToken ct)
    {
        if (plan is null && await planless.NoPlanAsync(regionId, ct) is { } none)
        {
            return View("NoPlan", none);
        }

        return View(await PageAsync(await service.DetailsAsync(regionId, plan, ct), null, [], ct));
    }

    [HttpGet("schema.json")]
    public IActionResult Schema() =>
        File(typeof(RulesController).Assembly.GetManifestResourceStream(SchemaResource)!, "application/json; charset=utf-8");

    [HttpGet("{regionId:int}/versions/{version:int}.json")]
    public async Task<IActionResult> Download(int regionId, int version, CancellationToken ct)
    {
        var stored = await service.VersionAsync(regionId, version, ct);
        return File(Encoding.UTF8.GetBytes(stored.Json), "application/json", $"rules-{regionId}-v{version}.json");
    }

    [HttpPost("{regionId:int}")]
    [Authorize(Policy = AccessPolicies.SystemDuty)]
    [RequestSizeLimit(1024 * 1024)]
    public async Task<IActionResult> AddVersion(int regionId, string? json, IFormFile? file, string? comment, CancellationToken ct)
    {
        if (file is { Length: > 0 })
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            json = await reader.ReadToEndAsync(ct);
        }

        var (saved, errors) = await service.AddVersionAsync(regionId, json ?? "", comment, ct);
        if (saved is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Details", await PageAsync(await service.DetailsAsync(regionId, null, ct), json, errors, ct));
        }

        var message = saved.PlanVersion == 1 && saved.Version > 1
            ? $"已保存为新规划：{saved.PlanText} 第 1 版；其他规划保持不变，各自管辖其期间内的年度。"
            : $"已保存为{saved.PlanText} 第 {saved.PlanVersion} 版；此前各版本保持不变。";
        TempData[Flash.Success] = errors.Count == 0 ? message : message + "规则检查提示：" + string.Join("；", errors);
        return RedirectToAction(nameof(Details), new { regionId, plan = saved.FromYear });
    }

    /// <summary>Asks for the reason before an earlier version is republished as the newest.</summary>
    [HttpGet("{regionId:int}/versions/{version:int}/restore")]
    [Authorize(Policy = AccessPolicies.SystemDuty)]
    public async Task<IActionResult> Restore(int regionId, int version, CancellationToken ct) =>
        View(await RestorePageAsync(regionId, version, null, [], ct));

    [HttpPost("{regionId:int}/versions/{version:int}/restore")]
    [Authorize(Policy = AccessPolicies.SystemDuty)]
    public async Task<IActionResult> Restore(int regionId, int version, RuleRestoreReasonInput input, CancellationToken ct)
    {
        var page = await RestorePageAsync(regionId, version, input.Reason, [], ct);
        var (saved, errors) = await service.RestoreAsync(regionId, version, input.Checked(ModelState), ct);
        if (saved is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(page with { Errors = errors });
        }

        TempData[Flash.Success] = $"已将第 {page.Version.PlanVersion} 版恢复为{saved.PlanText} 第 {saved.PlanVersion} 版；其余版本保持不变。";
        return RedirectToAction(nameof(Details), new { regionId, plan = saved.FromYear });
    }

    private async Task<RestorePage> RestorePageAsync(int regionId, int version, string? reason, IReadOnlyList<HarmonyPortal.Core.Rules.RuleFileError> errors, CancellationToken ct)
    {
        var stored = await service.VersionAsync(regionId, version, ct);
        var details = await service.DetailsAsync(regionId, stored.FromYear, ct);
        if (!details.CanEdit)
        {
            throw new HarmonyPortal.Core.Scope.WriteForbiddenException();
        }

        return new RestorePage(details, stored, reason, errors);
    }

    private async Task<RuleSetPageViewModel> PageAsync(RuleSetAdminService.Details details, string? json, IReadOnlyList<HarmonyPortal.Core.Rules.RuleFileError> errors, CancellationToken ct) =>
        new(details, await pages.BuildAsync(details, ct), json, errors);
}

public sealed record RestorePage(RuleSetAdminService.Details Details, HarmonyPortal.Core.Rules.RuleSetVersion Version, string? Reason, IReadOnlyList<HarmonyPortal.Core.Rules.RuleFileError> Errors);

public sealed record RuleSetPageViewModel(RuleSetAdminService.Details Details, RulesPage Page, string? PostedJson, IReadOnlyList<HarmonyPortal.Core.Rules.RuleFileError> Errors);
