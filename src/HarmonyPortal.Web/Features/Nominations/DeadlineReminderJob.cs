namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>Runs the reminders at start-up and then every hour, on one instance at a time (the job table, ADR 0018); the reminder keys make repeated runs harmless.</summary>
public sealed class DeadlineReminderJob(DeadlineReminders reminders, TimeProvider clock) : Infrastructure.Jobs.IPortalJob
{
    public string Name => "deadline-reminders";

    public string Title => "评选与台账截止提醒";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task RunAsync(CancellationToken ct) => reminders.RunAsync(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
}
