using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Spreadsheets.Tests.Support;
using Xunit;
using static HarmonyPortal.Core.Tests.Nominations.Support.OfficeEvidenceFiles;

namespace HarmonyPortal.Core.Tests.Nominations;

/// <summary>Evidence as offices still send it (.doc, .wps, .xls, .xlsx), recognised by content and refused when it carries macros, packages or encryption.</summary>
public sealed class EvidenceOfficeFileTests
{
    [Fact]
    public void WordExcelAndXlsx_AreRecognisedByTheirContent_AndKeptWhenHarmless()
    {
        Assert.Equal(EvidenceFile.Doc, EvidenceFile.Detect(Doc()));
        Assert.Equal(EvidenceFile.Xls, EvidenceFile.Detect(Xls()));
        Assert.Equal(EvidenceFile.Xlsx, EvidenceFile.Detect(Xlsx()));
        Assert.Null(EvidenceFile.ActiveContent(Doc(), EvidenceFile.Doc));
        Assert.Null(EvidenceFile.ActiveContent(Xls(), EvidenceFile.Xls));
        Assert.Null(EvidenceFile.ActiveContent(Xlsx(), EvidenceFile.Xlsx));
        Assert.Equal(".wps", EvidenceFile.Extension(EvidenceFile.Doc, "事迹材料.WPS"));
        Assert.Equal(".doc", EvidenceFile.Extension(EvidenceFile.Doc, "事迹材料.txt"));
        Assert.Equal(".xls", EvidenceFile.Extension(EvidenceFile.Xls, "名单"));
        Assert.Equal(".xlsx", EvidenceFile.Extension(EvidenceFile.Xlsx, "名单.xls"));
    }

    [Fact]
    public void OtherCompoundFiles_AndLookalikes_AreNotAccepted()
    {
        Assert.Null(EvidenceFile.Detect(CompoundFile.Create([("PowerPoint Document", new byte[4096])]))); // a .ppt
        Assert.Null(EvidenceFile.Detect(OfficeEvidenceFilesPackage("xl/styles.xml")));                    // a zip without a workbook
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "Word macros", Doc(storages: ["Macros"]), "含有宏（VBA，Macros）" },
        { "Excel macros", Xls(storages: ["_VBA_PROJECT_CUR"]), "含有宏（VBA，_VBA_PROJECT_CUR）" },
        { "Excel 4.0 macro sheet", Xls(macroSheet: true), "含有 Excel 4.0 宏表" },
        { "packaged file", Doc(extra: ("\u0001Ole10Native", new byte[4096])), "含有嵌入的文件（OLE 包装对象）" },
        { "encrypted .doc", Doc(flags: 0x0100), "文件已加密（设有打开密码），无法检查其内容" },
        { "encrypted .xls", Xls(encrypted: true), "文件已加密（设有打开密码），无法检查其内容" },
        { "encrypted .docx/.xlsx", CompoundFile.Create([("EncryptionInfo", new byte[4096]), ("EncryptedPackage", new byte[4096])]), "文件已加密（设有打开密码），无法检查其内容" },
        { "damaged", [.. Doc()[..512], .. new byte[100]], "文件已损坏或含有无法检查的内容" },
        { "xlsx with vbaProject.bin", Xlsx(extra: ("xl/vbaProject.bin", "")), "含有宏（VBA）" },
        { "macro-enabled xlsx", Xlsx(macroEnabled: true), "含有宏（启用宏的文档）" },
        { "xlsx macro sheet", Xlsx(extra: ("xl/macrosheets/sheet2.xml", "<xm:macrosheet xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\"/>")), "含有 Excel 4.0 宏表" },
        { "xlsx DDE link", Xlsx(extra: ("xl/externalLinks/externalLink1.xml", "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><ddeLink ddeService=\"cmd\" ddeTopic=\"/c calc\"/></externalLink>")), "外部链接" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void ActiveOrUncheckableContent_IsRefusedWithItsReason(string kind, byte[] file, string reason)
    {
        var contentType = EvidenceFile.Detect(file);

        Assert.True(contentType is not null, $"{kind}: not recognised");
        Assert.Contains(reason, EvidenceFile.ActiveContent(file, contentType), StringComparison.Ordinal);
    }

    private static byte[] OfficeEvidenceFilesPackage(string part) => EvidenceFileTests.Zip("[Content_Types].xml", part);
}
