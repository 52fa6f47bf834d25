using HarmonyPortal.Web.Features.Account.Identity;

namespace HarmonyPortal.Web.Features.Account;

/// <summary>The sign-in page's failure budgets, device cookies, the password change and two-factor sign-in.</summary>
public static class AccountSetup
{
    public static IServiceCollection AddAccountProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInLimits>(configuration.GetSection(SignInLimits.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<TrustedDevices>();
        services.AddScoped<PasswordChangeService>();
        services.Configure<TwoFactor.TwoFactorOptions>(configuration.GetSection(TwoFactor.TwoFactorOptions.Section));
        services.AddSingleton<TwoFactor.TwoFactorPolicy>();
        services.AddScoped<TwoFactor.TwoFactorService>();
        services.AddScoped<TwoFactor.TwoFactorResetService>();
        return services;
    }
}
