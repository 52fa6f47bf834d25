using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Web.Tests.Conventions;

/// <summary>
/// Lines in C# and Razor files are kept to 120 columns (.editorconfig max_line_length). The lines that were longer
/// when the rule came (long-lines.baseline.txt, per file) may stay until someone touches them; a file may only lose
/// long lines. After renaming or moving a file, or after shortening lines, write the baseline again:
/// HARMONY_UPDATE_LINE_BASELINE=1 dotnet test tests/HarmonyPortal.Web.Tests
///     --filter "FullyQualifiedName~LineLengthTests".
/// </summary>
public class LineLengthTests
{
    public const int MaxColumns = 120;
    private const string BaselineFile = "tests/HarmonyPortal.Web.Tests/Conventions/long-lines.baseline.txt";

    [Fact]
    public void No_file_has_more_lines_over_120_columns_than_its_baseline()
    {
        var counts = SourceFiles.CSharpAndRazor()
            .Select(p => (Path: p, Count: LongLines(SourceFiles.Read(p)).Count()))
            .Where(x => x.Count > 0).ToList();
        var baselinePath = Path.Combine(TestPaths.RepositoryRoot(), BaselineFile);
        if (Environment.GetEnvironmentVariable("HARMONY_UPDATE_LINE_BASELINE") == "1")
        {
            File.WriteAllLines(baselinePath, counts.Select(c => $"{c.Count} {c.Path}"));
        }

        var baseline = File.ReadAllLines(baselinePath).Where(l => l.Length > 0)
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[1], p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture));
        var grown = counts.Where(c => c.Count > baseline.GetValueOrDefault(c.Path))
            .Select(c => $"{c.Path}: {c.Count} lines over {MaxColumns} columns "
                + $"(baseline {baseline.GetValueOrDefault(c.Path)}), "
                + $"e.g. line {LongLines(SourceFiles.Read(c.Path)).First()}")
            .ToList();

        Assert.True(grown.Count == 0, "New lines over 120 columns:\n" + string.Join("\n", grown));
        Assert.True(counts.Count > 0 || baseline.Count == 0, "the scan found no files; is the repository root right?");
    }

    [Fact]
    public void A_line_of_121_characters_counts_and_one_of_120_does_not()
    {
        var text = new string('x', 120) + "\n" + new string('测', 121) + "\r\n" + "short";
        Assert.Equal([2], LongLines(text));
    }

    /// <summary>The 1-based numbers of the lines longer than 120 characters (a line's CR not counted).</summary>
    public static IEnumerable<int> LongLines(string text) =>
        text.Split('\n').Select((line, i) => (Length: line.TrimEnd('\r').Length, Number: i + 1))
            .Where(x => x.Length > MaxColumns).Select(x => x.Number);
}
