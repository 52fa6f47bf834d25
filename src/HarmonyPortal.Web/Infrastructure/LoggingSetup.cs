using Serilog;
using Serilog.Formatting.Json;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>Serilog to the console (readable) and to daily rolling JSON files under the data folder.</summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder, PortalOptions options)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.With<PersonalDataMaskingEnricher>()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(
                new JsonFormatter(renderMessage: true),
                Path.Combine(options.DataDirectory, "logs", "harmony-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                shared: true)
            .CreateLogger();

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
