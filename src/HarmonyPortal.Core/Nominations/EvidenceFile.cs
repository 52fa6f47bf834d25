using System.IO.Compression;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// The kinds of evidence accepted, recognised by their content (magic bytes; for DOCX and XLSX the package's main
/// part; for DOC, WPS and XLS the main stream of the OLE compound file), never by the file name the browser sent.
/// </summary>
public static class EvidenceFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public const string Accepted = "PDF、JPG、PNG、DOCX、DOC、WPS、XLS、XLSX";

    /// <summary>The file inputs' accept attribute: the extensions of <see cref="Accepted"/>.</summary>
    public const string AcceptAttribute = ".pdf,.jpg,.jpeg,.png,.docx,.doc,.wps,.xls,.xlsx";

    public const string Doc = "application/msword";

    public const string Xls = "application/vnd.ms-excel";

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>An OLE file that cannot be kept whatever it holds (encrypted, damaged): <see cref="ActiveContent"/> says why.</summary>
    private const string UncheckableOle = "application/x-ole-storage";

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

        if (EvidenceCompoundFile.HasSignature(content))
        {
            return EvidenceCompoundFile.Kind(content.ToArray()) switch
            {
                CompoundKind.Word => Doc,
                CompoundKind.Excel => Xls,
                CompoundKind.EncryptedPackage or CompoundKind.Unreadable => UncheckableOle,
                _ => null,
            };
        }

        return content.StartsWith("PK\u0003\u0004"u8) ? PackageKind(content.ToArray()) : null;
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
        Docx or Xlsx => EvidenceOoxmlScan.Find(content),
        Doc or Xls or UncheckableOle => EvidenceCompoundFile.Find(content),
        _ => null,
    };

    /// <summary>What follows the reason in a refusal: how to fix a file that cannot be checked, or one that does something when opened.</summary>
    public static string Advice(string reason) => reason.StartsWith(EvidenceCompoundFile.Encrypted, StringComparison.Ordinal) || reason.StartsWith(EvidenceCompoundFile.Damaged, StringComparison.Ordinal)
        ? "，已拒绝。请在 WPS 或 Office 中取消打开密码（或修复文件）后另存，再重新上传"
        : "，打开时可能执行脚本或访问外部地址，已拒绝。请去掉这些内容，或用“打印为 PDF”另存后重新上传";

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        Doc => ".doc",
        Xls => ".xls",
        Xlsx => ".xlsx",
        _ => ".docx",
    };

    /// <summary>The extension a kept file gets: a Word-bodied compound file sent as .wps stays .wps (WPS Office opens it as such).</summary>
    public static string Extension(string contentType, string uploadedName) =>
        contentType == Doc && uploadedName.EndsWith(".wps", StringComparison.OrdinalIgnoreCase) ? ".wps" : Extension(contentType);

    private static string? PackageKind(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is null ? null
                : zip.GetEntry("word/document.xml") is not null ? Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
