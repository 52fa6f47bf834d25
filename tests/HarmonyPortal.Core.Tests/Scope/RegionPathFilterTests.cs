using System.Text.RegularExpressions;
using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Core.Tests.Scope;

/// <summary>
/// Region scope in one place (ADR 0006, ADR 0030): no query outside <c>Core/Scope/ScopedQueries.cs</c> filters on a
/// region's materialized path. A prefix match written by hand elsewhere is how a record of another region leaks into a
/// list; the scan names the file and line so the author replaces it with InScope / InSubtreeOf / InSubtreeOrAbove.
/// </summary>
public sealed partial class RegionPathFilterTests
{
    /// <summary>
    /// A path compared as a query would: <c>x.Path.StartsWith(…)</c> or <c>….StartsWith(x.Path)</c> without a
    /// <c>StringComparison</c> (the in-memory, ordinal form EF cannot translate), or a LIKE on a path.
    /// </summary>
    [GeneratedRegex(@"Path\s*\.\s*StartsWith\s*\((?![^()]*StringComparison)|\.StartsWith\s*\([^()]*Path\s*\)|EF\.Functions\.I?Like\s*\([^,]*Path", RegexOptions.IgnoreCase)]
    private static partial Regex PathFilter();

    public static IReadOnlyList<string> Violations(IEnumerable<(string File, int Line, string Text)> lines) =>
        lines.Where(l => PathFilter().IsMatch(l.Text)).Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();

    [Theory]
    [InlineData(".Where(n => n.Region.Path.StartsWith(scope.RegionPath))")]
    [InlineData("db.Regions.Where(r => r.Path.StartsWith(path) && r.Level == level)")]
    [InlineData(".Where(v => scope.RegionPath.StartsWith(v.Region.Path))")]
    [InlineData("db.Nominations.CountAsync(n => n.CitySheet!.Region.Path . StartsWith(own.Path))")]
    [InlineData("rows.Where(r => EF.Functions.Like(r.Region.Path, prefix + \"%\"))")]
    public void AHandWrittenPathFilter_IsFound(string snippet)
    {
        var found = Violations([("Features/Sample/SampleService.cs", 12, snippet)]);

        Assert.Equal($"Features/Sample/SampleService.cs:12: {snippet}", Assert.Single(found));
    }

    [Theory]
    [InlineData("public bool CanRead(string regionPath) => regionPath.StartsWith(RegionPath, StringComparison.Ordinal);")]
    [InlineData("paths.Where(p => p.Value.StartsWith(path, StringComparison.Ordinal)).Sum(p => OfRegion(ledger, p.Key));")]
    [InlineData("return context.Request.Path.StartsWithSegments(\"/lib\", StringComparison.Ordinal);")]
    [InlineData("var rows = db.NominationSheets.InSubtreeOf(region.Path).Where(s => s.Year == y);")]
    public void InMemoryPathChecksAndTheScopeHelpers_AreNotFilters(string snippet) =>
        Assert.Empty(Violations([("Features/Sample/SampleService.cs", 12, snippet)]));

    [Fact]
    public void NoSourceFile_FiltersOnARegionPathOutsideScopedQueries()
    {
        var src = Path.Combine(TestPaths.RepositoryRoot(), "src");
        var files = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("Migrations", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith(Path.Combine("Scope", "ScopedQueries.cs"), StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {src}");

        var found = Violations(files.SelectMany(f => File.ReadLines(f).Select((text, i) => (Path.GetRelativePath(src, f), i + 1, text))));

        Assert.Empty(found);
    }
}
