using System.Buffers.Binary;
using System.Text;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Spreadsheets.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Spreadsheets.Tests;

/// <summary>Every upload <see cref="SpreadsheetFile"/> refuses, each with its Chinese message and never another exception.</summary>
public class SpreadsheetFileRejectionTests(ZipBombs bombs, ITestOutputHelper output) : IClassFixture<ZipBombs>
{
    private const string NotWorkbook = "该文件不是 Excel 工作簿（.xlsx 或 .xls），请用模板填写后上传";
    private const string ZipBomb = "文件解压后过大，疑似异常文件，已拒绝";
    private const string Encrypted = "该工作簿设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后重新保存，再上传";
    private const string Corrupt = "文件已损坏或内容不完整，无法读取。请在 Excel 或 WPS 中打开确认无误后重新保存，再上传";
    private const long MaxGrowthBytes = 100L * 1024 * 1024;

    private static readonly SpreadsheetLimits Limits = new();

    private static readonly byte[] Valid = Workbooks.Write(w =>
    {
        w.StartSheet(new SheetSpec("S", [new ColumnSpec("A"), new ColumnSpec("B")]) { Title = "表" });
        for (var i = 0; i < 2_000; i++)
        {
            w.WriteRow([CellValue.Number(i), "文字" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
    });

    [Fact]
    public void TextFileRenamedXlsx_IsNotAWorkbook() =>
        AssertRejected(Encoding.UTF8.GetBytes("姓名,身份证号码\n张三,430611199001011234\n"), NotWorkbook);

    [Fact]
    public void RandomBytes_AreNotAWorkbook()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x00;
        AssertRejected(bytes, NotWorkbook);
    }

    [Fact]
    public void EmptyStream_IsNotAWorkbook() => AssertRejected([], NotWorkbook);

    [Fact]
    public void OldSpreadsheetMlXml_IsNotAWorkbook() =>
        AssertRejected(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>"), NotWorkbook);

    [Fact]
    public void OneByteOverTenMegabytes_IsTooLarge()
    {
        var bytes = new byte[10 * 1024 * 1024 + 1];
        Valid.CopyTo(bytes, 0);

        AssertRejected(bytes, "文件大小 10,485,761 字节，超过上限 10 MB（10,485,760 字节）");
        var forwardOnly = Assert.Throws<SpreadsheetRejectedException>(() => SpreadsheetFile.Open(new ForwardOnlyReadStream(new MemoryStream(bytes)), Limits));
        Assert.Equal("文件大小超过上限 10 MB", forwardOnly.Message);
    }

    [Fact]
    public void LargerFile_ShowsItsSizeInMegabytes() =>
        AssertRejected(new byte[(int)(12.3 * 1024 * 1024)], "文件大小 12.3 MB，超过上限 10 MB");

    [Fact]
    public void ExactlyTenMegabytes_PassesTheSizeCheck() =>
        AssertRejected(new byte[10 * 1024 * 1024], NotWorkbook);

    [Fact]
    public void ZipBomb_IsRefusedFromItsDeclaredSizes_WithLittleMemory()
    {
        Assert.InRange(bombs.Honest.Length, 100_000, 10 * 1024 * 1024);
        SpreadsheetRejectedException? rejected = null;

        var growth = MemoryProbe.PeakGrowth(() =>
            rejected = Assert.Throws<SpreadsheetRejectedException>(() => SpreadsheetFile.Open(new MemoryStream(bombs.Honest), Limits)));

        output.WriteLine($"bomb of {bombs.Honest.Length / 1024.0 / 1024.0:0.0} MB: peak managed heap growth {growth / 1024.0 / 1024.0:0.0} MB");
        Assert.Equal(ZipBomb, rejected!.Message);
        Assert.True(growth < MaxGrowthBytes, $"managed heap grew by {growth / 1024 / 1024} MB");
    }

    [Fact]
    public void ZipBombThatLiesAboutItsSize_IsRefusedWhileInflating_WithLittleMemory()
    {
        SpreadsheetRejectedException? rejected = null;

        var growth = MemoryProbe.PeakGrowth(() =>
            rejected = Assert.Throws<SpreadsheetRejectedException>(() => SpreadsheetFile.Open(new MemoryStream(bombs.Lying), Limits)));

        output.WriteLine($"lying bomb: peak managed heap growth {growth / 1024.0 / 1024.0:0.0} MB");
        Assert.True(growth < MaxGrowthBytes, $"managed heap grew by {growth / 1024 / 1024} MB");
        Assert.Equal(ZipBomb, rejected!.Message);
    }

    [Fact]
    public void LyingHeader_CannotInflatePastItsDeclaredSize()
    {
        // What the checks rely on besides their own count: .NET stops inflating an entry at its declared size, so a
        // header that understates a 1 GB entry yields only what it declares, to this guard and to ExcelDataReader alike.
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bombs.Lying));
        var entry = zip.GetEntry(ZipBombs.SheetName)!;
        using var stream = entry.Open();
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            total += read;
        }

        Assert.Equal(1_000, entry.Length);
        Assert.Equal(1_000, total);
    }

