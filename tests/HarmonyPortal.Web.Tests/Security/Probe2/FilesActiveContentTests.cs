using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Issue 14, class "evidence files that carry active content": crafted PDFs and DOCX files, each refused with its reason
/// or accepted when what looks active is harmless (a page destination, a web link, a name inside a string).
/// </summary>
public sealed class FilesActiveContentTests
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static TheoryData<string, string> ActivePdfs => new()
    {
        { "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>", "OpenAction" },
        { "<< /Type /Annot /Subtype /Link /A << /S /JavaScript /JS (app.alert(1)) >> >>", "JavaScript" },
        { "<< /Type /Catalog /Pages 2 0 R /Names << /J#61vaScript 5 0 R >> >>", "JavaScript" },
        { "<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>", "OpenAction" },
        { "<< /Type /Catalog /Pages 2 0 R /OpenAction<</S/URI/URI(http://example.com/)>> >>", "OpenAction" },
        { "<< /Type /Page /Parent 2 0 R /AA << /O 6 0 R >> >>", "（AA）" },
        { "<< /S /Launch /F (cmd.exe) >>", "Launch" },
        { "<< /S /SubmitForm /F (http://example.com/collect) >>", "SubmitForm" },
        { "<< /Type /Filespec /EF << /F 7 0 R >> >> 7 0 obj << /Type /EmbeddedFile >>", "嵌入的文件" },
        { "<< /AcroForm << /XFA 8 0 R >> >>", "XFA" },
        { "<< /S /GoToR /F (other.pdf) >>", "GoToR" },
    };

    [Theory]
    [MemberData(nameof(ActivePdfs))]
    public void PdfWithActiveContent_IsRefusedWithItsReason(string catalog, string reason)
    {
        var found = EvidenceFile.ActiveContent(Pdf(catalog), "application/pdf");

        Assert.NotNull(found);
        Assert.Contains(reason, found, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenActionHiddenInACompressedObjectStream_IsFound()
    {
        var objects = Encoding.ASCII.GetBytes("1 0 << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (this.exportDataObject()) >> >>");
        var pdf = PdfWithObjectStream(Deflate(objects), "/Filter /FlateDecode");

        Assert.Contains("OpenAction", EvidenceFile.ActiveContent(pdf, "application/pdf"), StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectStreamThatCannotBeInflated_IsRefusedAsUncheckable()
    {
        var pdf = PdfWithObjectStream(Encoding.ASCII.GetBytes("<0102030405>"), "/Filter /LZWDecode");

        Assert.Contains("无法检查的压缩对象流", EvidenceFile.ActiveContent(pdf, "application/pdf"), StringComparison.Ordinal);
    }

    [Fact]
    public void HarmlessPdfs_Pass()
    {
        Assert.Null(EvidenceFile.ActiveContent(Pdf("<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /XYZ null null 0] >>"), "application/pdf")); // LibreOffice
        Assert.Null(EvidenceFile.ActiveContent(Pdf("<< /Type /Annot /Subtype /Link /A << /S /URI /URI (http://www.mohrss.gov.cn/) >> >>"), "application/pdf"));
        Assert.Null(EvidenceFile.ActiveContent(Pdf("<< /Title (关于 /JavaScript 和 /OpenAction 的说明) >> % /Launch in a comment"), "application/pdf"));
        Assert.Null(EvidenceFile.ActiveContent(PdfWithObjectStream(Deflate("1 0 << /Type /Catalog /Pages 2 0 R >>"u8.ToArray()), "/Filter /FlateDecode"), "application/pdf"));
        var contentStream = Encoding.ASCII.GetBytes("<< /Length 20 >>\nstream\nBT /JS 12 Tf (x) Tj ET\nendstream");
        Assert.Null(EvidenceFile.ActiveContent(Pdf(Encoding.ASCII.GetString(contentStream)), "application/pdf"));
    }

    public static TheoryData<string, string> ActiveDocx => new()
    {
        {
            "word/_rels/settings.xml.rels",
            Rels("http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", "http://198.51.100.7/template.dotm", external: true)
        },
        {
            "word/_rels/settings.xml.rels",
            Rels("http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", "file:///C:/Templates/Normal.dotm", external: false)
        },
        {
            "word/_rels/document.xml.rels",
            Rels("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", "http://198.51.100.7/track.png", external: true)
        },
        {
            "word/_rels/document.xml.rels",
            Rels("http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", "file://198.51.100.7/share/x.exe", external: true)
        },
        {
            "xl/externalLinks/_rels/externalLink1.xml.rels",
            Rels("http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath", "\\\\198.51.100.7\\share\\book.xlsx", external: true)
        },
        { "word/vbaProject.bin", "" },
        { "word/activeX/activeX1.xml", "<ax:ocx xmlns:ax=\"http://schemas.microsoft.com/office/2006/activeX\"/>" },
        { "word/embeddings/oleObject1.bin", "" },
        { "word/footer1.xml", Body("""<w:fldSimple w:instr=" INCLUDEPICTURE &quot;http://198.51.100.7/a.png&quot; \d "/>""") },
        {
            "word/document.xml",
            Body("""<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DDE</w:instrText></w:r><w:r><w:instrText>AUTO c:\\windows\\system32\\cmd.exe "/k calc"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>""")
        },
    };

    [Theory]
    [MemberData(nameof(ActiveDocx))]
    public void DocxWithActiveContent_IsRefusedWithAReason(string part, string content)
    {
        var found = EvidenceFile.ActiveContent(Docx((part, content)), DocxType);

        Assert.NotNull(found);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", found);
    }

    [Fact]
    public void DocxThatInflatesPast128MB_IsRefusedWithoutReadingIt()
    {
        // 130 MB of spaces in one part, written in 1 MB pieces: about 130 KB once compressed.
        var bomb = Docx();
        using (var buffer = new MemoryStream())
        {
            buffer.Write(bomb);
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
            {
                using var part = zip.CreateEntry("word/header1.xml").Open();
                var spaces = Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024));
                part.Write(Encoding.ASCII.GetBytes("<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"));
                for (var i = 0; i < 130; i++)
                {
                    part.Write(spaces);
                }

                part.Write(Encoding.ASCII.GetBytes("</w:hdr>"));
            }

            bomb = buffer.ToArray();
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.Equal("文件解压后过大，疑似异常文件", EvidenceFile.ActiveContent(bomb, DocxType));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void MacroEnabledContentType_IsRefused() =>
        Assert.Contains("宏", EvidenceFile.ActiveContent(Docx(macroEnabled: true), DocxType), StringComparison.Ordinal);

    [Fact]
    public void HarmlessDocx_Passes()
    {
        var links = Rels("http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", "https://www.mohrss.gov.cn/link/index.html", external: true);
        var fields = Body("""<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.com/dde/link" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>链接</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" PAGE "/>""");

        Assert.Null(EvidenceFile.ActiveContent(Docx(("word/_rels/document.xml.rels", links), ("word/document.xml", fields), ("word/embeddings/Microsoft_Excel_Worksheet.xlsx", "PK")), DocxType));
    }

    internal static byte[] Pdf(string catalog) => Encoding.Latin1.GetBytes(
        $"%PDF-1.7\n1 0 obj\n{catalog}\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private static byte[] PdfWithObjectStream(byte[] body, string filter) =>
    [
        .. Encoding.ASCII.GetBytes($"%PDF-1.7\n4 0 obj\n<< /Type /Obj#53tm /N 1 /First 4 {filter} /Length {body.Length} >>\nstream\n"),
        .. body,
        .. "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray(),
    ];

    private static byte[] Deflate(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return buffer.ToArray();
    }

    internal static string Rels(string type, string target, bool external) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="{type}" Target="{System.Security.SecurityElement.Escape(target)}"{(external ? " TargetMode=\"External\"" : "")}/></Relationships>""";

    internal static string Body(string inner) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>{inner}</w:p></w:body></w:document>""";

    internal static byte[] Docx(params (string Part, string Content)[] extra) => Docx(false, extra);

    internal static byte[] Docx(bool macroEnabled, params (string Part, string Content)[] extra)
    {
        var main = macroEnabled ? "application/vnd.ms-word.document.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{main}"/></Types>""",
            ["_rels/.rels"] = Rels("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml", external: false),
            ["word/document.xml"] = Body("<w:r><w:t>先进事迹材料</w:t></w:r>"),
        };
        foreach (var (part, content) in extra)
        {
            parts[part] = content;
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>The same refusals through the upload form: a reason in Chinese, nothing stored; harmless files are kept.</summary>
public abstract class FilesActiveContentUploadTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task ActiveEvidence_IsRefusedWithItsReason_AndHarmlessEvidenceIsKept()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        var id = await NominateAsync(clerk, GoldCategory.MediationOrganization, await LedgerRowAsync(clerk, GoldCategory.MediationOrganization, 2022, "定襄主动内容调解委员会"));
        var script = FilesActiveContentTests.Pdf("<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 5 0 R >> >>");
        var template = FilesActiveContentTests.Docx(("word/_rels/settings.xml.rels",
            FilesActiveContentTests.Rels("http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", "http://198.51.100.7/t.dotm", external: true)));
        var page = FilesActiveContentTests.Pdf("<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>");
        var linked = FilesActiveContentTests.Docx(("word/_rels/document.xml.rels",
            FilesActiveContentTests.Rels("http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", "https://www.mohrss.gov.cn/", external: true)));

        var refusedPdf = await UploadAsync(clerk, id, script, "表彰文件.pdf");
        var refusedDocx = await UploadAsync(clerk, id, template, "事迹材料.docx");
        var keptPdf = await UploadAsync(clerk, id, page, "扫描件.pdf");
        var keptDocx = await UploadAsync(clerk, id, linked, "事迹.docx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedPdf.StatusCode);
        Assert.Contains("附件“表彰文件.pdf”：含有 JavaScript 脚本，打开时可能执行脚本或访问外部地址，已拒绝", await TextAsync(refusedPdf), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedDocx.StatusCode);
        Assert.Contains("附件“事迹材料.docx”：引用了外部模板（attachedTemplate）", await TextAsync(refusedDocx), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, keptPdf.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, keptDocx.StatusCode);
        await using var db = portal.CreateDbContext();
        Assert.Equal(["扫描件.pdf", "事迹.docx"], await db.NominationEvidence.Where(e => e.NominationId == id).OrderBy(e => e.Id).Select(e => e.FileName).ToListAsync());
    }

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient clerk, long id, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await clerk.TokenFromAsync("/nominations")), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(file, "file", fileName);
        return await clerk.Http.PostAsync($"/nominations/{id}/evidence", form);
    }
}

public sealed class SqliteFilesActiveContentUploadTests(SqlitePortal portal) : FilesActiveContentUploadTests<SqlitePortal>(portal);

public sealed class PostgresFilesActiveContentUploadTests(PostgresPortal portal) : FilesActiveContentUploadTests<PostgresPortal>(portal);
