using System.Buffers.Binary;
using System.Text;

namespace HarmonyPortal.Core.Nominations;

/// <summary>What an OLE compound file holds, judged by its streams: a Word document (.doc, and .wps as WPS Office
/// writes it), an Excel 97–2003 workbook (.xls), a password-encrypted Office Open XML file, or something else.</summary>
internal enum CompoundKind
{
    Other,
    Word,
    Excel,
    EncryptedPackage,
    Unreadable,
}

/// <summary>
/// Reads the directory of an OLE compound file ([MS-CFB]: the container of .doc, .wps and .xls) to tell what it holds
/// and why it must not be kept: macros (a "Macros", "VBA", "_VBA_PROJECT_CUR" storage), Excel 4.0 macro sheets,
/// embedded packages (an "\u0001Ole10Native" stream, which carries any file), or encryption (an "EncryptedPackage",
/// Word's fEncrypted flag, Excel's FILEPASS record) — an encrypted file cannot be checked. Every sector number is
/// bounds-checked and every chain is cut at the file's sector count, so a crafted file fails as unreadable.
/// </summary>
internal static class EvidenceCompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const int MaxStreamBytes = 1024 * 1024;

    private static readonly HashSet<string> MacroStorages = new(StringComparer.OrdinalIgnoreCase) { "Macros", "VBA", "_VBA_PROJECT_CUR", "_VBA_PROJECT" };

    public static bool HasSignature(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    public static CompoundKind Kind(byte[] content)
    {
        if (Directory(content) is not { } file)
        {
            return CompoundKind.Unreadable;
        }

        return file.Entries.Any(e => e.Name == "EncryptedPackage") ? CompoundKind.EncryptedPackage
            : file.Find("WordDocument") is not null ? CompoundKind.Word
            : file.Find("Workbook") is not null || file.Find("Book") is not null ? CompoundKind.Excel
            : CompoundKind.Other;
    }

    /// <summary>The first reason to refuse the file, or null when it carries no macros, packages or encryption.</summary>
    public static string? Find(byte[] content)
    {
        if (Directory(content) is not { } file)
        {
            return Damaged;
        }

        if (file.Entries.Any(e => e.Name is "EncryptedPackage" or "EncryptionInfo"))
        {
            return Encrypted;
        }

        if (file.Entries.FirstOrDefault(e => MacroStorages.Contains(e.Name)) is { } macros)
        {
            return $"含有宏（VBA，{macros.Name}）";
        }

        if (file.Entries.Any(e => e.Name == "\u0001Ole10Native"))
        {
            return "含有嵌入的文件（OLE 包装对象）";
        }

        try
        {
            if (file.Find("WordDocument") is { } word)
            {
                var fib = file.Read(word, 0x0C);
                return fib.Length < 0x0C || BinaryPrimitives.ReadUInt16LittleEndian(fib) != 0xA5EC ? Damaged
                    : (BinaryPrimitives.ReadUInt16LittleEndian(fib.AsSpan(0x0A)) & 0x8100) != 0 ? Encrypted // fEncrypted, fObfuscated
                    : null;
            }

            if ((file.Find("Workbook") ?? file.Find("Book")) is { } book)
            {
                return Globals(file.Read(book, MaxStreamBytes));
            }
        }
        catch (InvalidDataException)
        {
            return Damaged;
        }

        return null;
    }

    public const string Encrypted = "文件已加密（设有打开密码），无法检查其内容";

    public const string Damaged = "文件已损坏或含有无法检查的内容";

    /// <summary>The workbook globals of a BIFF8 stream, record by record up to its EOF: FILEPASS and macro sheets.</summary>
    private static string? Globals(byte[] stream)
    {
        var position = 0;
        while (position + 4 <= stream.Length)
        {
            var type = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(position));
            var length = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(position + 2));
            var data = stream.AsSpan(position + 4, Math.Min(length, stream.Length - position - 4));
            switch (type)
            {
                case 0x002F: // FILEPASS
                    return Encrypted;
                case 0x0085 when data.Length >= 6 && data[5] == 0x01: // BOUNDSHEET of a macro sheet
                    return "含有 Excel 4.0 宏表";
                case 0x000A: // EOF of the globals
                    return null;
            }

            position += 4 + length;
        }

        return null;
    }

    private sealed record Entry(string Name, byte Type, uint Start, long Size);

    private sealed class Container(byte[] content, int sectorSize, uint[] fat, List<Entry> entries, uint miniCutoff, uint miniFatStart)
    {
        public List<Entry> Entries => entries;

        public Entry? Find(string name) => entries.FirstOrDefault(e => e.Type == 2 && e.Name == name);

        /// <summary>The first <paramref name="max"/> bytes of a stream, from regular sectors or the mini stream.</summary>
        public byte[] Read(Entry entry, int max)
        {
            var length = (int)Math.Min(entry.Size, max);
            if (entry.Size >= miniCutoff)
            {
                return Collect(Chain(entry.Start, fat), sectorSize, length, (sector, size) => Sector(content, sectorSize, sector, size));
            }

            var miniFat = ToUInts(Collect(Chain(miniFatStart, fat), sectorSize, int.MaxValue, (s, size) => Sector(content, sectorSize, s, size)));
            var root = entries[0];
            var container = Collect(Chain(root.Start, fat), sectorSize, (int)Math.Min(root.Size, 64L * 1024 * 1024), (s, size) => Sector(content, sectorSize, s, size));
            return Collect(Chain(entry.Start, miniFat), 64, length, (sector, size) =>
                (long)sector * 64 + size <= container.Length ? container.AsSpan((int)sector * 64, size).ToArray() : throw new InvalidDataException("mini sector"));
        }
    }

    /// <summary>A chain of sectors through a FAT, refused when it leaves the table or loops.</summary>
    private static IEnumerable<uint> Chain(uint start, uint[] table)
    {
        var sector = start;
        for (var steps = 0; sector != EndOfChain; steps++)
        {
            if (sector >= table.Length || steps > table.Length)
            {
                throw new InvalidDataException("chain");
            }

            yield return sector;
            sector = table[sector];
        }
    }

    private static byte[] Collect(IEnumerable<uint> chain, int size, int max, Func<uint, int, byte[]> read)
    {
        using var buffer = new MemoryStream();
        foreach (var sector in chain)
        {
            if (buffer.Length >= max)
            {
                break;
            }

            buffer.Write(read(sector, size));
        }

        return buffer.Length > max ? buffer.ToArray()[..max] : buffer.ToArray();
    }

    private static byte[] Sector(byte[] content, int sectorSize, uint sector, int size)
    {
        var offset = ((long)sector + 1) * sectorSize;
        return offset + size <= content.Length ? content.AsSpan((int)offset, size).ToArray() : throw new InvalidDataException("sector");
    }

    private static uint[] ToUInts(byte[] bytes)
    {
        var values = new uint[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return values;
    }

    private static Container? Directory(byte[] content)
    {
        if (content.Length < 512 || !HasSignature(content))
        {
            return null;
        }

        try
        {
            var header = content.AsSpan(0, 512);
            var shift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x1E..]);
            if (shift is not (9 or 12))
            {
                return null;
            }

            var sectorSize = 1 << shift;
            var sectors = (uint)(content.Length / sectorSize);
            var fatSectors = new List<uint>();
            for (var i = 0; i < 109; i++)
            {
                var s = BinaryPrimitives.ReadUInt32LittleEndian(header[(0x4C + (i * 4))..]);
                if (s < sectors)
                {
                    fatSectors.Add(s);
                }
            }

            var difat = BinaryPrimitives.ReadUInt32LittleEndian(header[0x44..]);
            for (var steps = 0; difat < sectors && steps <= sectors; steps++)
            {
                var ids = ToUInts(Sector(content, sectorSize, difat, sectorSize));
                fatSectors.AddRange(ids[..^1].Where(s => s < sectors));
                difat = ids[^1];
            }

            var fat = ToUInts([.. fatSectors.SelectMany(s => Sector(content, sectorSize, s, sectorSize))]);
            var directory = Collect(Chain(BinaryPrimitives.ReadUInt32LittleEndian(header[0x30..]), fat), sectorSize, 4 * 1024 * 1024,
                (s, size) => Sector(content, sectorSize, s, size));
            var entries = new List<Entry>();
            for (var offset = 0; offset + 128 <= directory.Length; offset += 128)
            {
                var entry = directory.AsSpan(offset, 128);
                var nameLength = Math.Clamp((int)BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]), 2, 64);
                entries.Add(new Entry(Encoding.Unicode.GetString(entry[..(nameLength - 2)]), entry[0x42],
                    BinaryPrimitives.ReadUInt32LittleEndian(entry[0x74..]), BinaryPrimitives.ReadUInt32LittleEndian(entry[0x78..])));
            }

            return entries.Count == 0 || entries[0].Type != 5 ? null
                : new Container(content, sectorSize, fat, entries.Where((e, i) => i == 0 || e.Type is 1 or 2).ToList(),
                    BinaryPrimitives.ReadUInt32LittleEndian(header[0x38..]), BinaryPrimitives.ReadUInt32LittleEndian(header[0x3C..]));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
