namespace HarmonyPortal.Web.Features.Materials.Reminders;

/// <summary>Runs the material and indicator reminders at start-up and then every hour; the reminder keys make repeated runs harmless.</summary>
public sealed class MaterialReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MaterialReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MaterialReminders>().RunAsync(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Material and indicator reminders failed; retrying in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
