using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>Serilog to the console (readable) and to daily rolling JSON files under the data folder (owner-only).</summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder, PortalOptions options)
    {
        // Owner-only folders; the files Serilog opens in them are 0600 through the umask (OwnerOnlyFiles.RestrictUmask),
        // and the sweep job re-tightens them (a shared file sink takes no lifecycle hooks to set the mode itself).
        OwnerOnlyFiles.CreateDirectory(options.DataDirectory);
        var logs = OwnerOnlyFiles.CreateDirectory(Path.Combine(options.DataDirectory, "logs"));
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            // After the configuration, so no setting lowers it: ASP.NET Core's "Request starting/finished" lines carry
            // the query string; the request log (RequestLogging) is the one line per request (ADR 0014).
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.With<PersonalDataMaskingEnricher>()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(
                new JsonFormatter(renderMessage: true),
                Path.Combine(logs, "harmony-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                shared: true)
            .CreateLogger();

        builder.Logging.ClearProviders();
        // Serilog's logger factory, its ILogger and the diagnostic context that UseSerilogRequestLogging collects into.
        builder.Services.AddSerilog(logger, dispose: true);
        return builder;
    }
}
