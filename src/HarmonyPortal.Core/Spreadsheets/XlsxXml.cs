using System.Text;
using System.Xml;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>The namespaces and the one XmlWriter configuration used for every part of a written workbook.</summary>
internal static class XlsxXml
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    public const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CloseOutput = false,
        // A lone CR is kept as &#xD; (a parser would turn it into LF otherwise).
        NewLineHandling = NewLineHandling.Entitize,
        // Strings are cleaned by XmlText first; this stays on as a safety net.
        CheckCharacters = true,
    };

    public static XmlWriter Create(Stream stream) => XmlWriter.Create(stream, Settings);
}
