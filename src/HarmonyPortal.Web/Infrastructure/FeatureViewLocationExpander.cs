using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Finds a controller's views in its feature folder: HarmonyPortal.Web.Features.Admin.Users.UsersController
/// renders /Features/Admin/Users/{view}.cshtml; shared views live in /Features/Shared.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";
    private const string NamespacePrefix = "HarmonyPortal.Web.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            var ns = action.ControllerTypeInfo.Namespace ?? "";
            if (ns.StartsWith(NamespacePrefix, StringComparison.Ordinal))
            {
                context.Values[FeatureKey] = "/" + ns[NamespacePrefix.Length..].Replace('.', '/');
            }
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var folder) && folder is not null)
        {
            yield return folder + "/{0}.cshtml";
        }

        yield return "/Features/Shared/{0}.cshtml";
    }
}
