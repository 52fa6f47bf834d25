using System.Net;
using HarmonyPortal.Web.Tests.Ledgers;
using HarmonyPortal.Web.Tests.Security;
using Xunit;

namespace HarmonyPortal.Web.Tests.Logging;

/// <summary>
/// In production, a missing page is one warning and a failure one error, each under the path the user asked for
/// (not the error page that answered it), without the query string or the exception's text. (The in-memory test
/// server has no raw request target, so the query-string rule is proven behind Kestrel in RequestLogTests.)
/// </summary>
public sealed class RequestLogErrorTests(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    private const string Query = "?who=" + LedgerForms.ExampleId + "&tel=13812345678";

    [Fact]
    public async Task AMissingPage_IsOneWarningLine_UnderItsOwnPath()
    {
        using var client = portal.CreatePortalClient("https://portal.example");
        await client.LoginOrFailAsync("province.admin", ProductionPortal.AdminPassword);

        var missing = await client.Http.GetAsync("/no/such/page" + Query);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var logs = new LogFile(portal.DataDirectory);
        var line = Assert.Single(await logs.RequestLinesAsync("GET", "/no/such/page"));
        Assert.Equal("Warning", line.Severity);
        Assert.Equal(404, line.Status);
        Assert.Equal("/no/such/page", line.Path);
        Assert.Matches(@"^HTTP ""GET"" ""/no/such/page"" responded 404 in \d+\.\d ms$", line.Message);
        Assert.DoesNotContain("who=", line.Json);
        Assert.Empty(logs.RequestLines("GET", "/error/404")); // the re-executed error page is not a second request line
    }

    [Fact]
    public async Task AFailingRequest_IsOneErrorLine_WithStatus500_AndNoQueryOrExceptionText()
    {
        using var client = portal.CreatePortalClient("https://portal.example");
        await client.LoginOrFailAsync("province.admin", ProductionPortal.AdminPassword);

        var failed = await client.Http.GetAsync(ProductionPortal.FailingPath + Query);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var logs = new LogFile(portal.DataDirectory);
        var line = Assert.Single(await logs.RequestLinesAsync("GET", ProductionPortal.FailingPath));
        Assert.Equal("Error", line.Severity);
        Assert.Equal(500, line.Status);
        Assert.Equal(ProductionPortal.FailingPath, line.Path);
        Assert.InRange(line.ElapsedMs, 0.001, 60_000);
        Assert.DoesNotContain("who=", line.Json);
        Assert.DoesNotContain("hunter2", line.Json);
        Assert.Empty(logs.RequestLines("GET", "/error/500"));
        // The exception itself is one other event, found by the request line's RequestId.
        Assert.NotNull(line.Id);
        Assert.Single(logs.Lines(), l => l.Contains($"\"RequestId\":\"{line.Id}\"", StringComparison.Ordinal)
            && l.Contains("InvalidOperationException", StringComparison.Ordinal));
    }
}
