using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HarmonyPortal.Bench.Http;

/// <summary>What one wrk run measured: throughput, latency percentiles (ms) and answers other than 2xx/3xx.</summary>
internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors);

/// <summary>Runs wrk (<c>--latency</c>) with the session cookie and reads its report.</summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(string url, string cookie, int connections, int seconds, int threads = 2)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "10s", "-H", $"Cookie: {cookie}", url })
        {
            start.ArgumentList.Add(arg);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        var errors = await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {errors}{output}");
        }

        var result = Parse(output);
        Console.WriteLine($"  wrk -c{connections} -d{seconds}s {url}: {result.RequestsPerSecond:0} req/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, {result.Errors} errors");
        return result;
    }

    public static WrkResult Parse(string output)
    {
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketErrors().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(rps, Percentile(output, "50%"), Percentile(output, "99%"), requests, non2xx + socket);
    }

    private static double Percentile(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new FormatException($"No {percentile} line in wrk's latency distribution:\n{output}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
