using HarmonyPortal.Core.Data;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>Settings read at start-up; README's configuration reference lists every key.</summary>
public sealed class PortalOptions
{
    /// <summary>Folder for the SQLite file, logs and Data Protection keys; relative to the content root.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>Data Protection keys and the generated HMAC key; <c>Harmony:KeysDirectory</c>, by default <c>keys/</c> in the data directory.</summary>
    public string KeysDirectory { get; init; } = "data/keys";

    /// <summary>Finished year-end workbooks; <c>Harmony:ExportsDirectory</c>, by default <c>exports/</c> in the data directory.</summary>
    public string ExportsDirectory { get; init; } = "data/exports";

    public DatabaseProvider Provider { get; init; }

    public string ConnectionString { get; init; } = "";

    public bool MigrateOnStartup { get; init; } = true;

    public bool SeedDemoData { get; init; }

    /// <summary>The portal's address as users reach it (<c>Portal:PublicBaseUrl</c>), for links in emails; null when unset.</summary>
    public string? PublicBaseUrl { get; init; }

    public static PortalOptions Read(IConfiguration config, IHostEnvironment env)
    {
        var dataDirectory = Path.GetFullPath(config["Harmony:DataDirectory"] ?? "data", env.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
        var provider = HarmonyDatabase.ParseProvider(config["Database:Provider"]);
        var connectionString = config.GetConnectionString("Harmony");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException($"ConnectionStrings:Harmony is required when Database:Provider is {provider}.");
            }

            connectionString = $"Data Source={Path.Combine(dataDirectory, "harmony.db")}";
        }

        var publicBaseUrl = config["Portal:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(publicBaseUrl)
            && !(Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            throw new InvalidOperationException("Portal:PublicBaseUrl must be an absolute http(s) address such as https://portal.example.cn.");
        }

        return new PortalOptions
        {
            DataDirectory = dataDirectory,
            // Instances behind one load balancer share this folder (or a copy of it): a cookie or form protected by one must open on the other.
            KeysDirectory = Path.GetFullPath(config["Harmony:KeysDirectory"] is { Length: > 0 } keys ? keys : Path.Combine(dataDirectory, "keys"), env.ContentRootPath),
            // Shared too when several instances run: a workbook written by one is downloaded through any.
            ExportsDirectory = Path.GetFullPath(config["Harmony:ExportsDirectory"] is { Length: > 0 } exports ? exports : Path.Combine(dataDirectory, "exports"), env.ContentRootPath),
            Provider = provider,
            ConnectionString = connectionString,
            MigrateOnStartup = config.GetValue("Database:MigrateOnStartup", true),
            // Demo accounts exist only in Development, whatever the configuration says.
            SeedDemoData = env.IsDevelopment() && config.GetValue("Demo:Seed", true),
            PublicBaseUrl = string.IsNullOrWhiteSpace(publicBaseUrl) ? null : publicBaseUrl.TrimEnd('/'),
        };
    }
}
