using System.Diagnostics;
using System.Globalization;
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
    private readonly Process process;

    private PortalServer(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>"HarmonyPortal.Auth=…": the session cookie of the signed-in user, as wrk sends it.</summary>
    public string Cookie { get; private set; } = "";

    public HttpClient Client { get; private set; } = new();

    /// <param name="environment">Production by default; page-times runs Development, whose start writes the demo data (docs/demo.md).</param>
    public static async Task<PortalServer> StartAsync(BenchTarget target, string environment = "Production")
    {
        var dll = Path.Combine(target.PortalDirectory, "HarmonyPortal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Publish the portal first (bench/run.sh does): dotnet publish src/HarmonyPortal.Web -c Release -o DIR", dll);
        }

        var url = $"http://127.0.0.1:{target.Port}";
        if (await AnswersAsync(url))
        {
            // A portal left running there (a crashed run) would answer the probe below and be measured instead.
            throw new InvalidOperationException($"Something already answers on {url}; stop it or pass another --port.");
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = target.PortalDirectory };
        foreach (var arg in new[] { dll, "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Database__Provider"] = target.Provider.ToString();
        start.Environment["ConnectionStrings__Harmony"] = target.ConnectionString;
        start.Environment["Harmony__DataDirectory"] = target.DataDirectory;
        start.Environment[BenchPlaintext.Setting.Replace(":", "__", StringComparison.Ordinal)] = "true";
        start.Environment["TZ"] = "Asia/Shanghai";
        var process = Process.Start(start)!;
        var log = Path.Combine(target.DataDirectory, $"portal-{target.Provider}.out");
        _ = Task.Run(async () =>
        {
            await using var file = new StreamWriter(log, append: true);
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                await file.WriteLineAsync(line);
            }
        });
        _ = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                Console.Error.WriteLine("[portal] " + line);
            }
        });

        var server = new PortalServer(process, url);
        server.Client.BaseAddress = new Uri(url);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {process.ExitCode}; see {log}");
            }

            try
            {
                if ((await probe.GetAsync(url + "/health")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet, or too slow to answer on a loaded machine: ask again
            }

            // Development writes the demo data before it answers (minutes on a loaded machine).
            var patience = TimeSpan.FromMinutes(environment == "Production" ? 3 : 15);
            if (deadline.Elapsed > patience)
            {
                await server.DisposeAsync();
                throw new TimeoutException($"The portal did not answer /health within {patience.TotalMinutes} minutes; see {log}");
            }

            await Task.Delay(250);
        }

        Console.WriteLine($"portal up at {url} ({target.Provider}) in {deadline.Elapsed.TotalSeconds:0.0} s");
        return server;
    }

    private static async Task<bool> AnswersAsync(string url)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await probe.GetAsync(url + "/health");
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
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

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
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