    [Fact]
    public void InflatedSizeCap_AppliesToTheSumOfEntries()
    {
        // Three honest 9 MB entries at a ratio under 100: each passes alone, together they pass a 20 MB limit.
        var big = new byte[9 * 1024 * 1024];
        var random = new Random(7);
        for (var i = 0; i < big.Length; i += 64)
        {
            big[i] = (byte)random.Next(256);
        }

        var bytes = RawXlsx.Zip([("xl/workbook.xml", big), ("xl/a.xml", big), ("xl/b.xml", big)]);
        var limits = Limits with { MaxUncompressedBytes = 20 * 1024 * 1024 };

        var rejected = Assert.Throws<SpreadsheetRejectedException>(() => SpreadsheetFile.Open(new MemoryStream(bytes), limits));
        Assert.Equal(ZipBomb, rejected.Message);
        // Under a higher limit the same file passes the zip checks and is refused only because it holds no workbook.
        rejected = Assert.Throws<SpreadsheetRejectedException>(() => SpreadsheetFile.Open(new MemoryStream(bytes), limits with { MaxUncompressedBytes = 30 * 1024 * 1024 }));
        Assert.Equal(Corrupt, rejected.Message);
    }

    [Fact]
    public void EntryOverTheRatio_IsAZipBomb()
    {
        var zeros = new byte[5 * 1024 * 1024];
        var bytes = RawXlsx.Zip([("[Content_Types].xml", "<Types/>"u8.ToArray()), ("xl/workbook.xml", zeros)]);

        AssertRejected(bytes, ZipBomb);
        var rejected = Assert.Throws<SpreadsheetRejectedException>(() => SpreadsheetFile.Open(new MemoryStream(bytes), Limits with { MaxCompressionRatio = 10_000 }));
        Assert.Equal(Corrupt, rejected.Message);
    }

