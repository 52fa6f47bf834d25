using System.IO.Compression;
using System.Text;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// Finds active content in a PDF: scripts, actions run on opening, launches, form submissions, embedded files and XFA
/// forms. It reads the file as a PDF reader would tokenise it — comments, strings and stream data are skipped, names
/// are decoded (<c>/J#61vaScript</c> is <c>/JavaScript</c>) — and inflates every object stream, where a catalogue's
/// <c>/OpenAction</c> may hide. An object stream it cannot inflate (another filter, a predictor, encryption) is refused:
/// what cannot be checked is not accepted. Links (<c>/URI</c>) and an <c>/OpenAction</c> that only opens a page (a
/// destination array, as LibreOffice and WPS write) are harmless and pass.
/// </summary>
internal static class EvidencePdfScan
{
    private const long MaxInflatedBytes = 64L * 1024 * 1024;

    private static readonly Dictionary<string, string> Forbidden = new(StringComparer.Ordinal)
    {
        ["JavaScript"] = "含有 JavaScript 脚本",
        ["JS"] = "含有 JavaScript 脚本",
        ["AA"] = "含有在打开页面或操作表单时自动执行的动作（AA）",
        ["Launch"] = "含有启动外部程序的动作（Launch）",
        ["SubmitForm"] = "含有向外提交数据的表单动作（SubmitForm）",
        ["ImportData"] = "含有导入外部数据的动作（ImportData）",
        ["GoToR"] = "含有打开其他文件的动作（GoToR）",
        ["GoToE"] = "含有打开嵌入文件的动作（GoToE）",
        ["EmbeddedFile"] = "含有嵌入的文件",
        ["EmbeddedFiles"] = "含有嵌入的文件",
        ["RichMedia"] = "含有多媒体或 Flash 内容（RichMedia）",
        ["XFA"] = "含有 XFA 动态表单（可含脚本）",
    };

    /// <summary>The first reason to refuse the PDF, or null when it carries no active content.</summary>
    public static string? Find(byte[] pdf)
    {
        var inflated = 0L;
        return Scan(pdf, ref inflated);
    }

    private static string? Scan(ReadOnlySpan<byte> data, ref long inflated)
    {
        const string openAction = "含有打开文件时自动执行的动作（OpenAction）";
        var objectNames = new List<string>(); // the names since the last "obj": the dictionary of a stream that follows
        var afterOpenAction = false; // the next token is /OpenAction's value: only a destination array ("[") passes
        var i = 0;
        while (i < data.Length)
        {
            var b = data[i];
            if (IsWhite(b))
            {
                i++;
                continue;
            }

            if (b == '%')
            {
                while (i < data.Length && data[i] is not ((byte)'\r' or (byte)'\n'))
                {
                    i++;
                }

                continue;
            }

            if (afterOpenAction)
            {
                if (b != '[')
                {
                    return openAction;
                }

                afterOpenAction = false;
            }

            if (b == '(')
            {
                i = SkipLiteralString(data, i);
            }
            else if (b == '<' && i + 1 < data.Length && data[i + 1] == '<')
            {
                i += 2;
            }
            else if (b == '<')
            {
                i = data[i..].IndexOf((byte)'>') is var end and >= 0 ? i + end + 1 : data.Length;
            }
            else if (b == '/')
            {
                var start = ++i;
                while (i < data.Length && IsRegular(data[i]))
                {
                    i++;
                }

                var name = DecodeName(data[start..i]);
                if (Forbidden.TryGetValue(name, out var reason))
                {
                    return reason;
                }

                afterOpenAction = name == "OpenAction";
                objectNames.Add(name);
            }
            else if (IsRegular(b))
            {
                var start = i;
                while (i < data.Length && IsRegular(data[i]))
                {
                    i++;
                }

                var word = data[start..i];
                if (word.SequenceEqual("obj"u8))
                {
                    objectNames.Clear();
                }
                else if (word.SequenceEqual("stream"u8))
                {
                    var (body, next) = StreamBody(data, i);
                    if (objectNames.Contains("ObjStm") && ObjectStream(data[body], objectNames, ref inflated) is { } hidden)
                    {
                        return hidden;
                    }

                    i = next;
                    objectNames.Clear();
                }
            }
            else
            {
                i++; // [ ] { } > )
            }
        }

        return afterOpenAction ? openAction : null;
    }

    /// <summary>An object stream's objects, inflated and scanned like the file; refused when they cannot be read.</summary>
    private static string? ObjectStream(ReadOnlySpan<byte> body, List<string> dictionary, ref long inflated)
    {
        const string unreadable = "含有无法检查的压缩对象流（使用了加密、预测器或非常见的压缩方式）";
        var filters = dictionary.Where(n => n.EndsWith("Decode", StringComparison.Ordinal) || n is "Fl" or "AHx" or "A85" or "LZW" or "RL" or "Crypt").ToList();
        if (dictionary.Contains("Predictor") || filters.Any(f => f is not ("FlateDecode" or "Fl")) || filters.Count > 1)
        {
            return unreadable;
        }

        byte[] objects;
        if (filters.Count == 0)
        {
            objects = body.ToArray();
        }
        else
        {
            try
            {
                using var zlib = new ZLibStream(new MemoryStream(body.ToArray()), CompressionMode.Decompress);
                using var output = new MemoryStream();
                var buffer = new byte[81_920];
                int read;
                while ((read = zlib.Read(buffer)) > 0)
                {
                    inflated += read;
                    if (inflated > MaxInflatedBytes)
                    {
                        return "对象流解压后过大，疑似异常文件";
                    }

                    output.Write(buffer, 0, read);
                }

                objects = output.ToArray();
            }
            catch (InvalidDataException)
            {
                return unreadable;
            }
        }

        return Scan(objects, ref inflated);
    }

    /// <summary>The data of a stream whose keyword ends at <paramref name="afterKeyword"/>, and where scanning resumes (after "endstream").</summary>
    private static (Range Body, int Next) StreamBody(ReadOnlySpan<byte> data, int afterKeyword)
    {
        var start = afterKeyword;
        if (start < data.Length && data[start] == '\r')
        {
            start++;
        }

        if (start < data.Length && data[start] == '\n')
        {
            start++;
        }

        var end = data[start..].IndexOf("endstream"u8);
        if (end < 0)
        {
            return (start..data.Length, data.Length);
        }

        return (start..(start + end), start + end + "endstream".Length);
    }

    private static int SkipLiteralString(ReadOnlySpan<byte> data, int i)
    {
        var depth = 0;
        for (; i < data.Length; i++)
        {
            switch (data[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return data.Length;
    }

    /// <summary>A name with its #xx escapes decoded.</summary>
    private static string DecodeName(ReadOnlySpan<byte> raw)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '#' && i + 2 < raw.Length && IsHex(raw[i + 1]) && IsHex(raw[i + 2]))
            {
                bytes.Add(Convert.ToByte(Encoding.ASCII.GetString(raw.Slice(i + 1, 2)), 16));
                i += 2;
            }
            else
            {
                bytes.Add(raw[i]);
            }
        }

        return Encoding.Latin1.GetString(bytes.ToArray());
    }

    private static bool IsHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static bool IsWhite(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsRegular(byte b) => !IsWhite(b) && b is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');
}
