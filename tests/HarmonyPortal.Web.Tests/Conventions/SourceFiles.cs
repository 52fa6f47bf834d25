using HarmonyPortal.TestSupport;

namespace HarmonyPortal.Web.Tests.Conventions;

/// <summary>
/// The repository's own C# and Razor files that convention tests scan (generated migrations, bin and obj excluded).
/// </summary>
public static class SourceFiles
{
    private static readonly string[] Roots = ["src", "tests", "bench", "tools"];

    /// <summary>Repository-relative paths with forward slashes, in ordinal order.</summary>
    public static IReadOnlyList<string> CSharpAndRazor()
    {
        var root = TestPaths.RepositoryRoot();
        return Roots.Select(r => Path.Combine(root, r)).Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" or "Migrations" or "node_modules"))
            .Order(StringComparer.Ordinal).ToList();
    }

    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), relativePath));
}
