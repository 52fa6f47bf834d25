using System.Diagnostics;

namespace HarmonyPortal.Reliability;

/// <summary>Where and on what one portal instance runs.</summary>
public sealed record PortalSettings(string Provider, string ConnectionString, string DataDirectory, int Port)
{
    /// <summary>Extra configuration as environment variables (e.g. a shared keys folder).</summary>
    public Dictionary<string, string> Environment { get; init; } = [];
}

/// <summary>
/// The published portal as its own process (<c>dotnet HarmonyPortal.Web.dll</c>, Production), so that it can be
/// killed with SIGKILL like a real server. Console output goes to <c>console.log</c> in its data directory.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    public const string AdminUserName = "rel.admin";
    public const string AdminPassword = "Reliab1e#2026";
    public const string AdminRegionCode = "430000";

    private readonly Process process;
    private readonly StreamWriter log;

    private PortalProcess(Process process, StreamWriter log, PortalSettings settings)
    {
        this.process = process;
        this.log = log;
        Settings = settings;
    }

    public PortalSettings Settings { get; }

    public string BaseUrl => $"http://127.0.0.1:{Settings.Port}";

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static async Task<PortalProcess> StartAsync(string publishedDirectory, PortalSettings settings, TimeSpan? healthyWithin = null)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = publishedDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(publishedDirectory, "HarmonyPortal.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{settings.Port}");
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["Database__Provider"] = settings.Provider;
        env["ConnectionStrings__Harmony"] = settings.ConnectionString;
        env["Harmony__DataDirectory"] = settings.DataDirectory;
        env["Bootstrap__AdminUserName"] = AdminUserName;
        env["Bootstrap__AdminPassword"] = AdminPassword;
        env["Bootstrap__AdminRegionCode"] = AdminRegionCode;
        env["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in settings.Environment)
        {
            env[key] = value;
        }

        var log = new StreamWriter(Path.Combine(settings.DataDirectory, "console.log"), append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, log, settings);
        await portal.WaitHealthyAsync(healthyWithin ?? TimeSpan.FromMinutes(3));
        return portal;
    }

    public async Task WaitHealthyAsync(TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < within)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Portal on port {Settings.Port} exited with {process.ExitCode}; see {Settings.DataDirectory}/console.log");
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Portal on port {Settings.Port} not healthy after {within}.");
    }

    /// <summary>Whether /health answers 200 now.</summary>
    public async Task<bool> Healthy()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            return (await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, like a power cut of the process.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM and wait: the host's graceful shutdown.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString()]);
            await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }
}
