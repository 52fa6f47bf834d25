using System.Diagnostics;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Bench;

/// <summary>
/// Benchmark 6: how many password checks per second the machine affords at the portal's PBKDF2 cost
/// (<see cref="SecuritySetup.PasswordHashIterations"/>), on one core and on all of them, beside Identity's default
/// cost (100,000 iterations) measured in the same run. Reported as a security trade-off, not a target: a sign-in costs
/// one such check, so this bounds sign-ins per second (and an attacker's guesses per second per stolen hash).
/// </summary>
internal static class LoginBench
{
    private const int IdentityDefaultIterations = 100_000;

    public static int Run(double seconds)
    {
        var configured = Rate(SecuritySetup.PasswordHashIterations, seconds, Environment.ProcessorCount);
        var baseline = Rate(IdentityDefaultIterations, seconds, Environment.ProcessorCount);
        var single = Rate(SecuritySetup.PasswordHashIterations, seconds, 1);
        Console.WriteLine($"PBKDF2-HMAC-SHA512 {SecuritySetup.PasswordHashIterations:N0} iterations: {single:0.0} checks/s on one core, {configured:0.0} on {Environment.ProcessorCount}; at {IdentityDefaultIterations:N0}: {baseline:0.0}");
        BenchResults.Record(
            new BenchResult("logins.per-second", configured, "logins/s", baseline, configured / baseline,
                $"reported (security trade-off): {SecuritySetup.PasswordHashIterations:N0} PBKDF2 iterations on {Environment.ProcessorCount} cores; baseline = Identity's default {IdentityDefaultIterations:N0}", null),
            new BenchResult("logins.per-second-one-core", single, "logins/s", null, null, "reported", null));
        return 0;
    }

    /// <summary>Password checks per second with <paramref name="threads"/> threads verifying for about <paramref name="seconds"/>.</summary>
    private static double Rate(int iterations, double seconds, int threads)
    {
        var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = iterations }));
        var user = new AppUser();
        var hash = hasher.HashPassword(user, "Harmony#2026");
        if (hasher.VerifyHashedPassword(user, hash, "Harmony#2026") != PasswordVerificationResult.Success)
        {
            throw new InvalidOperationException("The hasher does not verify its own hash.");
        }

        long checks = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                hasher.VerifyHashedPassword(user, hash, "wrong-password");
                Interlocked.Increment(ref checks);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return checks / clock.Elapsed.TotalSeconds;
    }
}
