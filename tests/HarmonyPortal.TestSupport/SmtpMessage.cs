using System.Text;
using System.Text.RegularExpressions;

namespace HarmonyPortal.TestSupport;

/// <summary>A message as <see cref="FakeSmtpServer"/> received it, with its headers and text body decoded.</summary>
public sealed partial class SmtpMessage(string from, IReadOnlyList<string> recipients, string data)
{
    private readonly Dictionary<string, string> headers = ParseHeaders(data);

    public string From => from;

    public IReadOnlyList<string> Recipients => recipients;

    public string Data => data;

    /// <summary>The Subject header with RFC 2047 encoded words decoded.</summary>
    public string Subject => DecodeWords(Header("Subject") ?? "");

    public string? Header(string name) => headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body, decoded from base64 or quoted-printable in the charset its Content-Type names.</summary>
    public string Body
    {
        get
        {
            var end = data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var raw = end < 0 ? "" : data[(end + 4)..];
            var charset = CharsetPattern().Match(Header("Content-Type") ?? "") is { Success: true } m ? m.Groups[1].Value : "us-ascii";
            var encoding = Encoding.GetEncoding(charset);
            return (Header("Content-Transfer-Encoding") ?? "").Trim().ToLowerInvariant() switch
            {
                "base64" => encoding.GetString(Convert.FromBase64String(string.Concat(raw.Where(c => !char.IsWhiteSpace(c))))),
                "quoted-printable" => encoding.GetString(QuotedPrintable(SoftBreak().Replace(raw, ""), underscoreIsSpace: false)),
                _ => raw,
            };
        }
    }

    private static Dictionary<string, string> ParseHeaders(string data)
    {
        var end = data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var unfolded = FoldedLine().Replace(end < 0 ? data : data[..end], " ");
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in unfolded.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                result.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        return result;
    }

    /// <summary>Decodes =?charset?B|Q?text?= words; whitespace between two encoded words is dropped (RFC 2047 §6.2).</summary>
    public static string DecodeWords(string value)
    {
        var joined = BetweenWords().Replace(value, "?==?");
        return EncodedWord().Replace(joined, m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups["charset"].Value);
            var text = m.Groups["text"].Value;
            var bytes = m.Groups["kind"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(text)
                : QuotedPrintable(text, underscoreIsSpace: true);
            return encoding.GetString(bytes);
        });
    }

    private static byte[] QuotedPrintable(string text, bool underscoreIsSpace)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(underscoreIsSpace && text[i] == '_' ? " " : text[i].ToString()));
            }
        }

        return bytes.ToArray();
    }

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex FoldedLine();

    [GeneratedRegex(@"=\r\n")]
    private static partial Regex SoftBreak();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<kind>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"charset=""?([^"";\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
