using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace HarmonyPortal.Web.Tests.Dashboard;

/// <summary>The portal as a developer starts it: with the sample registers and coordinators of 虎岭高新区.</summary>
public sealed class SqliteDemoPortal() : PortalFactory(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:SampleLedgers", "true");
    }
}

public sealed class DemoCoverageTests(SqliteDemoPortal portal) : IClassFixture<SqliteDemoPortal>
{
    [Fact]
    public async Task TheDemoCounty_ShowsHalfItsEnterprisesAndTownsCovered()
    {
        using var clerk = await portal.SignedInClientAsync("jyhl.clerk");

        var page = await clerk.GetPageAsync("/dashboard");

        // The enterprise and town columns; 济源's plan adds the member units after them.
        var cells = page.QuerySelectorAll("[data-testid=coverage-table] tbody tr").Single().Children.Skip(1).Select(c => c.TextContent.Trim()).Take(2);
        Assert.Equal(["2 / 4（50%）", "2 / 4（50%）"], cells);
        Assert.Equal(4, page.QuerySelectorAll("[data-testid=coverage-uncovered] tbody tr").Count(r => !r.TextContent.Contains("成员单位", StringComparison.Ordinal)));
    }
}
