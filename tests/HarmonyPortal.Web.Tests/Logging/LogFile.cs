using System.Text.Json;

namespace HarmonyPortal.Web.Tests.Logging;

/// <summary>The JSON log files a portal writes under its data folder, read as an operator would (while the portal runs).</summary>
public sealed class LogFile(string dataDirectory)
{
    public string Folder => Path.Combine(dataDirectory, "logs");

    /// <summary>Every line of every log file so far, as text.</summary>
    public string[] Lines() =>
        Directory.Exists(Folder)
            ? [.. Directory.GetFiles(Folder, "*.json").SelectMany(f => ReadShared(f).Split('\n', StringSplitOptions.RemoveEmptyEntries))]
            : [];

    /// <summary>The request lines (one per request) for this method and path, waiting up to 10 s for the first.</summary>
    public async Task<IReadOnlyList<RequestLine>> RequestLinesAsync(string method, string path)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var lines = RequestLines(method, path);
            if (lines.Count > 0 || DateTime.UtcNow > until)
            {
                return lines;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The request lines for this method and path written so far (a path logged with its query string counts too).</summary>
    public IReadOnlyList<RequestLine> RequestLines(string method, string path) =>
        [.. Lines().Select(RequestLine.Parse).OfType<RequestLine>()
            .Where(l => l.Method == method && (l.Path == path || l.Path.StartsWith(path + "?", StringComparison.Ordinal)))];

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>One request's log line: the raw JSON and what an operator reads in it.</summary>
public sealed record RequestLine(string Json, string Severity, string Message, string Method, string Path, int Status, double ElapsedMs, string? Id)
{
    public static RequestLine? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("Properties", out var properties)
            || !properties.TryGetProperty("SourceContext", out var source) || source.GetString() != "Serilog.AspNetCore.RequestLoggingMiddleware")
        {
            return null;
        }

        return new RequestLine(json, root.GetProperty("Level").GetString()!, root.GetProperty("RenderedMessage").GetString()!,
            properties.GetProperty("RequestMethod").GetString()!, properties.GetProperty("RequestPath").GetString()!,
            properties.GetProperty("StatusCode").GetInt32(), properties.GetProperty("Elapsed").GetDouble(),
            properties.TryGetProperty("RequestId", out var requestId) ? requestId.GetString() : null);
    }
}
