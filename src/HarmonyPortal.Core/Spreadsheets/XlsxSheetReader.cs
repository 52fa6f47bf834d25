using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// Reads the first worksheet of an .xlsx in one forward pass over its XML: the raw rows with their values typed as
/// ExcelDataReader types them (string, double, DateTime for date-formatted numbers, bool), so <see cref="ReaderCells"/>
/// turns both into the same <see cref="SheetCell"/>s. It exists because ExcelDataReader reads a worksheet twice (once
/// for its dimensions and merged cells, again for the rows) and allocates per cell: on a 100,000-row ledger import it
/// was most of the time. Only what an import needs is read: shared strings, the date formats of the cell styles, the
/// 1904 date system, the dimension and merged cells. DTDs are refused; sizes were checked by <see cref="ZipGuard"/>.
/// </summary>
internal sealed class XlsxSheetReader : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ZipArchive _zip;
    private readonly ZipArchiveEntry _sheet;
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly bool _date1904;

    private XlsxSheetReader(ZipArchive zip, ZipArchiveEntry sheet, string[] sharedStrings, bool[] dateStyles, bool date1904)
    {
        (_zip, _sheet, _sharedStrings, _dateStyles, _date1904) = (zip, sheet, sharedStrings, dateStyles, date1904);
    }

    /// <summary>Opens the package and reads its workbook, relationships, shared strings and styles; throws on anything malformed.</summary>
    public static XlsxSheetReader Open(MemoryStream content)
    {
        var zip = new ZipArchive(new MemoryStream(content.GetBuffer(), 0, (int)content.Length, writable: false), ZipArchiveMode.Read);
        try
        {
            var workbookPath = Target(zip, "_rels/.rels", "", "/officeDocument") ?? "xl/workbook.xml";
            var folder = workbookPath.Contains('/') ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
            var relationships = folder + "_rels/" + workbookPath[folder.Length..] + ".rels";
            var (firstSheetId, date1904) = ReadWorkbook(Entry(zip, workbookPath) ?? throw new InvalidDataException("no workbook part"));
            var sheetPath = firstSheetId is null ? null : Target(zip, relationships, folder, null, firstSheetId);
            var sheet = Entry(zip, sheetPath ?? folder + "worksheets/sheet1.xml") ?? throw new InvalidDataException("no worksheet part");
            var sharedStrings = Entry(zip, Target(zip, relationships, folder, "/sharedStrings") ?? folder + "sharedStrings.xml") is { } strings
                ? ReadSharedStrings(strings)
                : [];
            var dateStyles = Entry(zip, Target(zip, relationships, folder, "/styles") ?? folder + "styles.xml") is { } styles
                ? ReadDateStyles(styles)
                : [];
            return new XlsxSheetReader(zip, sheet, sharedStrings, dateStyles, date1904);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The rows present in the sheet, in order, each from column A to its last cell that holds a value (empty styled
    /// cells, which Excel and WPS write far to the right, do not widen a row). A value beyond
    /// <see cref="MaxColumns"/> refuses the file: no ledger is that wide, and such rows would cost memory per row.
    /// </summary>
    /// <remarks>Every Read… method below is called on a start element and returns past its end, as XmlReader.Skip does.</remarks>
    public IEnumerable<(int RowNumber, object?[] Values)> Rows(CancellationToken cancellation)
    {
        using var xml = XmlReader.Create(_sheet.Open(), Settings);
        var rowNumber = 0;
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row")
            {
                rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                yield return (rowNumber, ReadRow(xml, rowNumber, cancellation));
                continue;
            }

            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "sheetData")
            {
                yield break;
            }

            xml.Read();
        }
    }

    /// <summary>The merged ranges, found by a pass that skips the sheet's data.</summary>
    public IReadOnlyList<MergedRange> MergedRanges()
    {
        var ranges = new List<MergedRange>();
        using var xml = XmlReader.Create(_sheet.Open(), Settings);
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheetData")
            {
                xml.Skip();
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "mergeCell" && xml.GetAttribute("ref") is { } reference && reference.Split(':') is [var from, var to])
            {
                var (fromColumn, fromRow) = Position(from);
                var (toColumn, toRow) = Position(to);
                ranges.Add(new MergedRange(fromRow, fromColumn, toRow, toColumn));
            }

            xml.Read();
        }

        return ranges;
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>No ledger has more columns than this; a value further right refuses the file.</summary>
    public const int MaxColumns = 1_024;

    private object?[] ReadRow(XmlReader xml, int rowNumber, CancellationToken cancellation)
    {
        var values = new object?[16];
        var width = 0;
        var column = 0;
        var read = 0;
        foreach (var _ in Children(xml))
        {
            if ((++read & 0xFFF) == 0)
            {
                cancellation.ThrowIfCancellationRequested(); // one row may hold millions of empty styled cells
            }

            if (xml.LocalName != "c")
            {
                xml.Skip();
                continue;
            }

            column = xml.GetAttribute("r") is { } reference ? Position(reference).Column : column + 1;
            if (ReadCell(xml) is not { } value)
            {
                continue;
            }

            if (column > MaxColumns)
            {
                throw new SpreadsheetRejectedException(SpreadsheetMessages.TooManyColumns(rowNumber, MaxColumns));
            }

            if (column > values.Length)
            {
                Array.Resize(ref values, Math.Max(column, values.Length * 2));
            }

            values[column - 1] = value;
            width = Math.Max(width, column);
        }

        return width == values.Length ? values : values[..width];
    }

    private object? ReadCell(XmlReader xml)
    {
        var type = xml.GetAttribute("t");
        var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        string? raw = null;
        string? inline = null;
        foreach (var _ in Children(xml))
        {
            switch (xml.LocalName)
            {
                case "v":
                    raw = xml.ReadElementContentAsString();
                    break;
                case "is":
                    inline = ReadRichText(xml);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        return type switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Length ? _sharedStrings[index] : null,
            "inlineStr" => inline,
            "str" or "e" => raw is null ? null : Decode(raw),
            "b" => raw is null ? null : raw.Trim() is "1" or "true",
            "d" => DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : raw,
            _ => Number(raw, style),
        };
    }

    /// <summary>
    /// Visits the child elements of the element the reader is on, each time positioned on a child's start tag; the
    /// caller must consume that child (Skip, ReadElementContentAsString or a Read… method). Ends past the end tag.
    /// </summary>
    private static IEnumerable<bool> Children(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            yield break;
        }

        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                yield return true;
                continue;
            }

            xml.Read();
        }

        xml.Read();
    }

    private object? Number(string? raw, int style)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        if (style < _dateStyles.Length && _dateStyles[style] && number is >= -657_435 and < 2_958_466)
        {
            return DateTime.FromOADate(_date1904 ? number + 1462 : number);
        }

        return number;
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt; and its runs' &lt;t&gt;, without phonetic guides.</summary>
    private static string ReadRichText(XmlReader xml)
    {
        string? single = null;
        System.Text.StringBuilder? many = null;
        foreach (var _ in Children(xml))
        {
            switch (xml.LocalName)
            {
                case "t":
                    var text = xml.ReadElementContentAsString();
                    if (single is null && many is null)
                    {
                        single = text;
                    }
                    else
                    {
                        (many ??= new System.Text.StringBuilder(single)).Append(text);
                    }

                    break;
                case "r":
                    foreach (var __ in Children(xml))
                    {
                        if (xml.LocalName == "t")
                        {
                            (many ??= new System.Text.StringBuilder(single)).Append(xml.ReadElementContentAsString());
                        }
                        else
                        {
                            xml.Skip();
                        }
                    }

                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        return Decode(many?.ToString() ?? single ?? "");
    }

    private static string[] ReadSharedStrings(ZipArchiveEntry entry)
    {
        var strings = new List<string>();
        using var xml = XmlReader.Create(entry.Open(), Settings);
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(ReadRichText(xml));
                continue;
            }

            xml.Read();
        }

        return [.. strings];
    }

    /// <summary>For each cell style (cellXfs index), whether its number format shows a date or time.</summary>
    private static bool[] ReadDateStyles(ZipArchiveEntry entry)
    {
        var custom = new Dictionary<int, string>();
        var styles = new List<bool>();
        using var xml = XmlReader.Create(entry.Open(), Settings);
        var inCellXfs = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "numFmt" && int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id))
            {
                custom[id] = xml.GetAttribute("formatCode") ?? "";
            }
            else if (xml.LocalName == "cellXfs")
            {
                inCellXfs = !xml.IsEmptyElement;
            }
            else if (inCellXfs && xml.LocalName == "xf")
            {
                var format = int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                styles.Add(custom.TryGetValue(format, out var code) ? IsDateFormat(code) : IsBuiltInDate(format));
            }
        }

        return [.. styles];
    }

    /// <summary>Excel's built-in date and time formats, including the CJK ones (27–36, 50–58).</summary>
    private static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>A custom format shows a date or time when a date/time letter appears outside quotes, escapes and [colour]/[$-804] brackets.</summary>
    internal static bool IsDateFormat(string code)
    {
        var section = code.Split(';')[0];
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            switch (c)
            {
                case '"':
                    i = section.IndexOf('"', i + 1) is var end and >= 0 ? end : section.Length;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var close = section.IndexOf(']', i + 1);
                    var inside = close > i ? section[(i + 1)..close] : "";
                    if (inside.Length > 0 && inside.All(ch => ch is 'h' or 'H' or 'm' or 'M' or 's' or 'S'))
                    {
                        return true;
                    }

                    i = close >= 0 ? close : section.Length;
                    break;
                default:
                    if ("dmyhseDMYHSE".Contains(c) && !section.StartsWith("General", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private static (string? FirstSheetId, bool Date1904) ReadWorkbook(ZipArchiveEntry entry)
    {
        string? first = null;
        var date1904 = false;
        using var xml = XmlReader.Create(entry.Open(), Settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "workbookPr")
            {
                date1904 = xml.GetAttribute("date1904") is "1" or "true";
            }
            else if (xml.LocalName == "sheet" && first is null)
            {
                first = xml.GetAttribute("id", RelationshipsNamespace);
            }
        }

        return (first, date1904);
    }

    /// <summary>The package path a relationship part points to, by its type's ending or by its id.</summary>
    private static string? Target(ZipArchive zip, string relationshipsPath, string folder, string? typeEnding, string? id = null)
    {
        if (Entry(zip, relationshipsPath) is not { } entry)
        {
            return null;
        }

        using var xml = XmlReader.Create(entry.Open(), Settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                && (id is null ? xml.GetAttribute("Type")?.EndsWith(typeEnding!, StringComparison.Ordinal) == true : xml.GetAttribute("Id") == id)
                && xml.GetAttribute("Target") is { } target)
            {
                return target.StartsWith('/') ? target[1..] : Normalize(folder + target);
            }
        }

        return null;
    }

    /// <summary>"xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml".</summary>
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static ZipArchiveEntry? Entry(ZipArchive zip, string path) =>
        zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.Replace('\\', '/').TrimStart('/'), path, StringComparison.OrdinalIgnoreCase));

    /// <summary>"AB12" → (28, 12); a missing row number is 0.</summary>
    private static (int Column, int Row) Position(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > CellReference.MaxColumns)
            {
                throw new InvalidDataException("column beyond XFD");
            }
        }

        var row = 0;
        for (; i < reference.Length && char.IsAsciiDigit(reference[i]); i++)
        {
            row = checked(row * 10 + (reference[i] - '0'));
        }

        return (column, row);
    }

    /// <summary>Decodes the "_xHHHH_" escapes Excel writes for characters XML cannot hold ("_x005F_" is the underscore).</summary>
    private static string Decode(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 6;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
