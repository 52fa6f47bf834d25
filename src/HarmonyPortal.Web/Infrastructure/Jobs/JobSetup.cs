namespace HarmonyPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Registers the job table's machinery and the jobs (ADR 0018). A recurring job is one line:
/// <c>services.AddPortalJob&lt;MyJob&gt;()</c> with <c>MyJob : IPortalJob</c> (name, Chinese title, interval, RunAsync).
/// </summary>
public static class JobSetup
{
    public static WebApplicationBuilder AddBackgroundJobs(this WebApplicationBuilder builder)
    {
        var options = JobOptions.Read(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<JobSignal>();
        builder.Services.AddSingleton<JobEngine>();
        builder.Services.AddPortalJob<FinishedWorkPurgeJob>();
        if (options.Enabled)
        {
            builder.Services.AddHostedService<JobHostService>();
        }

        return builder;
    }

    /// <summary>A recurring job run every <see cref="IPortalJob.Interval"/> by one instance at a time.</summary>
    public static IServiceCollection AddPortalJob<TJob>(this IServiceCollection services)
        where TJob : class, IPortalJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new PortalJobType(typeof(TJob)));
        return services;
    }

    /// <summary>The handler of queued one-off jobs of <paramref name="kind"/> (see <see cref="JobStore.Queue"/>).</summary>
    public static IServiceCollection AddQueuedJob<THandler>(this IServiceCollection services, string kind)
        where THandler : class, IQueuedJobHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new QueuedJobKind(kind, typeof(THandler)));
        return services;
    }
}
