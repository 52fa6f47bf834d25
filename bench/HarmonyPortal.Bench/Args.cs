using System.Globalization;

namespace HarmonyPortal.Bench;

/// <summary>"--name value" options of a benchmark command.</summary>
internal static class Args
{
    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
