using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace HarmonyPortal.TestSupport;

/// <summary>One route of the portal as the endpoint data source lists it, so tests sweep what is really mapped.</summary>
public sealed record PortalEndpoint(string Key, IReadOnlyList<string> Methods, string? Controller, string? Action, string SampleUrl)
{
    public bool IsUnsafe => Methods.Count == 0 || Methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE");

    /// <summary>Every route endpoint of the running portal; a parameter becomes "1" in <see cref="SampleUrl"/>.</summary>
    public static IReadOnlyList<PortalEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true)
            .Select(From)
            .DistinctBy(e => e.Key)
            .ToList();

    private static PortalEndpoint From(RouteEndpoint e)
    {
        var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? [];
        var action = e.Metadata.GetMetadata<ControllerActionDescriptor>();
        var url = "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when e.RoutePattern.RequiredValues.TryGetValue(parameter.Name, out var value) => value?.ToString(),
            _ => "1",
        }))));
        var verb = methods.Count == 0 ? "*" : string.Join('|', methods);
        var key = action is null ? $"{verb} {e.RoutePattern.RawText}" : $"{verb} {action.ControllerName}.{action.ActionName}";
        return new PortalEndpoint(key, methods, action?.ControllerName, action?.ActionName, url);
    }
}
