using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Web.Tests.Compatibility;

/// <summary>Dual-kernel domestic browsers (360 and others) are told to render with their Chromium kernel, never their IE one.</summary>
public abstract class DomesticBrowserTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/ledgers")]
    public async Task Pages_AskForTheWebkitKernel_InMetaTagsAndHeader(string url)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginOrFailAsync("yylq.clerk");

        var response = await client.Http.GetAsync(url);
        var page = await PortalClient.ParseAsync(response);

        Assert.Equal("webkit", page.QuerySelector("head meta[name=renderer]")?.GetAttribute("content"));
        Assert.Equal("IE=edge", page.QuerySelector("head meta[http-equiv=X-UA-Compatible]")?.GetAttribute("content"));
        Assert.Equal("IE=edge", response.Headers.GetValues("X-UA-Compatible").Single());
    }

    [Fact]
    public void EveryLayoutAndStandalonePage_CarriesBothMetaTags()
    {
        var features = Path.Combine(TestPaths.RepositoryRoot(), "src", "HarmonyPortal.Web", "Features");
        var documents = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("<html", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.True(documents.Count >= 3, string.Join(", ", documents));
        Assert.Empty(documents.Where(f =>
        {
            var text = File.ReadAllText(f);
            return !text.Contains("<meta name=\"renderer\" content=\"webkit\" />", StringComparison.Ordinal)
                || !text.Contains("<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\" />", StringComparison.Ordinal);
        }).Select(Path.GetFileName));
    }
}

public sealed class SqliteDomesticBrowserTests(SqlitePortal portal) : DomesticBrowserTests<SqlitePortal>(portal);

public sealed class PostgresDomesticBrowserTests(PostgresPortal portal) : DomesticBrowserTests<PostgresPortal>(portal);
