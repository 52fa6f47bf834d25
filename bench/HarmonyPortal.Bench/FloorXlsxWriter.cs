using System.IO.Compression;
using System.Text;
using System.Xml;

namespace HarmonyPortal.Bench;

/// <summary>
/// The floor: the least an .xlsx writer over ZipArchive + XmlWriter can do for the same cells — one sheet, no
/// styles, no cell references, no cleaning, no title, header, drop-downs or page setup. The product writer is
/// measured against it.
/// </summary>
internal sealed class FloorXlsxWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly ZipArchive _zip;
    private readonly CompressionLevel _level;
    private readonly Stream _sheet;
    private readonly XmlWriter _xml;

    public FloorXlsxWriter(Stream output, CompressionLevel level)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create);
        _level = level;
        _sheet = _zip.CreateEntry("xl/worksheets/sheet1.xml", level).Open();
        _xml = XmlWriter.Create(_sheet, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        _xml.WriteStartElement("worksheet", Main);
        _xml.WriteStartElement("sheetData");
    }

    public void WriteText(string text)
    {
        _xml.WriteStartElement("c");
        _xml.WriteAttributeString("t", "inlineStr");
        _xml.WriteStartElement("is");
        _xml.WriteElementString("t", text);
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    public void WriteNumber(double value)
    {
        _xml.WriteStartElement("c");
        _xml.WriteStartElement("v");
        _xml.WriteValue(value);
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    public void WriteEmpty()
    {
        _xml.WriteStartElement("c");
        _xml.WriteEndElement();
    }

    public void StartRow() => _xml.WriteStartElement("row");

    public void EndRow() => _xml.WriteEndElement();

    public void Dispose()
    {
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.Dispose();
        _sheet.Dispose();
        Part("xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        Part("_rels/.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        _zip.Dispose();
    }

    private void Part(string name, string xml)
    {
        using var stream = _zip.CreateEntry(name, _level).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }
}
