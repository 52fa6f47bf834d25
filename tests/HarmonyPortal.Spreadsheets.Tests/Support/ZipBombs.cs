using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace HarmonyPortal.Spreadsheets.Tests.Support;

/// <summary>
/// An .xlsx whose sheet1.xml inflates to about 1 GB of one repeating row from a few MB (deflate at SmallestSize),
/// built once for the test class; and a copy whose zip headers lie that the sheet is 1,000 bytes.
/// </summary>
public sealed class ZipBombs
{
    public const long SheetBytes = 1024L * 1024 * 1024;
    public const string SheetName = "xl/worksheets/sheet1.xml";

    public ZipBombs()
    {
        Honest = Build();
        Lying = LieAboutSize(Honest, SheetName, 1_000);
    }

    public byte[] Honest { get; }

    public byte[] Lying { get; }

    private static byte[] Build()
    {
        var template = RawXlsx.Create("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
        using var source = new ZipArchive(new MemoryStream(template), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                if (entry.FullName != SheetName)
                {
                    using var content = entry.Open();
                    content.CopyTo(target);
                    continue;
                }

                var head = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><worksheet xmlns=\"{RawXlsx.Main}\"><sheetData>");
                target.Write(head);
                var row = Encoding.UTF8.GetBytes("<row><c t=\"inlineStr\"><is><t>00000000000000000000000000000000</t></is></c></row>");
                var block = new byte[1024 * 1024 / row.Length * row.Length];
                for (var i = 0; i < block.Length; i += row.Length)
                {
                    row.CopyTo(block, i);
                }

                for (long written = head.Length; written < SheetBytes; written += block.Length)
                {
                    target.Write(block);
                }

                target.Write("</sheetData></worksheet>"u8);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Rewrites the uncompressed size of one entry in its local header and in the central directory.</summary>
    private static byte[] LieAboutSize(byte[] zip, string name, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034B50 && bytes.AsSpan(i + 30).StartsWith(nameBytes)
                && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26)) == nameBytes.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
                patched++;
            }
            else if (signature == 0x02014B50 && bytes.AsSpan(i + 46).StartsWith(nameBytes)
                && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28)) == nameBytes.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
                patched++;
            }
        }

        return patched == 2 ? bytes : throw new InvalidOperationException($"patched {patched} headers");
    }
}
