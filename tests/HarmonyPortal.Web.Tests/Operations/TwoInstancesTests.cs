using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Operations;

/// <summary>
/// Instance A (the fixture) and a second instance B on the same database, each with its own data folder but one
/// keys folder (Harmony:KeysDirectory), one exports folder (Harmony:ExportsDirectory) and one PersonalData:HmacKey,
/// as docs/operations.md tells deployers behind a load balancer. tools/reliability/run.sh does the same with real
/// processes behind nginx and kills one under load.
/// </summary>
public abstract class TwoInstancesTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : TwinPortal
{
    [Fact]
    public async Task ASignInOnA_IsValidOnB_AndAFormOfA_SavesOnB_WhereTheSameIdNumberIsThenFoundAsDuplicate()
    {
        await using var second = portal.SecondInstance();
        var cookies = new CookieContainer();
        using var onA = Client(portal, cookies);
        using var onB = Client(second, cookies);
        await onA.LoginOrFailAsync("yyjs.clerk");
        var number = TestIdNumbers.WithCheckDigit("430623198206061234");

        Assert.Equal(HttpStatusCode.OK, (await onB.Http.GetAsync("/ledgers")).StatusCode);
        var saved = await onB.PostAsync("/ledgers/coordinators/create", await onA.TokenFromAsync("/ledgers"),
            [.. LedgerForms.Coordinator(name: "孙立", id: number, gender: "男"), ("year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Contains(number, (await onA.GetPageAsync($"/ledgers/coordinators/{id}?reveal=true")).Body!.TextContent);
        var again = await onA.PostAsync("/ledgers/coordinators/create", await onA.TokenFromAsync("/ledgers"),
            [.. LedgerForms.Coordinator(name: "孙立", id: number, gender: "男"), ("year", "2026")]);
        Assert.Contains("同一年度不能重复登记", (await PortalClient.ParseAsync(again)).Body!.TextContent);
    }

    [Fact]
    public async Task AYearEndWorkbookWrittenByA_DownloadsThroughB()
    {
        await using var second = portal.SecondInstance();
        var cookies = new CookieContainer();
        using var onA = Client(portal, cookies);
        using var onB = Client(second, cookies);
        await onA.LoginOrFailAsync("yy.reviewer");
        var year = portal.Clock.GetLocalNow().Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await onA.PostAsync("/year-end/exports", await onA.TokenFromAsync("/year-end"), ("year", year))).StatusCode);
        var job = (await onA.GetPageAsync("/year-end")).QuerySelector("tr[data-export-job]")!.GetAttribute("data-export-job");
        string? status = null;
        for (var attempt = 0; attempt < 300 && status is not ("Done" or "Failed"); attempt++)
        {
            await Task.Delay(100);
            status = JsonDocument.Parse(await onA.Http.GetStringAsync($"/year-end/exports/{job}")).RootElement.GetProperty("status").GetString();
        }

        Assert.Equal("Done", status);
        var download = await onB.Http.GetAsync($"/year-end/exports/{job}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True((await download.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    private static PortalClient Client(WebApplicationFactory<Program> host, CookieContainer cookies)
    {
        var http = host.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        return new PortalClient(http);
    }
}

/// <summary>Instance A with the shared folders and key; <see cref="SecondInstance"/> starts B beside it.</summary>
public class TwinPortal(DatabaseProvider provider) : PortalFactory(provider)
{
    private readonly string shared = Path.Combine(TestPaths.Scratch("shared"), Guid.NewGuid().ToString("N"));
    private readonly string hmacKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The folder the instances share (keys, exports).</summary>
    public string SharedDirectory => shared;

    /// <summary>A second instance on the same database, folders, key and clock, with <paramref name="settings"/> on top.</summary>
    public WebApplicationFactory<Program> SecondInstance(params (string Key, string Value)[] settings) => new Second(this, settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Share(builder);
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        if (Directory.Exists(shared))
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    private void Share(IWebHostBuilder builder)
    {
        builder.UseSetting("Harmony:KeysDirectory", Path.Combine(shared, "keys"));
        builder.UseSetting("Harmony:ExportsDirectory", Path.Combine(shared, "exports"));
        builder.UseSetting("PersonalData:HmacKey", hmacKey);
    }

    private sealed class Second(TwinPortal first, (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        private readonly string dataDirectory = Path.Combine(TestPaths.Scratch("portal"), Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", first.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Harmony", first.ConnectionString);
            builder.UseSetting("Harmony:DataDirectory", dataDirectory);
            builder.UseSetting("Notifications:Reminders:Enabled", "false");
            builder.UseSetting("Jobs:Disabled", QuietJobs);
            builder.UseSetting("Demo:SampleLedgers", "false"); // the first instance's data only
            first.Share(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(first.Clock));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }
}

public sealed class SqliteTwinPortal() : TwinPortal(DatabaseProvider.Sqlite);

public sealed class PostgresTwinPortal() : TwinPortal(DatabaseProvider.Postgres);

public sealed class SqliteTwoInstancesTests(SqliteTwinPortal portal) : TwoInstancesTests<SqliteTwinPortal>(portal);

public sealed class PostgresTwoInstancesTests(PostgresTwinPortal portal) : TwoInstancesTests<PostgresTwinPortal>(portal);
