using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// Writes the small parts that tie a workbook together once all sheets are written: the workbook (sheet list and
/// print titles), its relationships, the styles, the package relationships and the content types. They come last
/// because a forward-only zip cannot go back, and only then are all sheets known.
/// </summary>
internal static class PackageParts
{
    private const string WorksheetType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    private const string StylesType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    private const string OfficeDocumentType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    public static void Write(ZipArchive zip, CompressionLevel level, IReadOnlyList<WrittenSheet> sheets)
    {
        WriteWorkbook(zip, level, sheets);
        WriteWorkbookRelationships(zip, level, sheets);
        WriteRaw(zip, level, "xl/styles.xml", XlsxStyles.Xml);
        WriteRaw(zip, level, "_rels/.rels",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{XlsxXml.PackageRelationships}"><Relationship Id="rId1" Type="{OfficeDocumentType}" Target="xl/workbook.xml"/></Relationships>""");
        WriteContentTypes(zip, level, sheets);
    }

    private static void WriteWorkbook(ZipArchive zip, CompressionLevel level, IReadOnlyList<WrittenSheet> sheets)
    {
        using var stream = zip.CreateEntry("xl/workbook.xml", level).Open();
        using var xml = XlsxXml.Create(stream);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("workbook", XlsxXml.Main);
        xml.WriteAttributeString("xmlns", "r", null, XlsxXml.Relationships);

        xml.WriteStartElement("bookViews");
        xml.WriteStartElement("workbookView");
        xml.WriteAttributeString("activeTab", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("sheets");
        for (var i = 0; i < sheets.Count; i++)
        {
            xml.WriteStartElement("sheet");
            xml.WriteAttributeString("name", sheets[i].Name);
            xml.WriteAttributeString("sheetId", Invariant(i + 1));
            if (sheets[i].Hidden)
            {
                xml.WriteAttributeString("state", "hidden");
            }

            xml.WriteAttributeString("id", XlsxXml.Relationships, RelationshipId(i));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        if (sheets.Any(s => s.HeaderRow is not null))
        {
            xml.WriteStartElement("definedNames");
            for (var i = 0; i < sheets.Count; i++)
            {
                if (sheets[i].HeaderRow is { } row)
                {
                    var rows = "$" + Invariant(row);
                    xml.WriteStartElement("definedName");
                    xml.WriteAttributeString("name", "_xlnm.Print_Titles");
                    xml.WriteAttributeString("localSheetId", Invariant(i));
                    xml.WriteString($"{QuoteSheetName(sheets[i].Name)}!{rows}:{rows}");
                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteWorkbookRelationships(ZipArchive zip, CompressionLevel level, IReadOnlyList<WrittenSheet> sheets)
    {
        using var stream = zip.CreateEntry("xl/_rels/workbook.xml.rels", level).Open();
        using var xml = XlsxXml.Create(stream);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("Relationships", XlsxXml.PackageRelationships);
        for (var i = 0; i < sheets.Count; i++)
        {
            WriteRelationship(xml, RelationshipId(i), WorksheetType, $"worksheets/sheet{Invariant(sheets[i].PartNumber)}.xml");
        }

        WriteRelationship(xml, RelationshipId(sheets.Count), StylesType, "styles.xml");
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteContentTypes(ZipArchive zip, CompressionLevel level, IReadOnlyList<WrittenSheet> sheets)
    {
        using var stream = zip.CreateEntry("[Content_Types].xml", level).Open();
        using var xml = XlsxXml.Create(stream);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("Types", XlsxXml.ContentTypes);
        WriteDefault(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        WriteDefault(xml, "xml", "application/xml");
        WriteOverride(xml, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        foreach (var sheet in sheets)
        {
            WriteOverride(xml, $"/xl/worksheets/sheet{Invariant(sheet.PartNumber)}.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }

        WriteOverride(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteRelationship(System.Xml.XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship");
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static void WriteDefault(System.Xml.XmlWriter xml, string extension, string contentType)
    {
        xml.WriteStartElement("Default");
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void WriteOverride(System.Xml.XmlWriter xml, string partName, string contentType)
    {
        xml.WriteStartElement("Override");
        xml.WriteAttributeString("PartName", partName);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void WriteRaw(ZipArchive zip, CompressionLevel level, string name, string content)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        var bytes = Encoding.UTF8.GetBytes(content);
        stream.Write(bytes);
    }

    /// <summary>'name' with apostrophes doubled, as formulas and defined names quote sheet names.</summary>
    internal static string QuoteSheetName(string name) => "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string RelationshipId(int index) => "rId" + Invariant(index + 1);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
