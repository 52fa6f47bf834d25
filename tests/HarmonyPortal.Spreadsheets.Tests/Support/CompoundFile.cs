using System.Buffers.Binary;
using System.Text;

namespace HarmonyPortal.Spreadsheets.Tests.Support;

/// <summary>
/// Writes a Compound File Binary (the OLE2 container of .xls files, version 3, 512-byte sectors) holding the given
/// streams, per [MS-CFB]. Streams shorter than the 4,096-byte mini-stream cutoff are padded up to it so that every
/// stream lives in regular sectors and no mini stream is needed.
/// </summary>
public static class CompoundFile
{
    private const int SectorSize = 512;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint NoStream = 0xFFFFFFFF;
    private const int MiniStreamCutoff = 4096;

    /// <param name="streams">The streams under the root.</param>
    /// <param name="storages">Empty storages under the root beside them (as a "Macros" or "_VBA_PROJECT_CUR" storage is named).</param>
    public static byte[] Create(IReadOnlyList<(string Name, byte[] Content)> streams, IReadOnlyList<string>? storages = null)
    {
        var padded = streams.Select(s => (s.Name, Content: s.Content.Length >= MiniStreamCutoff ? s.Content : Pad(s.Content, MiniStreamCutoff))).ToList();
        var storageCount = storages?.Count ?? 0;

        // Sector plan: the streams, then the directory, then the FAT.
        var fat = new List<uint>();
        var starts = new List<uint>();
        foreach (var (_, content) in padded)
        {
            var count = (content.Length + SectorSize - 1) / SectorSize;
            starts.Add((uint)fat.Count);
            for (var i = 0; i < count; i++)
            {
                fat.Add(i == count - 1 ? EndOfChain : (uint)(fat.Count + 1));
            }
        }

        var directoryEntries = padded.Count + storageCount + 1;
        var directorySectors = (directoryEntries * 128 + SectorSize - 1) / SectorSize;
        var directoryStart = (uint)fat.Count;
        for (var i = 0; i < directorySectors; i++)
        {
            fat.Add(i == directorySectors - 1 ? EndOfChain : (uint)(fat.Count + 1));
        }

        var fatSectors = 1;
        while ((fat.Count + fatSectors) > fatSectors * (SectorSize / 4))
        {
            fatSectors++;
        }

        if (fatSectors > 109)
        {
            throw new NotSupportedException("Test compound files stay below 109 FAT sectors.");
        }

        var fatStart = (uint)fat.Count;
        for (var i = 0; i < fatSectors; i++)
        {
            fat.Add(FatSector);
        }

        while (fat.Count % (SectorSize / 4) != 0)
        {
            fat.Add(FreeSector);
        }

        var output = new byte[SectorSize * (1 + (int)fatStart + fatSectors)];
        WriteHeader(output.AsSpan(0, SectorSize), fatSectors, directoryStart, fatStart);

        for (var s = 0; s < padded.Count; s++)
        {
            padded[s].Content.CopyTo(output.AsSpan(SectorSize * (1 + (int)starts[s])));
        }

        var directory = output.AsSpan(SectorSize * (1 + (int)directoryStart), directorySectors * SectorSize);
        // Siblings must be ordered by (length, upper-case name); a right-leaning chain of black nodes is a valid tree.
        var names = padded.Select(p => p.Name).Concat(storages ?? []).ToList();
        var order = Enumerable.Range(0, names.Count)
            .OrderBy(i => names[i].Length).ThenBy(i => names[i].ToUpperInvariant(), StringComparer.Ordinal).ToList();
        WriteEntry(directory[..128], "Root Entry", type: 5, left: NoStream, right: NoStream,
            child: order.Count > 0 ? (uint)(order[0] + 1) : NoStream, start: EndOfChain, size: 0);
        for (var k = 0; k < order.Count; k++)
        {
            var i = order[k];
            var right = k + 1 < order.Count ? (uint)(order[k + 1] + 1) : NoStream;
            if (i < padded.Count)
            {
                WriteEntry(directory.Slice((i + 1) * 128, 128), padded[i].Name, type: 2, left: NoStream, right: right,
                    child: NoStream, start: starts[i], size: (uint)padded[i].Content.Length);
            }
            else
            {
                WriteEntry(directory.Slice((i + 1) * 128, 128), names[i], type: 1, left: NoStream, right: right, child: NoStream, start: 0, size: 0);
            }
        }

        for (var e = directoryEntries; e < directorySectors * SectorSize / 128; e++)
        {
            var empty = directory.Slice(e * 128, 128);
            BinaryPrimitives.WriteUInt32LittleEndian(empty[0x44..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(empty[0x48..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(empty[0x4C..], NoStream);
        }

        var fatBytes = output.AsSpan(SectorSize * (1 + (int)fatStart), fatSectors * SectorSize);
        for (var i = 0; i < fat.Count && i * 4 < fatBytes.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fatBytes[(i * 4)..], fat[i]);
        }

        for (var i = fat.Count; i * 4 < fatBytes.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fatBytes[(i * 4)..], FreeSector);
        }

        return output;
    }

    private static void WriteHeader(Span<byte> header, int fatSectors, uint directoryStart, uint fatStart)
    {
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x003E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 0x0003); // major version 3
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE); // little-endian
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);      // 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);      // 64-byte mini sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], (uint)fatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], directoryStart);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], MiniStreamCutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], EndOfChain); // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain); // no DIFAT sectors
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + i * 4)..], i < fatSectors ? fatStart + (uint)i : FreeSector);
        }
    }

    private static void WriteEntry(Span<byte> entry, string name, byte type, uint left, uint right, uint child, uint start, uint size)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name);
        nameBytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(nameBytes.Length + 2));
        entry[0x42] = type;
        entry[0x43] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], left);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x78..], size);
    }

    private static byte[] Pad(byte[] content, int length)
    {
        var padded = new byte[length];
        content.CopyTo(padded, 0);
        return padded;
    }
}
