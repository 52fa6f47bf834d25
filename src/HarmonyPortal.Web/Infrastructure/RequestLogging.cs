using Serilog;
using Serilog.Events;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// One structured line per request through Serilog's request logging (ADR 0014): method, path (never the query
/// string, never a form value), status and time. Client errors are warnings, server errors and exceptions errors;
/// the vendored files under /lib are logged only at Verbose.
/// </summary>
public static class RequestLogging
{
    /// <summary>The old middleware's line, word for word; the properties carry Serilog's standard names.</summary>
    public const string MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";

    /// <summary>Outermost but the forwarded headers: it times the error pages too and logs the final status once, under the original path.</summary>
    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = MessageTemplate;
            options.GetLevel = LevelFor;
            // RequestPath is the request feature's Path: the query string is only in RawTarget, which this keeps out.
            options.IncludeQueryInRequestPath = false;
            // The portal's own logger, not the static Log: several portals share one process in the tests.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // No EnrichDiagnosticContext: the old line logged no user, region or form value, and RequestId/ConnectionId still
            // come from ASP.NET Core's logging scopes (Enrich.FromLogContext), as they did.
        });
        return app;
    }

    public static LogEventLevel LevelFor(HttpContext context, double elapsedMs, Exception? error)
    {
        var status = context.Response.StatusCode;
        if (error is not null || status >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        if (status >= StatusCodes.Status400BadRequest)
        {
            return LogEventLevel.Warning;
        }

        // Serilog has no "skip this path": below the configured minimum the line is never written.
        return context.Request.Path.StartsWithSegments("/lib", StringComparison.Ordinal) ? LogEventLevel.Verbose : LogEventLevel.Information;
    }
}
