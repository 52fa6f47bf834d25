using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Audit.Viewer;

/// <summary>审计日志: read and export only (审计管理员, or 管理员 without 三员分立; ADR 0020).</summary>
[Route("audit")]
[Authorize(Policy = AccessPolicies.AuditDuty)]
public sealed class AuditController(AuditViewer viewer, Core.Scope.UserScope scope, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        var page = await viewer.PageAsync(filter, ct);
        if (page.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return View(page);
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        if (filter.Check() is { Count: > 0 } errors)
        {
            TempData[Flash.Error] = string.Join(" ", errors.Select(e => e.Message));
            return Redirect("/audit?" + filter.Query());
        }

        if (await viewer.ExportRowsAsync(filter, ct) is not { } rows)
        {
            TempData[Flash.Error] = $"导出失败：筛选结果超过 {AuditViewer.ExportLimit} 条，请缩小时间范围或增加筛选条件后再导出。";
            return Redirect("/audit?" + filter.Query());
        }

        var now = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, clock.LocalTimeZone);
        var bytes = AuditWorkbook.Write(rows, filter, scope.RegionName, scope.UserName, now);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"审计日志-{now:yyyyMMdd-HHmm}.xlsx");
    }
}
