using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using HarmonyPortal.TestSupport;

namespace HarmonyPortal.Web.Tests.Compatibility;

/// <summary>
/// What a Chromium 86 kernel (the oldest the portal supports, ADR 0024) lacks: JavaScript syntax newer than ES2020 is found by
/// acorn (tools/browser-compat, run by node), newer browser APIs and CSS features by the lists below.
/// </summary>
public static partial class OldKernelRules
{
    /// <summary>Browser APIs newer than Chromium 86 (the version that shipped them), searched in the portal's own scripts.</summary>
    public static readonly IReadOnlyList<(string Feature, Regex Pattern)> NewerApis =
    [
        ("Array/String .at() (92)", new(@"\.at\(", RegexOptions.CultureInvariant)),
        ("Object.hasOwn (93)", new(@"Object\.hasOwn\b", RegexOptions.CultureInvariant)),
        ("structuredClone (98)", new(@"\bstructuredClone\(", RegexOptions.CultureInvariant)),
        ("findLast / findLastIndex (97)", new(@"\.findLast(Index)?\(", RegexOptions.CultureInvariant)),
        ("toSorted / toReversed / toSpliced (110)", new(@"\.to(Sorted|Reversed|Spliced)\(", RegexOptions.CultureInvariant)),
        ("AbortSignal.timeout (103)", new(@"AbortSignal\.timeout\(", RegexOptions.CultureInvariant)),
        ("top-level await / import maps in modules (89)", new(@"<script[^>]+type=[""']module", RegexOptions.CultureInvariant)),
    ];

    /// <summary>CSS features newer than Chromium 86 (the version that shipped them), searched in the portal's own stylesheets.</summary>
    public static readonly IReadOnlyList<(string Feature, Regex Pattern)> NewerCss =
    [
        (":is() (88)", new(@":is\(", RegexOptions.CultureInvariant)),
        (":where() (88)", new(@":where\(", RegexOptions.CultureInvariant)),
        (":has() (105)", new(@":has\(", RegexOptions.CultureInvariant)),
        ("aspect-ratio (88)", new(@"(^|[;{\s])aspect-ratio\s*:", RegexOptions.CultureInvariant | RegexOptions.Multiline)),
        ("inset (87)", new(@"(^|[;{\s])inset(-block|-inline)?(-start|-end)?\s*:", RegexOptions.CultureInvariant | RegexOptions.Multiline)),
        ("color-mix() (111)", new(@"color-mix\(", RegexOptions.CultureInvariant)),
        ("lab() / lch() / oklab() / oklch() / hwb() (101-111)", new(@"\b(ok)?(lab|lch)\(|\bhwb\(", RegexOptions.CultureInvariant)),
        ("nesting (112)", new(@"(^|[{;]\s*)&", RegexOptions.CultureInvariant | RegexOptions.Multiline)),
        ("@container and container units (105)", new(@"@container|\bcontainer(-type|-name)?\s*:|\d(cqw|cqh|cqi|cqb|cqmin|cqmax)\b", RegexOptions.CultureInvariant)),
        ("@layer (99)", new(@"@layer\b", RegexOptions.CultureInvariant)),
        ("@scope / @starting-style (118-)", new(@"@scope\b|@starting-style\b", RegexOptions.CultureInvariant)),
        ("accent-color (93)", new(@"accent-color\s*:", RegexOptions.CultureInvariant)),
        ("overflow: clip (90)", new(@"overflow(-x|-y)?\s*:\s*clip", RegexOptions.CultureInvariant)),
        ("dynamic viewport units dvh/svh/lvh (108)", new(@"\d(dvh|svh|lvh|dvw|svw|lvw)\b", RegexOptions.CultureInvariant)),
        ("text-wrap (114)", new(@"text-wrap\s*:", RegexOptions.CultureInvariant)),
        ("individual transforms translate/scale/rotate (104)", new(@"(^|[;{\s])(translate|scale|rotate)\s*:", RegexOptions.CultureInvariant | RegexOptions.Multiline)),
        ("subgrid (117)", new(@"\bsubgrid\b", RegexOptions.CultureInvariant)),
        ("scrollbar-gutter (94)", new(@"scrollbar-gutter\s*:", RegexOptions.CultureInvariant)),
        (":user-valid / :user-invalid (119)", new(@":user-(in)?valid", RegexOptions.CultureInvariant)),
    ];

    /// <summary>The portal's own front-end files of one extension: everything under wwwroot except the vendored wwwroot/lib.</summary>
    public static IReadOnlyList<string> OwnFiles(string extension)
    {
        var wwwroot = Path.Combine(TestPaths.RepositoryRoot(), "src", "HarmonyPortal.Web", "wwwroot");
        var lib = Path.Combine(wwwroot, "lib") + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(wwwroot, "*" + extension, SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(lib, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Each feature of <paramref name="rules"/> the text uses, with its line (comments removed first).</summary>
    public static IEnumerable<string> Uses(string text, IReadOnlyList<(string Feature, Regex Pattern)> rules)
    {
        var code = Comments().Replace(text, m => new string('\n', m.Value.Count(c => c == '\n')));
        foreach (var (feature, pattern) in rules)
        {
            foreach (Match match in pattern.Matches(code))
            {
                yield return $"{feature} at line {code[..match.Index].Count(c => c == '\n') + 1}";
            }
        }
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public sealed record SyntaxVerdict(string File, bool Ok, string Message, int Line, int Column);

    /// <summary>acorn's verdict on each file at ECMAScript 2020 (installs acorn into tools/browser-compat on first use).</summary>
    public static async Task<IReadOnlyList<SyntaxVerdict>> ParseAsync(IReadOnlyList<string> files)
    {
        var tools = Path.Combine(TestPaths.RepositoryRoot(), "tools", "browser-compat");
        if (!File.Exists(Path.Combine(tools, "node_modules", "acorn", "package.json")))
        {
            await RunAsync("bash", [Path.Combine(tools, "setup.sh")], tools);
        }

        var output = await RunAsync("node", [Path.Combine(tools, "check-js.js"), .. files], tools);
        return JsonSerializer.Deserialize<List<SyntaxVerdict>>(output, WebJson)!;
    }

    private static async Task<string> RunAsync(string program, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit {process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }

    [GeneratedRegex(@"/\*.*?\*/|(?<![:""'])//[^\n]*", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comments();
}
