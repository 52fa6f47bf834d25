using System.Net;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Security;

/// <summary>
/// Every unsafe MVC route, read from the endpoint data source so a new one cannot be forgotten,
/// refuses a POST without a valid antiforgery token.
/// </summary>
public sealed class AntiforgeryTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private List<string> UnsafeRoutes() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } m || m.HttpMethods.Any(h => h is "POST" or "PUT" or "PATCH" or "DELETE"))
            // The status-code pages are re-executed for any method and only render text.
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>()!.ControllerName != "Error")
            .Select(e => "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter when e.RoutePattern.RequiredValues.TryGetValue(parameter.Name, out var value) => value?.ToString(),
                _ => "1",
            })))))
            .Distinct()
            .ToList();

    [Fact]
    public async Task EveryUnsafeRoute_RefusesAPostWithoutToken_EvenFromASignedInAdmin()
    {
        var routes = UnsafeRoutes();
        using var admin = portal.CreatePortalClient();
        await admin.LoginOrFailAsync("hn.admin");

        var accepted = new List<string>();
        foreach (var route in routes)
        {
            var response = await admin.Http.PostAsync(route, new FormUrlEncodedContent([]));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{route} answered {(int)response.StatusCode}");
            }
        }

        Assert.Superset(
            new HashSet<string> { "/account/login", "/account/logout", "/admin/users/create", "/admin/users/1/edit", "/admin/users/1/disable",
                "/admin/users/1/enable", "/admin/users/1/reset-password", "/admin/regions/create", "/admin/regions/1/edit" },
            routes.ToHashSet());
        Assert.Empty(accepted);
    }

    [Fact]
    public async Task Login_RefusesAPostWithAForgedToken()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.PostAsync("/account/login", "forged-token", ("UserName", "hn.admin"), ("Password", PortalClient.DemoPassword));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
