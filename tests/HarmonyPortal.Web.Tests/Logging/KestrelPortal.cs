using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HarmonyPortal.Web.Tests.Logging;

/// <summary>
/// The portal behind real Kestrel on a loopback port: the request log must be judged where the raw request target
/// (path and query string) exists. The in-memory test server leaves it empty, so there a logger that took the raw
/// target would still look clean. ASP.NET Core's own logging is turned up to Information, as an operator chasing a
/// problem might: its "Request starting … ?query" lines must stay out all the same.
/// </summary>
public abstract class KestrelPortal : PortalFactory
{
    protected KestrelPortal(DatabaseProvider provider) : base(provider) => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Information");
    }

    /// <summary>A client over TCP with its own cookie jar, no redirects followed.</summary>
    public PortalClient CreateTcpClient()
    {
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
#pragma warning disable CA2000 // the HttpClient owns and disposes its handler
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
#pragma warning restore CA2000
        return new PortalClient(new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(address) });
    }

    public async Task<PortalClient> SignedInTcpClientAsync(string userName)
    {
        var client = CreateTcpClient();
        await client.LoginOrFailAsync(userName);
        return client;
    }
}

public sealed class SqliteKestrelPortal() : KestrelPortal(DatabaseProvider.Sqlite);

public sealed class PostgresKestrelPortal() : KestrelPortal(DatabaseProvider.Postgres);
