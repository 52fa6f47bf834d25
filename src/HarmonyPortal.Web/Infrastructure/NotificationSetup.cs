using HarmonyPortal.Web.Features.Notifications;
using HarmonyPortal.Web.Features.Notifications.Email;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>In-app notifications and the email channel (off unless <c>Notifications:Smtp:Enabled</c>).</summary>
public static class NotificationSetup
{
    public static WebApplicationBuilder AddPortalNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmtpOptions>()
            .Bind(builder.Configuration.GetSection(SmtpOptions.Section))
            .Validate(o => !o.Enabled || o.IsComplete,
                "Notifications:Smtp is enabled but incomplete: Host, Port, FromAddress, TimeoutSeconds, MaxAttempts, RetryDelaySeconds and QueueCapacity need valid values.")
            .ValidateOnStart();
        services.AddSingleton<EmailQueue>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddHostedService<EmailDispatcher>();
        services.AddSingleton<NotificationEmail>();
        services.AddScoped<NotificationService>();
        services.AddScoped<NotificationInbox>();
        return builder;
    }
}
