using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Dashboard;

/// <summary>统计看板: the year's quotas, ledgers, nominations and reporting of a region and the regions below it.</summary>
[Route("dashboard")]
public sealed class DashboardController(DashboardService dashboards) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? regionId, int? year, CancellationToken ct) => View(await dashboards.PageAsync(regionId, year, ct));
}
