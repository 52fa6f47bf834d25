using System.Diagnostics;
using System.Text.RegularExpressions;

namespace HarmonyPortal.Web.Tests.Print;

/// <summary>Reads a PDF back with poppler-utils (pdfinfo, pdftotext), as a person checking a printout would.</summary>
public sealed partial class PdfText : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"harmony-print-{Guid.NewGuid():N}.pdf");

    public PdfText(byte[] pdf)
    {
        File.WriteAllBytes(path, pdf);
        if (Environment.GetEnvironmentVariable("HARMONY_KEEP_PDF") is { Length: > 0 } keep)
        {
            File.Copy(path, Path.Combine(keep, Path.GetFileName(path)));
        }
    }

    public int Pages => int.Parse(PagesLine().Match(Run("pdfinfo", path)).Groups[1].Value);

    public string PageSize => PageSizeLine().Match(Run("pdfinfo", path)).Groups[1].Value.Trim();

    public string Text() => Run("pdftotext", "-enc", "UTF-8", path, "-");

    public string PageText(int page) => Run("pdftotext", "-enc", "UTF-8", "-f", page.ToString(), "-l", page.ToString(), path, "-");

    /// <summary>Text without whitespace: pdftotext drops or adds spaces in small print such as the page footer.</summary>
    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public void Dispose() => File.Delete(path);

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} failed: {process.StandardError.ReadToEnd()}");
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page size:\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex PageSizeLine();
}
