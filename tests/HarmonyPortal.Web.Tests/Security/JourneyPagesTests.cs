using System.Text.RegularExpressions;
using HarmonyPortal.Bench.Http;
using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Web.Tests.Security;

/// <summary>
/// Issue 21: the page-times benchmark (bench/…/PageTimesBench) times every page the browser journeys open. Its list
/// (<see cref="JourneyPages"/>) must name the route of every address a journey opens or waits for, so a journey that
/// starts visiting a new page fails here until the benchmark times it too.
/// </summary>
public sealed partial class JourneyPagesTests
{
    [Fact]
    public void EveryAddressAJourneyOpens_IsAPageTheBenchmarkTimes()
    {
        var journeys = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot(), "tests", "HarmonyPortal.Browser.Tests"), "*JourneyTests.cs");
        var routes = journeys
            .SelectMany(file => Address().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Route: Route(m.Groups[1].Value))))
            .Distinct()
            .ToList();
        var timed = JourneyPages.All.Select(p => p.Route).ToHashSet(StringComparer.Ordinal);

        Assert.True(journeys.Length >= 10 && routes.Count >= 20, $"the journeys' addresses were not found ({journeys.Length} files, {routes.Count} routes)");
        Assert.Empty(routes.Where(r => !timed.Contains(r.Route) && !JourneyPages.NotTimed.ContainsKey(r.Route)).Select(r => $"{r.File}: {r.Route}"));
        Assert.DoesNotContain(JourneyPages.NotTimed.Keys, timed.Contains);
    }

    [Theory]
    [InlineData("/ledgers/coordinators/import?year={year}", "/ledgers/coordinators/import")]
    [InlineData("/ledgers/coordinators/import\\\\?year={year}", "/ledgers/coordinators/import")]
    [InlineData("/nominations/sheets/\\d+#nominee-\\d+$", "/nominations/sheets/{id}")]
    [InlineData("/rules/drafts/{draftId}/grid", "/rules/drafts/{id}/grid")]
    public void JourneyAddresses_AreReducedToTheirRoute(string address, string route) => Assert.Equal(route, Route(address));

    /// <summary>The route of an address as a journey writes it: no query or fragment, numbers and placeholders as {id}.</summary>
    private static string Route(string address)
    {
        var path = address.Split('?', '#')[0].TrimEnd('\\', '$');
        return Placeholder().Replace(path, "{id}");
    }

    [GeneratedRegex(@"\$?""(/[a-z][^""\s]*)""")]
    private static partial Regex Address();

    [GeneratedRegex(@"\{[A-Za-z]+\}|\\d\+")]
    private static partial Regex Placeholder();
}