    [Fact]
    public void ZipThatIsNotAWorkbook_IsNotAWorkbook()
    {
        var docx = RawXlsx.Zip([("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray())]);
        AssertRejected(docx, NotWorkbook);
    }

    [Fact]
    public void BinaryWorkbook_IsRefusedWithAHint() =>
        AssertRejected(RawXlsx.Zip([("[Content_Types].xml", "<Types/>"u8.ToArray()), ("xl/workbook.bin", [1, 2, 3])]),
            "暂不支持 Excel 二进制工作簿（.xlsb），请另存为 .xlsx 后上传");

    [Fact]
    public void TruncatedXlsx_IsCorrupt()
    {
        AssertRejected(Valid[..(Valid.Length / 2)], Corrupt);
        AssertRejected(Valid[..^30], Corrupt);
        AssertRejected(Valid[..10], Corrupt);
    }

    [Fact]
    public void XlsxWithDamagedSheetData_IsCorrupt_WhenOpenedOrRead()
    {
        var bytes = RawXlsx.Create("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v>");
        var rejected = Assert.Throws<SpreadsheetRejectedException>(() =>
        {
            using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);
            _ = file.Rows().ToList();
        });
        Assert.Equal(Corrupt, rejected.Message);
    }

    [Fact]
    public void CorruptedDeflateData_IsCorrupt()
    {
        var bytes = (byte[])Valid.Clone();
        var sheet = FindLocalHeader(bytes, "xl/worksheets/sheet1.xml");
        var dataStart = sheet + 30 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(sheet + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(sheet + 28));
        for (var i = dataStart + 100; i < dataStart + 400; i++)
        {
            bytes[i] ^= 0x5A;
        }

        AssertRejected(bytes, Corrupt);
    }

    [Fact]
    public void MoreRowsThanTheLimit_AreRefusedWhileReading()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(new SheetSpec("S", [new ColumnSpec("A")]));
            for (var i = 0; i < 1_000; i++)
            {
                w.WriteRow([CellValue.Number(i)]);
            }
        });
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits with { MaxDataRows = 1_000 });
        var read = 0;

        var rejected = Assert.Throws<SpreadsheetRejectedException>(() =>
        {
            foreach (var _ in file.Rows())
            {
                read++;
            }
        });

        Assert.Equal("工作表超过 1000 行，超过上限，请拆分后分批上传", rejected.Message);
        Assert.Equal(1_000, read);
    }

    [Fact]
    public void MoreRowsThanTheDefaultLimit_AreRefused()
    {
        var bytes = Workbooks.Write(w =>
        {
            w.StartSheet(new SheetSpec("S", [new ColumnSpec("A")]));
            for (var i = 0; i < 100_000; i++)
            {
                w.WriteRow([CellValue.Number(i)]);
            }
        });
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);

        var rejected = Assert.Throws<SpreadsheetRejectedException>(() => file.Rows().Count());

        Assert.Equal("工作表超过 100000 行，超过上限，请拆分后分批上传", rejected.Message);
    }

    [Fact]
    public void AValueInTheLastColumnOfTheLastRow_IsRefusedQuickly_WhileStyledEmptyCellsThereAreHarmless()
    {
        var far = RawXlsx.Create("""<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="0"/></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>""");
        using var file = SpreadsheetFile.Open(new MemoryStream(far), Limits);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var rejected = Assert.Throws<SpreadsheetRejectedException>(() => file.Rows().Count());

        Assert.Equal("工作表第 1048576 行在第 1024 列之后还有内容，超出任何台账的列数，请使用本台账的模板", rejected.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}"); // it used to allocate a 16,384-wide row per row
        var styled = RawXlsx.Create("""<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="0"/></row>""");
        using var harmless = SpreadsheetFile.Open(new MemoryStream(styled), Limits);
        Assert.Single(harmless.Rows().Single().Cells);
    }

    [Fact]
    public void PasswordEncryptedXlsx_IsRefusedAsEncrypted()
    {
        // What Excel writes for "Encrypt with password": a compound file with EncryptionInfo and EncryptedPackage
        // streams instead of a zip (the contents here are random: no test can know the password anyway).
        var info = new byte[512];
        var package = new byte[8192];
        new Random(1).NextBytes(info);
        new Random(2).NextBytes(package);
        BinaryPrimitives.WriteUInt16LittleEndian(info, 4);
        BinaryPrimitives.WriteUInt16LittleEndian(info.AsSpan(2), 4); // agile encryption 4.4

        AssertRejected(CompoundFile.Create([("EncryptionInfo", info), ("EncryptedPackage", package)]), Encrypted);
    }

    [Fact]
    public void PasswordEncryptedXls_IsRefusedAsEncrypted()
    {
        var bytes = new Biff8Workbook { Encrypted = true }.Cell(0, 0, "机密").Cell(1, 0, 1d).ToCompoundFile();
        AssertRejected(bytes, Encrypted);
    }

    [Fact]
    public void ZipWithAnEncryptedEntry_IsRefusedAsEncrypted()
    {
        var bytes = (byte[])Valid.Clone();
        for (var i = 0; i + 4 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034B50)
            {
                bytes[i + 6] |= 1;
            }
            else if (signature == 0x02014B50)
            {
                bytes[i + 8] |= 1;
            }
        }

        AssertRejected(bytes, Encrypted);
    }

    [Fact]
    public void CompoundFileWithoutAWorkbook_IsNotAWorkbook() =>
        AssertRejected(CompoundFile.Create([("WordDocument", new byte[5000])]), NotWorkbook);

    [Fact]
    public void DamagedCompoundFile_IsCorrupt()
    {
        var bytes = new Biff8Workbook().Cell(0, 0, "x").ToCompoundFile();
        AssertRejected(bytes[..600], Corrupt);
    }

    private static void AssertRejected(byte[] bytes, string message)
    {
        var rejected = Assert.Throws<SpreadsheetRejectedException>(() =>
        {
            using var file = SpreadsheetFile.Open(new MemoryStream(bytes), Limits);
            _ = file.Rows().ToList();
        });
        Assert.Equal(message, rejected.Message);
    }

    private static int FindLocalHeader(byte[] bytes, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == 0x04034B50 && bytes.AsSpan(i + 30).StartsWith(nameBytes))
            {
                return i;
            }
        }

        throw new InvalidOperationException(name);
    }
}
