using HarmonyPortal.Web.Features.YearEnd;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>The year-end summary: the workbook, the user's jobs, and the background runner with its queue.</summary>
public static class YearEndSetup
{
    public static WebApplicationBuilder AddYearEndExports(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<YearEndWorkbook>();
        services.AddScoped<YearEndJobs>();
        services.AddScoped<YearEndJobRunner>();
        services.AddSingleton<YearEndQueue>();
        services.AddHostedService<YearEndExportService>();
        return builder;
    }
}
