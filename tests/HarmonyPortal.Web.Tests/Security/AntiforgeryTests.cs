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
        // Routes kept to one role answer 403 to the others before the token is read: one user of each such role as well.
        using var clerk = portal.CreatePortalClient();
        await clerk.LoginOrFailAsync("yylq.clerk");
        using var reviewer = portal.CreatePortalClient();
        await reviewer.LoginOrFailAsync("hn.reviewer");

        var accepted = new List<string>();
        foreach (var route in routes)
        {
            var answers = new List<HttpStatusCode>();
            foreach (var user in new[] { admin, clerk, reviewer })
            {
                answers.Add((await user.Http.PostAsync(route, new FormUrlEncodedContent([]))).StatusCode);
            }

            // Refused by every user, and by the antiforgery check (400) for at least one whose role the route allows.
            if (answers.Any(a => a is not (HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)) || !answers.Contains(HttpStatusCode.BadRequest))
            {
                accepted.Add($"{route} answered {string.Join("/", answers.Select(a => (int)a))}");
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
