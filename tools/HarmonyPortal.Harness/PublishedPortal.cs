using System.Diagnostics;

namespace HarmonyPortal.Harness;

/// <summary>How one published portal is started: its folder, port, environment, settings and its log.</summary>
/// <param name="PublishedDirectory">The output of <c>dotnet publish src/HarmonyPortal.Web</c>.</param>
/// <param name="Settings">Configuration keys ("Database:Provider", …) passed as environment variables.</param>
/// <param name="LogFile">Where the portal's standard output (and error) is appended.</param>
public sealed record PublishedPortalStart(
    string PublishedDirectory,
    int Port,
    string Environment,
    IReadOnlyDictionary<string, string> Settings,
    string LogFile)
{
    /// <summary>How long the portal may take to answer /health (Development writes the demo data first).</summary>
    public TimeSpan HealthyWithin { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Echo the portal's standard error to this console ("[portal] …") instead of the log file.</summary>
    public bool ErrorsToConsole { get; init; }
}

/// <summary>
/// The published portal run as its own process (<c>dotnet HarmonyPortal.Web.dll --urls …</c>), the one launcher of
/// the benchmarks (<c>PortalServer</c>) and the reliability driver (<c>PortalProcess</c>): refuses a port where
/// something already answers, waits for /health, and stops with SIGTERM (graceful) or SIGKILL (a power cut).
/// </summary>
public sealed class PublishedPortal : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private PublishedPortal(Process process, StreamWriter log, PublishedPortalStart start)
    {
        this.process = process;
        this.log = log;
        Start = start;
    }

    public PublishedPortalStart Start { get; }

    public string BaseUrl => Url(Start.Port);

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static string Url(int port) => $"http://127.0.0.1:{port}";

    public static async Task<PublishedPortal> StartAsync(PublishedPortalStart start)
    {
        var dll = Path.Combine(start.PublishedDirectory, "HarmonyPortal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException(
                "Publish the portal first: dotnet publish src/HarmonyPortal.Web -c Release -o DIR", dll);
        }

        var url = Url(start.Port);
        if (await AnswersAsync(url, TimeSpan.FromSeconds(2)))
        {
            // A portal left running there (a crashed run) would answer the probe below and be used instead.
            throw new InvalidOperationException($"Something already answers on {url}; stop it or use another port.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = start.PublishedDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = start.Environment;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in start.Settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(start.LogFile))!);
        var log = new StreamWriter(start.LogFile, append: true) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (start.ErrorsToConsole && e.Data is not null)
            {
                Console.Error.WriteLine("[portal] " + e.Data);
            }
            else
            {
                Write(log, e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PublishedPortal(process, log, start);
        try
        {
            await portal.WaitHealthyAsync(start.HealthyWithin);
        }
        catch
        {
            await portal.KillAsync();
            await portal.DisposeAsync();
            throw;
        }

        return portal;
    }

    /// <summary>Waits for /health to say 200; fails if the process exits or <paramref name="within"/> ends.</summary>
    public async Task WaitHealthyAsync(TimeSpan within)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < within)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The portal on port {Start.Port} exited with {process.ExitCode}; see {Start.LogFile}");
            }

            if (await HealthyAsync())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The portal on port {Start.Port} did not answer /health within {within}; "
            + $"see {Start.LogFile}");
    }

    /// <summary>Whether /health answers 200 now (a loaded machine gets 10 s to answer).</summary>
    public async Task<bool> HealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(BaseUrl + "/health");
            return response.IsSuccessStatusCode;
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

    /// <summary>SIGTERM and wait up to 30 s (then SIGKILL): the host's graceful shutdown.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        var id = process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var term = Process.Start("kill", ["-TERM", id]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>Stops the portal gracefully (if still running) and closes its log.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    private static async Task<bool> AnswersAsync(string url, TimeSpan timeout)
    {
        using var probe = new HttpClient { Timeout = timeout };
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

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // the last lines of a portal stopped after its log was closed
            }
        }
    }
}
