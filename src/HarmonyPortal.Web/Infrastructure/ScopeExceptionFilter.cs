using HarmonyPortal.Core.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>Turns a scope violation raised anywhere in a feature into the same 404 a missing record gets.</summary>
public sealed class ScopeExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is OutOfScopeException)
        {
            context.Result = new NotFoundResult();
            context.ExceptionHandled = true;
        }
    }
}
