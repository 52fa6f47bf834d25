using System.Text.Json;
using System.Text.Json.Serialization;

namespace HarmonyPortal.Bench;

/// <summary>
/// One figure of a benchmark, beside the baseline measured in the same run. The shape is the one `bench/results.json`
/// holds: <c>{"name", "value", "unit", "baseline", "ratio", "goal", "pass"}</c>.
/// </summary>
/// <param name="Name">What was measured, e.g. "xlsx-export.time".</param>
/// <param name="Value">The product's figure.</param>
/// <param name="Unit">"s", "ms", "MB", "req/s", "logins/s" …</param>
/// <param name="Baseline">The floor's figure in the same run, or null when the goal is absolute only.</param>
/// <param name="Ratio">Value / baseline (or baseline / value where the text of the goal says "faster than"), null without a baseline.</param>
/// <param name="Goal">The goal in words, e.g. "≤ 1.5× floor".</param>
/// <param name="Pass">Whether the goal is met; null when the figure is reported, not targeted.</param>
public sealed record BenchResult(
    string Name,
    double Value,
    string Unit,
    double? Baseline,
    double? Ratio,
    string Goal,
    bool? Pass);

/// <summary>
/// Collects the results of one benchmark command and appends them to the JSON file named by
/// <c>HARMONY_BENCH_RESULTS</c> (the runner sets it), so that several commands fill one `bench/results.json`.
/// Without the variable, results are only printed.
/// </summary>
public static class BenchResults
{
    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Record(params BenchResult[] results)
    {
        foreach (var r in results)
        {
            var pass = r.Pass switch { true => "pass", false => "FAIL", null => "reported" };
            var baseline = r.Baseline is { } b ? $" baseline {b:0.###} {r.Unit}" : "";
            var ratio = r.Ratio is { } x ? $" ratio {x:0.00}×" : "";
            Console.WriteLine($"[result] {r.Name}: {r.Value:0.###} {r.Unit}{baseline}{ratio} goal {r.Goal} → {pass}");
        }

        var path = Environment.GetEnvironmentVariable("HARMONY_BENCH_RESULTS");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var all = File.Exists(path) && new FileInfo(path).Length > 0
            ? JsonSerializer.Deserialize<List<BenchResult>>(File.ReadAllText(path), Json) ?? []
            : [];
        all.RemoveAll(old => results.Any(r => r.Name == old.Name));
        all.AddRange(results);
        File.WriteAllText(path, JsonSerializer.Serialize(all, Json));
    }
}
