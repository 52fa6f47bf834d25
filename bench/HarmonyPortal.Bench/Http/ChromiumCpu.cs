using System.Globalization;

namespace HarmonyPortal.Bench.Http;

/// <summary>
/// CPU seconds spent by the bench's own browser: every process under the bench's Playwright driver (node, whose main
/// thread names itself "MainThread", so: the bench's children other than the portal's dotnet) — the browser, its
/// zygote, renderers and GPU process — with the time of those already ended and reaped (cutime). The portal under
/// test is not counted. On a machine shared with builds, CPU time moves far less than wall time, so `pdf --variants`
/// reports both.
/// </summary>
internal static class ChromiumCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds()
    {
        var parents = new Dictionary<int, (int Parent, string Name, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } stat)
            {
                parents[pid] = stat;
            }
        }

        var self = Environment.ProcessId;
        var drivers = parents.Where(p => p.Value.Parent == self && p.Value.Name != "dotnet")
            .Select(p => p.Key).ToHashSet();
        var ticks = 0L;
        foreach (var (pid, stat) in parents)
        {
            if (Under(pid, drivers, parents))
            {
                ticks += stat.Ticks;
            }
        }

        return ticks / TicksPerSecond;
    }

    private static bool Under(int pid, HashSet<int> roots, Dictionary<int, (int Parent, string Name, long Ticks)> all)
    {
        for (var depth = 0; depth < 16 && all.TryGetValue(pid, out var stat); depth++, pid = stat.Parent)
        {
            if (roots.Contains(pid))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>/proc/PID/stat: parent, name and utime + stime + cutime + cstime (fields 4, 2 and 14–17).</summary>
    private static (int Parent, string Name, long Ticks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var open = text.IndexOf('(', StringComparison.Ordinal);
            var close = text.LastIndexOf(')');
            var fields = text[(close + 2)..].Split(' ');
            long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture);
            return ((int)Field(4), text[(open + 1)..close], Field(14) + Field(15) + Field(16) + Field(17));
        }
        catch (IOException)
        {
            return null; // ended while listed
        }
    }
}
