using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace HarmonyPortal.Web.Tests.Security;

public sealed class BenchPlaintextPortal() : PortalFactory(DatabaseProvider.Sqlite, "Production")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(BenchPlaintext.Setting, "true");
    }
}

/// <summary>The benchmark's plaintext floor exists only where configuration asks for it.</summary>
public sealed class BenchPlaintextTests(ProductionPortal production, BenchPlaintextPortal benched)
    : IClassFixture<ProductionPortal>, IClassFixture<BenchPlaintextPortal>
{
    [Fact]
    public async Task ByDefault_ThePlaintextEndpointIsAbsent()
    {
        using var client = production.CreatePortalClient("https://portal.example");

        var response = await client.Http.GetAsync(BenchPlaintext.Path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(BenchPlaintext.Body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenConfigured_ThePlaintextEndpointAnswersWithoutSigningIn()
    {
        using var client = benched.CreatePortalClient("https://portal.example");

        var response = await client.Http.GetAsync(BenchPlaintext.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BenchPlaintext.Body, await response.Content.ReadAsStringAsync());
    }
}
