using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Turns a scope violation raised anywhere in a feature into the same 404 a missing record gets,
/// and a write the user's role or region does not allow into 403; both are audited as denied.
/// </summary>
public sealed class ScopeExceptionFilter : IAsyncExceptionFilter
{
    public async Task OnExceptionAsync(ExceptionContext context)
    {
        IActionResult? result = context.Exception switch
        {
            OutOfScopeException => new NotFoundResult(),
            WriteForbiddenException => new StatusCodeResult(StatusCodes.Status403Forbidden),
            _ => null,
        };
        if (result is null)
        {
            return;
        }

        context.Result = result;
        context.ExceptionHandled = true;
        // Whatever the refused action had begun to change must not be saved with the audit entry.
        context.HttpContext.RequestServices.GetRequiredService<HarmonyDbContext>().ChangeTracker.Clear();
        await AccessDenial.RecordAsync(context.HttpContext, context.Exception is OutOfScopeException ? "不存在或不在本地区范围内" : "角色或地区无权操作");
    }
}

/// <summary>An audit entry for a refused request: the path is the object (never the query string, which may hold personal data).</summary>
public static class AccessDenial
{
    private const int ObjectIdLength = 64;

    public static Task RecordAsync(HttpContext http, string why)
    {
        var path = http.Request.Path.Value ?? "";
        var request = $"{http.Request.Method} {path}";
        return http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(AuditActions.AccessDenied, AuditOutcome.Denied, "route",
            path.Length > ObjectIdLength ? path[..ObjectIdLength] : path, $"{why}：{(request.Length > 1000 ? request[..1000] : request)}", ct: CancellationToken.None);
    }
}
