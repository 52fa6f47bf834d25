using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// Finds active content in an Office Open XML package (DOCX, and the same checks hold for any OOXML part inside it):
/// macros, ActiveX controls, OLE objects, relationships to anything outside the package (an attached template, a
/// linked picture or object, a frame) and fields that run or fetch on update (DDE, INCLUDEPICTURE, INCLUDETEXT, LINK).
/// In a workbook (XLSX) also Excel 4.0 macro sheets and external links (other files, DDE). Hyperlinks to http, https
/// or mailto addresses are ordinary text and pass. Every part is read as XML with DTDs
/// prohibited, and no more than <see cref="MaxInflatedBytes"/> are inflated.
/// </summary>
internal static partial class EvidenceOoxmlScan
{
    private const long MaxInflatedBytes = 128L * 1024 * 1024;
    private const int MaxEntries = 5_000;
    private const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The first reason to refuse the package, or null when it carries no active content.</summary>
    public static string? Find(byte[] package)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxInflatedBytes)
            {
                return "文件解压后过大，疑似异常文件";
            }

            foreach (var entry in zip.Entries)
            {
                if (PartReason(entry.FullName) is { } byName)
                {
                    return byName;
                }
            }

            var budget = new InflationBudget(MaxInflatedBytes); // the declared sizes may lie: the bytes inflated are counted too
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName;
                var reason = name switch
                {
                    "[Content_Types].xml" => ContentTypes(budget.Open(entry)),
                    _ when name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) => Relationships(budget.Open(entry)),
                    _ when name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) => Fields(budget.Open(entry)),
                    _ => null,
                };
                if (reason is not null)
                {
                    return reason;
                }
            }

            return null;
        }
        catch (InflationBudget.ExceededException)
        {
            return "文件解压后过大，疑似异常文件";
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException)
        {
            return "文件已损坏或含有无法检查的内容";
        }
    }

    private static string? PartReason(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.EndsWith("vbaproject.bin", StringComparison.Ordinal) || lower.EndsWith("vbadata.xml", StringComparison.Ordinal))
        {
            return "含有宏（VBA）";
        }

        if (lower.StartsWith("xl/macrosheets/", StringComparison.Ordinal) || lower.StartsWith("xl/dialogsheets/", StringComparison.Ordinal))
        {
            return "含有 Excel 4.0 宏表";
        }

        if (lower.StartsWith("xl/externallinks/", StringComparison.Ordinal))
        {
            return "含有指向其他文件或程序的外部链接（外部引用或 DDE）";
        }

        if (lower.Contains("/activex/", StringComparison.Ordinal))
        {
            return "含有 ActiveX 控件";
        }

        if (lower.Contains("/embeddings/", StringComparison.Ordinal) && (lower.EndsWith(".bin", StringComparison.Ordinal) || MacroExtension().IsMatch(lower)))
        {
            return "含有嵌入的 OLE 对象或带宏的文档";
        }

        return null;
    }

    private static string? ContentTypes(Stream part)
    {
        using var xml = XmlReader.Create(part, Settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.GetAttribute("ContentType") is { } type)
            {
                if (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || type.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
                {
                    return "含有宏（启用宏的文档）";
                }

                if (type.Contains("activeX", StringComparison.OrdinalIgnoreCase))
                {
                    return "含有 ActiveX 控件";
                }

                if (type.Contains("oleObject", StringComparison.OrdinalIgnoreCase))
                {
                    return "含有嵌入的 OLE 对象或带宏的文档";
                }
            }
        }

        return null;
    }

    private static string? Relationships(Stream part)
    {
        using var xml = XmlReader.Create(part, Settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship")
            {
                continue;
            }

            var type = xml.GetAttribute("Type") ?? "";
            if (type.EndsWith("/attachedTemplate", StringComparison.Ordinal))
            {
                return "引用了外部模板（attachedTemplate）";
            }

            if (!string.Equals(xml.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var target = xml.GetAttribute("Target") ?? "";
            if (type == HyperlinkType && SafeLink().IsMatch(target))
            {
                continue;
            }

            return type == HyperlinkType
                ? $"含有指向本机或共享文件夹的链接（{Shorten(target)}）"
                : $"引用了文件外部的内容（{type[(type.LastIndexOf('/') + 1)..]}：{Shorten(target)}），打开时会访问该地址";
        }

        return null;
    }

    /// <summary>
    /// The fields of a part: each fldSimple instruction and each complex field's code (the instrText runs between its
    /// begin and separate/end marks, nested fields apart), judged by the field's type, its first word.
    /// </summary>
    private static string? Fields(Stream part)
    {
        var open = new Stack<System.Text.StringBuilder>();
        using var xml = XmlReader.Create(part, Settings);
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "instrText" && !xml.IsEmptyElement)
            {
                var text = xml.ReadElementContentAsString(); // already past its end tag: no Read() below
                if (open.Count > 0)
                {
                    open.Peek().Append(text);
                }

                continue;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }

            string? code = null;
            switch (xml.LocalName)
            {
                case "fldSimple":
                    code = xml.GetAttribute("instr", xml.NamespaceURI);
                    break;
                case "fldChar":
                    var kind = xml.GetAttribute("fldCharType", xml.NamespaceURI);
                    if (kind == "begin")
                    {
                        open.Push(new System.Text.StringBuilder());
                    }
                    else if (kind is "separate" or "end" && open.Count > 0)
                    {
                        code = open.Pop().ToString();
                        if (kind == "separate")
                        {
                            open.Push(new System.Text.StringBuilder()); // the result part until "end": not a code
                        }
                    }

                    break;
            }

            if (ActiveField(code) is { } active)
            {
                return active;
            }

            xml.Read();
        }

        return open.Select(c => ActiveField(c.ToString())).FirstOrDefault(r => r is not null); // a field left open at the end
    }

    private static string? ActiveField(string? code) =>
        code is not null && FieldType().Match(code) is { Success: true } type && ActiveFields.Contains(type.Groups[1].Value)
            ? $"含有自动更新的域代码（{type.Groups[1].Value.ToUpperInvariant()}），更新时会执行命令或读取外部内容"
            : null;

    private static readonly HashSet<string> ActiveFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "DDE", "DDEAUTO", "INCLUDEPICTURE", "INCLUDETEXT", "LINK", "IMPORT",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"^(https?://|mailto:)", RegexOptions.IgnoreCase)]
    private static partial Regex SafeLink();

    [GeneratedRegex(@"\.(docm|dotm|xlsm|xltm|xlsb|xlam|pptm|potm|ppsm|ppam)$")]
    private static partial Regex MacroExtension();

    [GeneratedRegex(@"^[\s""]*(\w+)")]
    private static partial Regex FieldType();

    /// <summary>Counts the bytes inflated from all parts read and throws once they pass the budget.</summary>
    private sealed class InflationBudget(long limit)
    {
        private long _left = limit;

        public Stream Open(ZipArchiveEntry entry) => new Counted(entry.Open(), this);

        public sealed class ExceededException : Exception
        {
        }

        private sealed class Counted(Stream inner, InflationBudget budget) : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var read = inner.Read(buffer, offset, count);
                if ((budget._left -= read) < 0)
                {
                    throw new ExceededException();
                }

                return read;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
