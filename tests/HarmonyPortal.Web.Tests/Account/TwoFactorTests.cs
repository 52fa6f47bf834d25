using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Account.TwoFactor;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Account;

/// <summary>The portal with <c>Security:TwoFactor:RequiredForAdministrators</c> on.</summary>
public class TwoFactorPortal(DatabaseProvider provider) : PortalFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:TwoFactor:RequiredForAdministrators", "true");
    }
}

public sealed class SqliteTwoFactorPortal() : TwoFactorPortal(DatabaseProvider.Sqlite);

public sealed class PostgresTwoFactorPortal() : TwoFactorPortal(DatabaseProvider.Postgres);

/// <summary>
/// TOTP two-factor sign-in: enrolment with a QR code and a first code, the second sign-in step, recovery codes,
/// the lockout, the administrators' gate and an admin's reset. Codes are computed here from the key the page shows.
/// </summary>
public abstract class TwoFactorTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : TwoFactorPortal
{
    private const string EnrolPage = "/account/two-factor/enable";
    private const string CodePage = "/account/login/two-factor";

    private static async Task<string> TextAsync(HttpResponseMessage response) => (await PortalClient.ParseAsync(response)).Body!.TextContent;

    /// <summary>Enrols the signed-in user of <paramref name="client"/>: the key it was shown and its recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(PortalClient client)
    {
        var page = await client.GetPageAsync(EnrolPage);
        var key = page.QuerySelector("[data-testid=two-factor-key]")!.TextContent;
        var token = await client.TokenFromAsync(EnrolPage);
        var enrolled = await client.PostAsync(EnrolPage, token, ("code", Totp.Code(key)));
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var codes = (await PortalClient.ParseAsync(enrolled)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        return (key, codes);
    }

    private static async Task<HttpResponseMessage> SecondStepAsync(PortalClient client, string code) =>
        await client.PostAsync(CodePage, await client.TokenFromAsync(CodePage), ("Code", code));

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = portal.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<string>> TrailAsync(string userName)
    {
        var id = await UserIdAsync(userName);
        await using var db = portal.CreateDbContext();
        return await db.AuditEntries.Where(e => e.ObjectId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    [Fact]
    public async Task Clerk_EnrolsFromTheUserMenu_WithAQrCodeAndAFirstCode_ThenSignsInWithTheCurrentCode()
    {
        using var clerk = await portal.SignedInClientAsync("yyjk.clerk");
        Assert.NotNull((await clerk.GetPageAsync("/")).QuerySelector("nav a[href='/account/two-factor']"));
        var page = await clerk.GetPageAsync(EnrolPage);
        var key = page.QuerySelector("[data-testid=two-factor-key]")!.TextContent;
        var qr = page.QuerySelector("[data-testid=two-factor-qr]")!.GetAttribute("src")!;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.StartsWith("data:image/png;base64,", qr);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(qr["data:image/png;base64,".Length..])[..4]);

        var wrong = await clerk.PostAsync(EnrolPage, await clerk.TokenFromAsync(EnrolPage), ("code", Totp.WrongCode(key)));
        Assert.Contains(TwoFactorService.WrongCode, await TextAsync(wrong));
        Assert.Equal(key, (await PortalClient.ParseAsync(wrong)).QuerySelector("[data-testid=two-factor-key]")!.TextContent);

        var enrolled = await clerk.PostAsync(EnrolPage, await clerk.TokenFromAsync(EnrolPage), ("code", Totp.Code(key)));
        var codes = (await PortalClient.ParseAsync(enrolled)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("已启用", (await clerk.GetPageAsync("/account/two-factor")).QuerySelector("[data-testid=two-factor-status]")!.TextContent);

        using var again = portal.CreatePortalClient();
        var password = await again.LoginAsync("yyjk.clerk");
        Assert.Equal(CodePage, password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await again.Http.GetAsync("/")).StatusCode); // not signed in by the password alone
        var refused = await SecondStepAsync(again, Totp.WrongCode(key));
        Assert.Contains(TwoFactorSignInController.BadCode, await TextAsync(refused));
        var accepted = await SecondStepAsync(again, Totp.Code(key));
        Assert.Equal("/", accepted.Headers.Location!.OriginalString);
        Assert.Contains("经开区填报员", (await again.GetPageAsync("/")).QuerySelector("[data-testid=current-user]")!.TextContent);

        var trail = await TrailAsync("yyjk.clerk");
        Assert.Contains(AuditActions.UserTwoFactorEnabled, trail);
        Assert.Contains(AuditActions.LoginTwoFactorFailed, trail);
        Assert.Equal(AuditActions.LoginSucceeded, trail[^1]);
    }

    [Fact]
    public async Task ARecoveryCode_SignsInOnce_ThenIsRefused()
    {
        List<string> codes;
        using (var clerk = await portal.SignedInClientAsync("yyml.clerk"))
        {
            codes = (await EnrolAsync(clerk)).RecoveryCodes;
        }

        using var first = portal.CreatePortalClient();
        await first.LoginAsync("yyml.clerk");
        var used = await SecondStepAsync(first, codes[3].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Contains("还剩 9 个", (await first.GetPageAsync("/")).QuerySelector(".alert-success")!.TextContent);

        using var second = portal.CreatePortalClient();
        await second.LoginAsync("yyml.clerk");
        var reused = await SecondStepAsync(second, codes[3]);
        Assert.Contains(TwoFactorSignInController.BadCode, await TextAsync(reused));
        var trail = await TrailAsync("yyml.clerk");
        Assert.Single(trail, AuditActions.LoginRecoveryCodeUsed);
        Assert.Equal(AuditActions.LoginTwoFactorFailed, trail[^1]);
    }

    [Fact]
    public async Task FiveWrongCodes_LockTheAccount_SoThatEvenTheRightCodeIsRefused()
    {
        string key;
        using (var clerk = await portal.SignedInClientAsync("yyxy.clerk"))
        {
            key = (await EnrolAsync(clerk)).Key;
        }

        using var guesser = portal.ClientFrom("198.51.100.20");
        await guesser.LoginAsync("yyxy.clerk");
        for (var i = 0; i < 4; i++)
        {
            await SecondStepAsync(guesser, Totp.WrongCode(key));
        }

        await SecondStepAsync(guesser, "ABCDE-23456"); // a wrong recovery code counts too
        var right = await SecondStepAsync(guesser, Totp.Code(key));

        Assert.Contains(TwoFactorSignInController.BadCode, await TextAsync(right));
        await using var db = portal.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == "yyxy.clerk");
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(4));
        Assert.Contains(AuditActions.LoginLockedOut, await TrailAsync("yyxy.clerk"));
    }

    [Fact]
    public async Task WhenRequired_AnAdministratorWithoutTwoFactor_IsLedToEnrolmentOnEveryPage_UntilEnrolled()
    {
        using var admin = await portal.SignedInClientAsync("ts.admin");
        foreach (var path in new[] { "/", "/admin/users", "/account/two-factor" })
        {
            var led = await admin.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, led.StatusCode);
            Assert.Equal(EnrolPage, led.Headers.Location!.OriginalString);
        }

        Assert.NotNull((await admin.GetPageAsync(EnrolPage)).QuerySelector("[data-testid=must-enrol-two-factor]"));
        using var clerk = await portal.SignedInClientAsync("tslb.clerk");
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync("/")).StatusCode); // optional for clerks

        var key = (await EnrolAsync(admin)).Key;
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin/users")).StatusCode);
        using var later = portal.CreatePortalClient();
        await later.LoginAsync("ts.admin");
        await SecondStepAsync(later, Totp.Code(key));
        Assert.Equal(HttpStatusCode.OK, (await later.Http.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Disabling_AndRenewingRecoveryCodes_AskForConfirmation_AndAreAudited()
    {
        using var clerk = await portal.SignedInClientAsync("yypj.clerk");
        var (_, old) = await EnrolAsync(clerk);

        var unconfirmed = await clerk.PostAsync("/account/two-factor/recovery-codes", await clerk.TokenFromAsync("/account/two-factor/recovery-codes"));
        Assert.Contains(TwoFactorController.MustConfirm, await TextAsync(unconfirmed));
        var renewed = await clerk.PostAsync("/account/two-factor/recovery-codes", await clerk.TokenFromAsync("/account/two-factor/recovery-codes"), ("confirmed", "true"));
        var fresh = (await PortalClient.ParseAsync(renewed)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));

        var notYet = await clerk.PostAsync("/account/two-factor/disable", await clerk.TokenFromAsync("/account/two-factor/disable"));
        Assert.Contains(TwoFactorController.MustConfirm, await TextAsync(notYet));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync("/account/two-factor/disable", await clerk.TokenFromAsync("/account/two-factor/disable"), ("confirmed", "true"))).StatusCode);
        Assert.Contains("未启用", (await clerk.GetPageAsync("/account/two-factor")).QuerySelector("[data-testid=two-factor-status]")!.TextContent);

        using var again = portal.CreatePortalClient();
        await again.LoginOrFailAsync("yypj.clerk");
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/")).StatusCode); // the password alone again
        var trail = await TrailAsync("yypj.clerk");
        Assert.Contains(AuditActions.UserTwoFactorRecoveryCodesRenewed, trail);
        Assert.Contains(AuditActions.UserTwoFactorDisabled, trail);
    }

    [Fact]
    public async Task AnAdmin_ResetsTwoFactor_OfAUserInItsSubtree_WithAReason_ButNotOfAPeerOrAnotherCity()
    {
        using (var clerk = await portal.SignedInClientAsync("yylx.clerk"))
        {
            await EnrolAsync(clerk);
        }

        await using (var db = portal.CreateDbContext())
        {
            await db.Users.Where(u => u.UserName == "yy.reviewer").ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, Core.Users.UserRole.Admin));
        }

        using var admin = await portal.SignedInClientAsync("yy.admin");
        await EnrolAsync(admin);
        var clerkId = await UserIdAsync("yylx.clerk");
        var page = $"/admin/users/{clerkId}/two-factor-reset";
        Assert.Contains("已启用两步验证", (await admin.GetPageAsync(page)).QuerySelector("[data-testid=two-factor-reset-state]")!.TextContent);

        var noReason = await admin.PostAsync(page, await admin.TokenFromAsync(page), ("reason", " "), ("confirmed", "true"));
        Assert.Contains("重置原因：必填", await TextAsync(noReason));
        var unconfirmed = await admin.PostAsync(page, await admin.TokenFromAsync(page), ("reason", "手机丢失"));
        Assert.Equal("手机丢失", (await PortalClient.ParseAsync(unconfirmed)).QuerySelector("textarea#reason")!.TextContent);
        var reset = await admin.PostAsync(page, await admin.TokenFromAsync(page), ("reason", "手机丢失，本人来电核实"), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var clerkAgain = portal.CreatePortalClient();
        await clerkAgain.LoginOrFailAsync("yylx.clerk");
        Assert.Equal(HttpStatusCode.OK, (await clerkAgain.Http.GetAsync("/")).StatusCode);

        var peerId = await UserIdAsync("yy.reviewer");
        var peerPost = await admin.PostAsync($"/admin/users/{peerId}/two-factor-reset", await admin.TokenFromAsync("/admin/users"), ("reason", "越级"), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, peerPost.StatusCode);
        Assert.Contains(Core.Users.AccountAuthority.PeerAdminRefusal, (await admin.GetPageAsync("/admin/users")).QuerySelector(".alert-danger")!.TextContent);
        var otherCity = await admin.Http.GetAsync($"/admin/users/{await UserIdAsync("gzgx.clerk")}/two-factor-reset");
        Assert.Equal(HttpStatusCode.NotFound, otherCity.StatusCode);

        await using var check = portal.CreateDbContext();
        var entry = await check.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserTwoFactorReset && e.ObjectId == clerkId);
        Assert.Contains("手机丢失，本人来电核实", entry.Details);
        Assert.Equal("yy.admin", entry.UserName);
        Assert.False(await check.Users.Where(u => u.Id == clerkId).Select(u => u.TwoFactorEnabled).SingleAsync());
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == AuditActions.UserAdminActionRefused && e.Details!.StartsWith("two-factor-reset")));
    }
}

public sealed class SqliteTwoFactorTests(SqliteTwoFactorPortal portal) : TwoFactorTests<SqliteTwoFactorPortal>(portal);

public sealed class PostgresTwoFactorTests(PostgresTwoFactorPortal portal) : TwoFactorTests<PostgresTwoFactorPortal>(portal);
