using System.Net;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Issue 14, class "Cache-Control: no-store on every response that carries personal data": every GET route the portal
/// maps, asked by signed-in users of three roles, answers no-store whatever its status (lists, details, forms, print
/// views, exports, workbooks, evidence, year-end downloads); static files stay cacheable.
/// </summary>
public abstract class NoStoreTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task EveryGetRoute_AskedBySignedInUsers_AnswersNoStore_AndStaticFilesStayCacheable()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var reviewer = await portal.SignedInClientAsync("xz.reviewer");
        using var admin = await portal.SignedInClientAsync("hn.admin");
        var rowId = await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "忻府缓存候选");
        var nominationId = await NominateAsync(clerk, GoldCategory.Coordinator, rowId);
        var urls = GetRoutes().Select(r => Url(r, rowId, nominationId)).Distinct().Order(StringComparer.Ordinal).ToList();
        urls.AddRange([
            "/ledgers/coordinators/export?year=2022", "/ledgers/coordinators?year=2022", "/ledgers/coordinators/template?year=2022",
            "/print/published?category=Coordinator&year=2022&batch=0", "/year-end", $"/nominations/{nominationId}",
        ]);

        var answered = new List<(string User, string Url, HttpStatusCode Status)>();
        var missing = new List<string>();
        foreach (var (name, client) in new[] { ("clerk", clerk), ("reviewer", reviewer), ("admin", admin) })
        {
            foreach (var url in urls)
            {
                using var response = await client.Http.GetAsync(url);
                answered.Add((name, url, response.StatusCode));
                if (response.Headers.CacheControl?.NoStore != true)
                {
                    missing.Add($"{name} GET {url} → {(int)response.StatusCode} Cache-Control: {response.Headers.CacheControl}");
                }
            }
        }

        var ok = answered.Where(a => a.Status == HttpStatusCode.OK).ToList();
        output.WriteLine($"{urls.Count} URLs × 3 users = {answered.Count} responses, {ok.Count} of them 200; without no-store: {missing.Count}");
        Assert.Empty(missing);
        // The sweep reached the clerk's own personal data, not only refusals.
        foreach (var url in new[] { $"/ledgers/coordinators/{rowId}", $"/ledgers/coordinators/{rowId}/edit", "/ledgers/coordinators/export?year=2022", $"/print/nominations/{nominationId}" })
        {
            Assert.Contains(ok, a => a.User == "clerk" && a.Url == url);
        }

        using var css = await clerk.Http.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync("/")).StatusCode); // the sweep did not sign anyone out
    }

    private IEnumerable<RouteEndpoint> GetRoutes() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Where(e => !e.RoutePattern.RawText!.Contains("logout", StringComparison.OrdinalIgnoreCase));

    /// <summary>The route with its parameters filled: ids of the clerk's row or nomination, the coordinators' ledger, fresh GUIDs.</summary>
    private static string Url(RouteEndpoint endpoint, long rowId, long nominationId)
    {
        var pattern = endpoint.RoutePattern;
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => Value(pattern, parameter, rowId, nominationId),
                _ => "",
            }));
            if (text.Length > 0)
            {
                segments.Add(text);
            }
        }

        return "/" + string.Join('/', segments);
    }

    private static string Value(RoutePattern pattern, RoutePatternParameterPart parameter, long rowId, long nominationId)
    {
        if (pattern.RequiredValues.TryGetValue(parameter.Name, out var required) && required is string fixedValue)
        {
            return fixedValue;
        }

        var constraints = string.Join(',', parameter.ParameterPolicies.Select(p => p.Content));
        return (parameter.Name, constraints) switch
        {
            (_, "guid") => Guid.NewGuid().ToString(),
            ("kind", _) => LedgerKind(GoldCategory.Coordinator),
            ("id", "long") when pattern.RawText!.StartsWith("nominations", StringComparison.Ordinal) || pattern.RawText.Contains("print/nominations", StringComparison.Ordinal) => nominationId.ToString(),
            ("id", "long") => rowId.ToString(),
            ("code", _) => "404",
            (_, "int" or "long") => "1",
            _ when parameter.IsOptional => "",
            _ => "x",
        };
    }
}

public sealed class SqliteNoStoreTests(SqlitePortal portal, ITestOutputHelper output) : NoStoreTests<SqlitePortal>(portal, output);

public sealed class PostgresNoStoreTests(PostgresPortal portal, ITestOutputHelper output) : NoStoreTests<PostgresPortal>(portal, output);
