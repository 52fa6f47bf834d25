namespace HarmonyPortal.TestSupport;

/// <summary>Where tests put scratch files and the artifacts worth keeping (screenshots).</summary>
public static class TestPaths
{
    public static string Scratch(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), "harmony-tests", kind);
        Directory.CreateDirectory(path);
        return path;
    }

    public static string Artifacts(string kind)
    {
        var root = Environment.GetEnvironmentVariable("HARMONY_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot(), "artifacts");
        var path = Path.Combine(root, kind);
        Directory.CreateDirectory(path);
        return path;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HarmonyPortal.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Path.GetTempPath();
    }
}
