namespace HarmonyPortal.Web.Features.Materials.Reminders;

/// <summary>Runs the material and indicator reminders at start-up and then every hour, on one instance at a time (ADR 0018); the reminder keys make repeated runs harmless.</summary>
public sealed class MaterialReminderJob(MaterialReminders reminders, TimeProvider clock) : Infrastructure.Jobs.IPortalJob
{
    public string Name => "material-reminders";

    public string Title => "材料与指标报送提醒";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task RunAsync(CancellationToken ct) => reminders.RunAsync(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
}
