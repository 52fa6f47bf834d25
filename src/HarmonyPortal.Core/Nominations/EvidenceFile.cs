using System.IO.Compression;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// The kinds of evidence accepted, recognised by their content (magic bytes, and for DOCX the package's
/// main part), never by the file name the browser sent.
/// </summary>
public static class EvidenceFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public const string Accepted = "PDF、JPG、PNG、DOCX";

    /// <summary>The content type of the bytes, or null when they are none of the accepted kinds.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (content.Length > 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        return content.StartsWith("PK\u0003\u0004"u8) && IsWordDocument(content.ToArray())
            ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            : null;
    }

    /// <summary>
    /// Why the file must not be kept although its kind is accepted: a PDF with scripts or actions
    /// (<see cref="EvidencePdfScan"/>), a DOCX with macros, external relationships or templates, or fields that run
    /// (<see cref="EvidenceOoxmlScan"/>); null when it carries no active content. Reviewers open these files on
    /// their own computers: the portal keeps only documents that do nothing when opened.
    /// </summary>
    public static string? ActiveContent(byte[] content, string contentType) => contentType switch
    {
        "application/pdf" => EvidencePdfScan.Find(content),
        Docx => EvidenceOoxmlScan.Find(content),
        _ => null,
    };

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        _ => ".docx",
    };

    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
