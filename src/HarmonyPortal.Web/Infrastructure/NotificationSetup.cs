using HarmonyPortal.Web.Features.Notifications;
using HarmonyPortal.Web.Features.Notifications.Email;
using HarmonyPortal.Web.Infrastructure.Jobs;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>In-app notifications and the email channel (off unless <c>Notifications:Smtp:Enabled</c>): the outbox, its sender and MailKit.</summary>
public static class NotificationSetup
{
    public static WebApplicationBuilder AddPortalNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmtpOptions>()
            .Bind(builder.Configuration.GetSection(SmtpOptions.Section))
            .Validate(o => !o.Enabled || o.IsComplete,
                "Notifications:Smtp is enabled but incomplete: Host, Port, FromAddress, TimeoutSeconds, MaxAttempts, RetryDelaySeconds, BatchSize and PollSeconds need valid values.")
            .ValidateOnStart();
        services.AddSingleton<IEmailTransport, MailKitEmailTransport>();
        services.AddScoped<EmailOutboxWriter>();
        services.AddScoped<EmailOutboxSender>();
        var smtp = builder.Configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (smtp.Enabled && smtp.RunSender)
        {
            services.AddPortalJob<EmailOutboxJob>(); // the sender runs through the job table (ADR 0018)
        }

        services.AddScoped<Features.Admin.Emails.EmailOutboxAdmin>();
        services.AddSingleton<NotificationEmail>();
        services.AddScoped<NotificationService>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationBadge>();
        return builder;
    }
}
