using HarmonyPortal.Core.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Turns a scope violation raised anywhere in a feature into the same 404 a missing record gets,
/// and a write the user's role or region does not allow into 403.
/// </summary>
public sealed class ScopeExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        IActionResult? result = context.Exception switch
        {
            OutOfScopeException => new NotFoundResult(),
            WriteForbiddenException => new StatusCodeResult(StatusCodes.Status403Forbidden),
            _ => null,
        };
        if (result is not null)
        {
            context.Result = result;
            context.ExceptionHandled = true;
        }
    }
}
