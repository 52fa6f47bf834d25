using System.Text.Json;

namespace HarmonyPortal.Web.Features.Dashboard;

/// <summary>What wwwroot/js/dashboard.js draws: serialized into a data attribute, so no inline script is needed (CSP).</summary>
public sealed record ChartData(string Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Datasets, bool Stacked = false, bool Horizontal = false)
{
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}

public sealed record ChartSeries(string Label, IReadOnlyList<int> Data);
