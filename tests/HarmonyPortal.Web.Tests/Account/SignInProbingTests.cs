using System.Diagnostics;
using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Account;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Account;

/// <summary>
/// A portal whose test clients can come from different addresses, with a small failure budget per address, and the
/// product's PBKDF2 cost: the timing test compares answers whose cost is the hash (ADR 0032).
/// </summary>
public abstract class ProbingPortal(DatabaseProvider provider) : ProductPasswordCostPortal(provider)
{
    public const int FailuresPerAddress = 10;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:SignIn:FailuresPerAddress", FailuresPerAddress.ToString());
    }
}

public sealed class SqliteProbingPortal() : ProbingPortal(DatabaseProvider.Sqlite);

public sealed class PostgresProbingPortal() : ProbingPortal(DatabaseProvider.Postgres);

/// <summary>What an anonymous client can learn or break on the sign-in page: whether an account exists, and its owner's access.</summary>
public abstract class SignInProbingTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : ProbingPortal
{
    private static async Task<string> MessageAsync(HttpResponseMessage response) =>
        (await PortalClient.ParseAsync(response)).QuerySelector(".validation-summary")?.TextContent.Trim() ?? "";

    private static async Task<(double Milliseconds, string Message)> TimedLoginAsync(PortalClient client, string userName, string password)
    {
        var token = await client.TokenFromAsync("/account/login");
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync("/account/login", token, ("UserName", userName), ("Password", password));
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, await MessageAsync(response));
    }

    [Fact]
    public async Task UnknownNames_WrongPasswords_AndLockedAccounts_TakeTheSameTime_AndGetTheSameAnswer()
    {
        const int samples = 8;
        string[] existing = ["xzxf.clerk", "xzdx.clerk", "xzyp.clerk", "jyhl.clerk", "jyyc.clerk", "tsgx.clerk", "tsln.clerk", "gzzg.clerk"];
        using var locker = portal.ClientFrom("198.51.100.10");
        for (var i = 0; i < 5; i++)
        {
            await locker.LoginAsync("gznk.clerk", "Wrong#Guess" + i);
        }

        using var unknownClient = portal.ClientFrom("198.51.100.11");
        using var wrongClient = portal.ClientFrom("198.51.100.12");
        using var lockedClient = portal.ClientFrom("198.51.100.13");
        var unknown = new List<double>();
        var wrong = new List<double>();
        var locked = new List<double>();
        var messages = new HashSet<string>();
        for (var i = 0; i < samples; i++)
        {
            // Interleaved, so that whatever else loads the machine weighs on the three series alike.
            var a = await TimedLoginAsync(unknownClient, $"nobody{i}.clerk", "Wrong#Guess" + i);
            var b = await TimedLoginAsync(wrongClient, existing[i], "Wrong#Guess" + i);
            var c = await TimedLoginAsync(lockedClient, "gznk.clerk", i == 0 ? PortalClient.DemoPassword : "Wrong#Guess" + i);
            unknown.Add(a.Milliseconds);
            wrong.Add(b.Milliseconds);
            locked.Add(c.Milliseconds);
            messages.UnionWith([a.Message, b.Message, c.Message]);
        }

        output.WriteLine($"{portal.Provider}: mean sign-in time over {samples} attempts each — unknown name {unknown.Average():F0} ms, " +
            $"wrong password {wrong.Average():F0} ms, locked account {locked.Average():F0} ms (medians {Median(unknown):F0} / {Median(wrong):F0} / {Median(locked):F0} ms)");
        Assert.Equal(AccountController.BadCredentials, Assert.Single(messages));
        Assert.InRange(Median(unknown) / Median(wrong), 0.6, 1.67);
        Assert.InRange(Median(locked) / Median(wrong), 0.6, 1.67);
    }

    [Fact]
    public async Task AnAddressThatKeepsFailing_IsRefusedInChinese_WhileOtherAddressesSignIn()
    {
        using var prober = portal.ClientFrom("198.51.100.20");
        for (var i = 0; i < ProbingPortal.FailuresPerAddress; i++)
        {
            var response = await prober.LoginAsync($"guess{i}.clerk", "Wrong#Guess" + i);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var refused = await prober.LoginAsync("tslb.clerk");
        using var neighbour = portal.ClientFrom("198.51.100.21");
        var other = await neighbour.LoginAsync("tslb.clerk");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("此网络地址登录失败次数过多", await MessageAsync(refused));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        await using var db = portal.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.LoginThrottled && e.IpAddress == "198.51.100.20" && e.UserName == "tslb.clerk"));
    }

    [Fact]
    public async Task AnAttackerWhoLocksAnAccount_DoesNotLockOutItsOwner_OnABrowserTheOwnerSignedInFrom()
    {
        using var owner = portal.ClientFrom("198.51.100.30");
        await owner.LoginOrFailAsync("gzgx.clerk");
        await owner.PostAsync("/account/logout", await owner.TokenFromAsync("/"));

        using var attacker = portal.ClientFrom("198.51.100.31");
        for (var i = 0; i < 5; i++)
        {
            await attacker.LoginAsync("gzgx.clerk", "Wrong#Guess" + i);
        }

        var attackerWithThePassword = await attacker.LoginAsync("gzgx.clerk");
        using var ownersNewBrowser = portal.ClientFrom("198.51.100.30");
        var newBrowser = await ownersNewBrowser.LoginAsync("gzgx.clerk");
        var ownersBrowser = await owner.LoginAsync("gzgx.clerk");

        Assert.Equal(AccountController.BadCredentials, await MessageAsync(attackerWithThePassword));
        Assert.Equal(AccountController.BadCredentials, await MessageAsync(newBrowser));
        Assert.Equal(HttpStatusCode.Redirect, ownersBrowser.StatusCode);
        await using var db = portal.CreateDbContext();
        Assert.True((await db.Users.SingleAsync(u => u.UserName == "gzgx.clerk")).LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task ATrustedBrowser_HasItsOwnFailureBudget_ThenIsHeldByTheLockoutLikeAnyOther()
    {
        using var owner = portal.ClientFrom("198.51.100.40");
        await owner.LoginOrFailAsync("gzrj.clerk");
        await owner.PostAsync("/account/logout", await owner.TokenFromAsync("/"));

        for (var i = 0; i < 5; i++)
        {
            await owner.LoginAsync("gzrj.clerk", "Wrong#Guess" + i);
        }

        var rightPassword = await owner.LoginAsync("gzrj.clerk");

        Assert.Equal(AccountController.BadCredentials, await MessageAsync(rightPassword));
    }

    [Fact]
    public async Task ANeighbourBehindTheSameAddress_CannotKeepATrustedBrowserOut_ByUsingUpTheAddressBudget()
    {
        using var owner = portal.ClientFrom("198.51.100.60");
        await owner.LoginOrFailAsync("tsln.clerk");
        await owner.PostAsync("/account/logout", await owner.TokenFromAsync("/"));
        using var neighbour = portal.ClientFrom("198.51.100.60");
        for (var i = 0; i < ProbingPortal.FailuresPerAddress; i++)
        {
            await neighbour.LoginAsync($"spray{i}.clerk", "Wrong#Guess" + i);
        }

        var stranger = await neighbour.LoginAsync("tsln.clerk");
        var ownersBrowser = await owner.LoginAsync("tsln.clerk");

        Assert.Equal(HttpStatusCode.TooManyRequests, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ownersBrowser.StatusCode);
    }

    [Fact]
    public async Task AnOverlongUserName_IsAnsweredLikeAWrongPassword_NotWithAnError()
    {
        using var client = portal.ClientFrom("198.51.100.50");

        var response = await client.LoginAsync(new string('a', 300), new string('b', 5000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AccountController.BadCredentials, await MessageAsync(response));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}

public sealed class SqliteSignInProbingTests(SqliteProbingPortal portal, ITestOutputHelper output)
    : SignInProbingTests<SqliteProbingPortal>(portal, output);

public sealed class PostgresSignInProbingTests(PostgresProbingPortal portal, ITestOutputHelper output)
    : SignInProbingTests<PostgresProbingPortal>(portal, output);
