using System.Net;
using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Web.Tests.Security;

/// <summary>
/// Every unsafe MVC route, read from the endpoint data source so a new one cannot be forgotten,
/// refuses a POST without a valid antiforgery token.
/// </summary>
public sealed class AntiforgeryTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private List<string> UnsafeRoutes() =>
        PortalEndpoint.All(portal.Services)
            .Where(e => e.Controller is not null && e.IsUnsafe)
            // The status-code pages are re-executed for any method and only render text.
            .Where(e => e.Controller != "Error")
            .Select(e => e.SampleUrl)
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
