using HarmonyPortal.Harness;

namespace HarmonyPortal.Reliability;

/// <summary>Where and on what one portal instance runs.</summary>
public sealed record PortalSettings(string Provider, string ConnectionString, string DataDirectory, int Port)
{
    /// <summary>Extra configuration as environment variables (e.g. a shared keys folder).</summary>
    public Dictionary<string, string> Environment { get; init; } = [];
}

/// <summary>
/// The published portal as its own process (<c>dotnet HarmonyPortal.Web.dll</c>, Production), so that it can be
/// killed with SIGKILL like a real server. Started by the harness's launcher (<see cref="PublishedPortal"/>, shared
/// with the benchmarks); console output goes to <c>console.log</c> in its data directory.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    public const string AdminUserName = "rel.admin";
    public const string AdminPassword = "Reliab1e#2026";
    public const string AdminRegionCode = "430000";

    private readonly PublishedPortal portal;

    private PortalProcess(PublishedPortal portal, PortalSettings settings)
    {
        this.portal = portal;
        Settings = settings;
    }

    public PortalSettings Settings { get; }

    public string BaseUrl => portal.BaseUrl;

    public int Id => portal.Id;

    public bool HasExited => portal.HasExited;

    public static async Task<PortalProcess> StartAsync(
        string publishedDirectory, PortalSettings settings, TimeSpan? healthyWithin = null)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        var configuration = new Dictionary<string, string>
        {
            ["Database:Provider"] = settings.Provider,
            ["ConnectionStrings:Harmony"] = settings.ConnectionString,
            ["Harmony:DataDirectory"] = settings.DataDirectory,
            ["Bootstrap:AdminUserName"] = AdminUserName,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Bootstrap:AdminRegionCode"] = AdminRegionCode,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings.Environment)
        {
            configuration[key.Replace("__", ":", StringComparison.Ordinal)] = value; // given as environment variables
        }

        var start = new PublishedPortalStart(publishedDirectory, settings.Port, "Production", configuration,
            Path.Combine(settings.DataDirectory, "console.log"))
        {
            HealthyWithin = healthyWithin ?? TimeSpan.FromMinutes(3),
        };
        return new PortalProcess(await PublishedPortal.StartAsync(start), settings);
    }

    public Task WaitHealthyAsync(TimeSpan within) => portal.WaitHealthyAsync(within);

    /// <summary>Whether /health answers 200 now.</summary>
    public Task<bool> Healthy() => portal.HealthyAsync();

    /// <summary>SIGKILL: no shutdown hooks, no flush, like a power cut of the process.</summary>
    public Task KillAsync() => portal.KillAsync();

    /// <summary>SIGTERM and wait: the host's graceful shutdown.</summary>
    public Task StopAsync() => portal.StopAsync();

    public ValueTask DisposeAsync() => portal.DisposeAsync();
}
