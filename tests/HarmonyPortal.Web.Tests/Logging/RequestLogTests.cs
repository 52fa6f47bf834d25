using System.Net;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Logging;

/// <summary>
/// The request log line an operator reads in logs/harmony-*.json (Serilog's request logging, ADR 0014): method, path,
/// status and time, and nothing of what a user sent: no query string, no ID number, no phone, no form value.
/// </summary>
public abstract class RequestLogTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : KestrelPortal
{
    private const string Marker = "query-marker-7f3a";
    private const string Phone = "13812345678";
    private const string TypedPhone = "13912345670";

    [Fact]
    public async Task AFormPostedWithIdNumberAndPhoneInQueryAndForm_LogsPathStatusAndTime_AndNoneOfWhatWasSent()
    {
        using var client = await portal.SignedInTcpClientAsync("xzxf.clerk");
        var token = await client.TokenFromAsync("/ledgers");
        var query = $"?note={Marker}&who={LedgerForms.ExampleId}&tel={Phone}";

        var saved = await client.PostAsync("/ledgers/coordinators/create" + query, token,
            [.. LedgerForms.Coordinator(phone: TypedPhone), ("year", "2026")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var logs = new LogFile(portal.DataDirectory);
        var line = Assert.Single(await logs.RequestLinesAsync("POST", "/ledgers/coordinators/create"));
        output.WriteLine(line.Json);
        Assert.Equal("/ledgers/coordinators/create", line.Path);
        Assert.Equal("Information", line.Severity);
        Assert.Equal(302, line.Status);
        Assert.InRange(line.ElapsedMs, 0.001, 60_000);
        Assert.Contains("\"RequestId\":", line.Json); // ties the line to the request's other events
        Assert.Matches(@"^HTTP ""POST"" ""/ledgers/coordinators/create"" responded 302 in \d+\.\d ms$", line.Message);
        string[] sent =
        [
            Marker, "who=", "/create?", LedgerForms.ExampleId, "110105********002X", Phone, "138****5678", TypedPhone, "139****5670",
            "李红", "岳阳市某机械有限公司", "HN2020-0001",
        ];
        var leaked = sent.Where(line.Json.Contains).ToArray();
        Assert.True(leaked.Length == 0, $"The request line holds {string.Join(", ", leaked)}: {line.Json}");
        Assert.DoesNotContain(logs.Lines(), l => l.Contains(Marker, StringComparison.Ordinal)); // in no other event either
    }

    [Fact]
    public async Task AMissingPageAskedWithAQuery_IsOneWarningLine_UnderItsPathWithoutTheQuery()
    {
        using var client = await portal.SignedInTcpClientAsync("xzxf.clerk");

        var missing = await client.Http.GetAsync($"/ledgers/no-such-page?note={Marker}&who={LedgerForms.ExampleId}");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var logs = new LogFile(portal.DataDirectory);
        var line = Assert.Single(await logs.RequestLinesAsync("GET", "/ledgers/no-such-page"));
        Assert.Equal("/ledgers/no-such-page", line.Path);
        Assert.Equal("Warning", line.Severity);
        Assert.Equal(404, line.Status);
        Assert.DoesNotContain(Marker, line.Json);
        Assert.Empty(logs.RequestLines("GET", "/error/404")); // the re-executed error page is not a second request line
    }

    [Fact]
    public async Task VendoredFilesUnderLib_AreNotLogged_ButOtherStaticFilesAre()
    {
        using var client = await portal.SignedInTcpClientAsync("xzxf.clerk");

        var vendored = await client.Http.GetAsync("/lib/bootstrap/css/bootstrap.min.css");
        var own = await client.Http.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, vendored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var logs = new LogFile(portal.DataDirectory);
        Assert.Equal(200, Assert.Single(await logs.RequestLinesAsync("GET", "/css/site.css")).Status); // written after the /lib request
        Assert.Empty(logs.RequestLines("GET", "/lib/bootstrap/css/bootstrap.min.css"));
    }
}

public sealed class SqliteRequestLogTests(SqliteKestrelPortal portal, ITestOutputHelper output)
    : RequestLogTests<SqliteKestrelPortal>(portal, output);

public sealed class PostgresRequestLogTests(PostgresKestrelPortal portal, ITestOutputHelper output)
    : RequestLogTests<PostgresKestrelPortal>(portal, output);
