namespace HarmonyPortal.Web.Features.Account.Identity;

/// <summary>
/// Failure budgets of the sign-in page (configuration section <c>Security:SignIn</c>). Per client address: an
/// anonymous client may fail 30 times in 15 minutes whatever account names it tries, then is refused without a
/// password check until the window slides. Per trusted device: 5 failures per lockout period, after which the
/// device's cookie no longer lets it past an account's lockout. At most 4 attempts of one address run at once and
/// 16 more wait; a burst beyond that is refused at once.
/// </summary>
public sealed class SignInLimits
{
    public const string Section = "Security:SignIn";

    public int FailuresPerAddress { get; set; } = 30;

    public int AddressWindowMinutes { get; set; } = 15;

    public int ConcurrentAttemptsPerAddress { get; set; } = 4;

    public int QueuedAttemptsPerAddress { get; set; } = 16;

    public int FailuresPerDevice { get; set; } = 5;

    public int DeviceCookieDays { get; set; } = 180;

    public FailureBudget AddressBudget() =>
        new(Math.Max(1, FailuresPerAddress), TimeSpan.FromMinutes(Math.Max(1, AddressWindowMinutes)));

    public FailureBudget DeviceBudget() =>
        new(Math.Max(1, FailuresPerDevice), Infrastructure.SecuritySetup.LockoutDuration);
}
