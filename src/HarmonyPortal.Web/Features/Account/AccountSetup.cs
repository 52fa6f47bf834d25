using HarmonyPortal.Web.Features.Account.Identity;

namespace HarmonyPortal.Web.Features.Account;

/// <summary>The sign-in page's failure budgets, device cookies and the password change.</summary>
public static class AccountSetup
{
    public static IServiceCollection AddAccountProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInLimits>(configuration.GetSection(SignInLimits.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<TrustedDevices>();
        services.AddScoped<PasswordChangeService>();
        return services;
    }
}
