using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace HarmonyPortal.Browser.Tests;

/// <summary>
/// <see cref="BrowserSession"/> with single sign-on pointed at a real OpenID Connect provider (OpenIddict, TestSupport's
/// <see cref="OidcProvider"/>) on its own loopback port. The portal is served as 127.0.0.1 and the provider as
/// localhost: two sites, so Chromium applies SameSite to the redirects between them as it would between a province's
/// platform and the portal. Both speak plain HTTP, so Chromium needs no certificate flag.
/// </summary>
public sealed class SsoBrowserSession : BrowserSession
{
    public OidcProvider Platform { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Platform = await OidcProvider.StartAsync("localhost");
        await base.InitializeAsync();
        await Platform.RegisterPortalAsync(new Uri(BaseUrl));
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        await Platform.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Platform.ConfigurePortal(builder);
    }
}
