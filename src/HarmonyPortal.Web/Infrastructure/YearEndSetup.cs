using HarmonyPortal.Web.Features.YearEnd;
using HarmonyPortal.Web.Infrastructure.Jobs;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>The year-end summary: the workbook, the user's jobs, and their runner on the job table (ADR 0018).</summary>
public static class YearEndSetup
{
    public static WebApplicationBuilder AddYearEndExports(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<YearEndWorkbook>();
        services.AddScoped<YearEndJobs>();
        services.AddScoped<YearEndJobStatus>();
        services.AddQueuedJob<YearEndJobRunner>(YearEndJobRunner.Kind);
        return builder;
    }
}
