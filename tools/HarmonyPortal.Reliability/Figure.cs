using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HarmonyPortal.Reliability;

/// <summary>One scenario's result: what was tried, how many times, whether the promise held, and the counts behind it.</summary>
public sealed record Figure(string Scenario, string Provider, string Tried, string Times, bool Held, string WhatHeld)
{
    public SortedDictionary<string, object> Counts { get; init; } = [];
}

/// <summary>The run's figures, written as JSON and as the markdown table docs/reliability.md quotes.</summary>
public sealed class Report
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public List<Figure> Figures { get; } = [];

    public void Add(Figure figure)
    {
        Figures.Add(figure);
        Console.WriteLine($"==> {figure.Scenario} [{figure.Provider}]: {(figure.Held ? "HELD" : "FAILED")} — {figure.WhatHeld}");
        foreach (var (key, value) in figure.Counts)
        {
            Console.WriteLine($"    {key}: {value}");
        }
    }

    public void Write(string directory, string machine)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "reliability.json"), JsonSerializer.Serialize(new { machine, at = DateTime.UtcNow, figures = Figures }, Json));
        var md = new StringBuilder();
        md.AppendLine($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine}.").AppendLine();
        md.AppendLine("| scenario | provider | what was tried | how many times | what held | held |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var f in Figures)
        {
            md.AppendLine($"| {f.Scenario} | {f.Provider} | {f.Tried} | {f.Times} | {f.WhatHeld} | {(f.Held ? "yes" : "**no**")} |");
        }

        File.WriteAllText(Path.Combine(directory, "reliability.md"), md.ToString());
    }
}
