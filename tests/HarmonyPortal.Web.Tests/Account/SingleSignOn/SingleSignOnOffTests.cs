using System.Net;
using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Web.Tests.Account.SingleSignOn;

/// <summary>With <c>Sso:Enabled</c> off (the default) there is no button, and none of the single sign-on routes signs anyone in.</summary>
public abstract class SingleSignOnOffTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task WithSsoOff_TheLoginPageHasNoButton_AndTheRoutesRefuse()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/login");
        Assert.Null(login.QuerySelector("a[data-sso-login]"));
        Assert.DoesNotContain("统一身份认证", login.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/account/sso")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/account/sso/complete")).StatusCode);
        var callback = await client.Http.GetAsync("/account/sso/callback?code=forged&state=forged");
        Assert.False(callback.IsSuccessStatusCode);
        Assert.False(callback.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("HarmonyPortal.Auth=", StringComparison.Ordinal)));
        Assert.StartsWith("/account/login", (await client.Http.GetAsync("/")).Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}

public sealed class SqliteSingleSignOnOffTests(SqlitePortal portal) : SingleSignOnOffTests<SqlitePortal>(portal);

public sealed class PostgresSingleSignOnOffTests(PostgresPortal portal) : SingleSignOnOffTests<PostgresPortal>(portal);
