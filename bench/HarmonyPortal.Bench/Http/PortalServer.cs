using System.Diagnostics;
using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Web.Infrastructure;

namespace HarmonyPortal.Bench.Http;

/// <summary>
/// The published portal (Release, Production environment) run as its own process over a generated database, with
/// the benchmark's plaintext floor switched on; and a signed-in session cookie for wrk and HttpClient.
/// </summary>
internal sealed class PortalServer : IAsyncDisposable
{
    private readonly Harness.PublishedPortal portal;

    private PortalServer(Harness.PublishedPortal portal)
    {
        this.portal = portal;
        Client.BaseAddress = new Uri(BaseUrl);
    }

    public string BaseUrl => portal.BaseUrl;

    /// <summary>"HarmonyPortal.Auth=…": the session cookie of the signed-in user, as wrk sends it.</summary>
    public string Cookie { get; private set; } = "";

    public HttpClient Client { get; private set; } = new();

    /// <param name="environment">Production by default; page-times runs Development, whose start writes the demo data (docs/demo.md).</param>
    public static async Task<PortalServer> StartAsync(BenchTarget target, string environment = "Production")
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = target.Provider.ToString(),
            ["ConnectionStrings:Harmony"] = target.ConnectionString,
            ["Harmony:DataDirectory"] = target.DataDirectory,
            [BenchPlaintext.Setting] = "true",
            ["TZ"] = "Asia/Shanghai",
        };
        var start = new Harness.PublishedPortalStart(target.PortalDirectory, target.Port, environment, settings,
            Path.Combine(target.DataDirectory, $"portal-{target.Provider}.out"))
        {
            // Development writes the demo data before it answers (minutes on a loaded machine).
            HealthyWithin = TimeSpan.FromMinutes(environment == "Production" ? 3 : 15),
            ErrorsToConsole = true,
        };
        var started = Stopwatch.StartNew();
        var server = new PortalServer(await Harness.PublishedPortal.StartAsync(start));
        Console.WriteLine($"portal up at {server.BaseUrl} ({target.Provider}) in {started.Elapsed.TotalSeconds:0.0} s");
        return server;
    }

    /// <summary>Signs in through the login form (antiforgery token and all) and keeps the session cookie.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        var cookies = new CookieContainer();
        Client.Dispose();
        Client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(BaseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };
        var response = await Harness.PortalLogin.SignInAsync(Client, userName, password);
        var auth = cookies.GetCookies(new Uri(BaseUrl))["HarmonyPortal.Auth"];
        if (response.StatusCode != HttpStatusCode.Redirect || auth is null)
        {
            throw new InvalidOperationException($"Signing in as {userName} failed ({(int)response.StatusCode}).");
        }

        Cookie = $"HarmonyPortal.Auth={auth.Value}";
    }

    /// <summary>Forgets the session: the next requests are anonymous.</summary>
    public void SignOut()
    {
        Client.Dispose();
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        Cookie = "";
    }

    /// <summary>Fetches a page as the signed-in user; anything but 200 is an error (a redirect would mean the session was lost).</summary>
    public async Task<byte[]> GetOkAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Kills the portal (a benchmark's portal keeps nothing worth a graceful stop).</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await portal.KillAsync();
        await portal.DisposeAsync();
    }
}

/// <summary>Where a portal benchmark runs: the published portal, the database, its data directory (with the generator's keys) and a port.</summary>
internal sealed record BenchTarget(string PortalDirectory, DatabaseProvider Provider, string ConnectionString, string DataDirectory, int Port, string Password)
{
    public string Label => Provider.ToString().ToLowerInvariant();

    public static BenchTarget Parse(string[] args)
    {
        string? Option(string name) => Args.Option(args, name);

        var (provider, connection) = Option("--connection") is { } cs
            ? (DatabaseProvider.Postgres, cs)
            : (DatabaseProvider.Sqlite, $"Data Source={Option("--db") ?? throw new ArgumentException("needs --db PATH or --connection CS")}");
        return new BenchTarget(
            Option("--portal") ?? throw new ArgumentException("needs --portal DIR (the published portal)"),
            provider,
            connection,
            Option("--data") ?? throw new ArgumentException("needs --data DIR (the portal's data directory; its keys/ are the generator's)"),
            Args.Int(args, "--port", 56001),
            Option("--password") ?? Data.GenerateOptions.DefaultPassword);
    }

    public HarmonyDbContext CreateDbContext() => new(HarmonyDatabase.Options(Provider, ConnectionString));
}
