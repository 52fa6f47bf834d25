using System.IO.Compression;
using System.Text;
using HarmonyPortal.Core.Nominations;
using Xunit;

namespace HarmonyPortal.Core.Tests.Nominations;

public sealed class EvidenceFileTests
{
    public static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void EachAcceptedKind_IsRecognisedByItsContent()
    {
        Assert.Equal("application/pdf", EvidenceFile.Detect("%PDF-1.7\n%âãÏÓ"u8));
        Assert.Equal("image/jpeg", EvidenceFile.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]));
        Assert.Equal("image/png", EvidenceFile.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", EvidenceFile.Detect(Zip("[Content_Types].xml", "word/document.xml")));
    }

    [Fact]
    public void LookalikesAreRefused_WhateverTheirName()
    {
        Assert.Null(EvidenceFile.Detect(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")));
        Assert.Null(EvidenceFile.Detect(Encoding.UTF8.GetBytes("MZ\u0090\u0000 an executable")));
        Assert.Null(EvidenceFile.Detect(Zip("[Content_Types].xml", "ppt/presentation.xml"))); // a pptx is a zip too, but neither a DOCX nor an XLSX
        Assert.Null(EvidenceFile.Detect([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])); // a broken zip
        Assert.Null(EvidenceFile.Detect([]));
        Assert.Null(EvidenceFile.Detect("%PD"u8));
    }
}
