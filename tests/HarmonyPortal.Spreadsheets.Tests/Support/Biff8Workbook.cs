using System.Buffers.Binary;
using System.Text;

namespace HarmonyPortal.Spreadsheets.Tests.Support;

/// <summary>
/// Writes a minimal Excel 97–2003 workbook: a BIFF8 "Workbook" stream ([MS-XLS]) in a compound file, with one
/// worksheet of shared strings (LABELSST), inline strings (LABEL), numbers (NUMBER), dates (NUMBER with a
/// yyyy-mm-dd format), booleans (BOOLERR) and merged cells (MERGECELLS). Assembled record by record from the
/// specification; it is not a file saved by Excel or WPS.
/// </summary>
public sealed class Biff8Workbook
{
    private readonly List<(int Row, int Column, object Value)> _cells = [];
    private readonly List<(int FirstRow, int LastRow, int FirstColumn, int LastColumn)> _merges = [];

    public string SheetName { get; init; } = "Sheet1";

    /// <summary>Adds a FILEPASS record (RC4, random verifier): the workbook then needs a password nobody knows.</summary>
    public bool Encrypted { get; init; }

    /// <summary>Overrides the row count the DIMENSIONS record declares (rwMac, 32 bits); by default the real one.</summary>
    public uint? DeclaredRows { get; init; }

    /// <summary>Overrides the column count the DIMENSIONS record declares (colMac, 16 bits); by default the real one.</summary>
    public ushort? DeclaredColumns { get; init; }

    /// <summary>Sets a cell, 0-based. Strings go to the shared string table unless <paramref name="inline"/>.</summary>
    public Biff8Workbook Cell(int row, int column, object value, bool inline = false)
    {
        _cells.Add((row, column, inline && value is string s ? new InlineText(s) : value));
        return this;
    }

    public Biff8Workbook Merge(int firstRow, int lastRow, int firstColumn, int lastColumn)
    {
        _merges.Add((firstRow, lastRow, firstColumn, lastColumn));
        return this;
    }

    public byte[] ToCompoundFile() => CompoundFile.Create([("Workbook", WorkbookStream())]);

    public byte[] WorkbookStream()
    {
        var strings = _cells.Select(c => c.Value).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        var globals = new MemoryStream();
        Record(globals, 0x0809, Bof(0x0005));
        if (Encrypted)
        {
            var filePass = new byte[2 + 4 + 48];
            BinaryPrimitives.WriteUInt16LittleEndian(filePass, 1);            // RC4
            BinaryPrimitives.WriteUInt16LittleEndian(filePass.AsSpan(2), 1);  // major version 1: RC4 encryption header
            BinaryPrimitives.WriteUInt16LittleEndian(filePass.AsSpan(4), 1);  // minor version 1
            Random.Shared.NextBytes(filePass.AsSpan(6));                      // salt, encrypted verifier and its hash
            Record(globals, 0x002F, filePass);
        }

        Record(globals, 0x0042, U16(1200));    // CODEPAGE: UTF-16
        Record(globals, 0x0022, U16(0));       // DATEMODE: 1900 system
        Record(globals, 0x0031, Font());       // FONT 0–4 (index 4 is skipped by Excel's numbering)
        Record(globals, 0x0031, Font());
        Record(globals, 0x0031, Font());
        Record(globals, 0x0031, Font());
        Record(globals, 0x0031, Font());
        Record(globals, 0x041E, Format(164, "yyyy-mm-dd"));
        for (var i = 0; i < 15; i++)
        {
            Record(globals, 0x00E0, Xf(style: true, format: 0));
        }

        Record(globals, 0x00E0, Xf(style: false, format: 0));   // 15: default cell format
        Record(globals, 0x00E0, Xf(style: false, format: 164)); // 16: date cells
        var boundSheetOffset = globals.Length + 4;
        Record(globals, 0x0085, BoundSheet(SheetName));
        Record(globals, 0x00FC, SharedStrings(strings, _cells.Count(c => c.Value is string)));
        Record(globals, 0x000A, []);

        var sheetStart = globals.Length;
        var sheet = new MemoryStream();
        Record(sheet, 0x0809, Bof(0x0010));
        var lastRow = _cells.Count == 0 ? 0 : _cells.Max(c => c.Row) + 1;
        var lastColumn = _cells.Count == 0 ? 0 : _cells.Max(c => c.Column) + 1;
        var dimensions = new byte[14];
        BinaryPrimitives.WriteUInt32LittleEndian(dimensions.AsSpan(4), DeclaredRows ?? (uint)lastRow);
        BinaryPrimitives.WriteUInt16LittleEndian(dimensions.AsSpan(10), DeclaredColumns ?? (ushort)lastColumn);
        Record(sheet, 0x0200, dimensions);
        foreach (var (row, column, value) in _cells.OrderBy(c => c.Row).ThenBy(c => c.Column))
        {
            WriteCell(sheet, row, column, value, strings);
        }

        if (_merges.Count > 0)
        {
            var merges = new byte[2 + 8 * _merges.Count];
            BinaryPrimitives.WriteUInt16LittleEndian(merges, (ushort)_merges.Count);
            for (var i = 0; i < _merges.Count; i++)
            {
                var m = _merges[i];
                var at = merges.AsSpan(2 + 8 * i);
                BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)m.FirstRow);
                BinaryPrimitives.WriteUInt16LittleEndian(at[2..], (ushort)m.LastRow);
                BinaryPrimitives.WriteUInt16LittleEndian(at[4..], (ushort)m.FirstColumn);
                BinaryPrimitives.WriteUInt16LittleEndian(at[6..], (ushort)m.LastColumn);
            }

            Record(sheet, 0x00E5, merges);
        }

        Record(sheet, 0x000A, []);

        var workbook = globals.ToArray().Concat(sheet.ToArray()).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(workbook.AsSpan((int)boundSheetOffset), (uint)sheetStart);
        return workbook;
    }

    private static void WriteCell(MemoryStream sheet, int row, int column, object value, List<string> strings)
    {
        var head = new byte[6];
        BinaryPrimitives.WriteUInt16LittleEndian(head, (ushort)row);
        BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(2), (ushort)column);
        switch (value)
        {
            case string text:
                BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(4), 15);
                Record(sheet, 0x00FD, [.. head, .. U32((uint)strings.IndexOf(text))]);
                break;
            case InlineText inline:
                BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(4), 15);
                Record(sheet, 0x0204, [.. head, .. UnicodeString(inline.Text)]);
                break;
            case double number:
                BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(4), 15);
                Record(sheet, 0x0203, [.. head, .. BitConverter.GetBytes(number)]);
                break;
            case DateOnly date:
                BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(4), 16);
                var serial = date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
                Record(sheet, 0x0203, [.. head, .. BitConverter.GetBytes((double)serial)]);
                break;
            case bool flag:
                BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(4), 15);
                Record(sheet, 0x0205, [.. head, flag ? (byte)1 : (byte)0, 0]);
                break;
            default:
                throw new ArgumentException($"Unsupported test value {value}");
        }
    }

    private static byte[] Bof(ushort type)
    {
        var bof = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(bof, 0x0600);            // BIFF8
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(2), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(4), 0x0DBB);  // build
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(6), 0x07CC);  // year
        BinaryPrimitives.WriteUInt32LittleEndian(bof.AsSpan(8), 0x000100C1);
        BinaryPrimitives.WriteUInt32LittleEndian(bof.AsSpan(12), 0x00000406);
        return bof;
    }

    private static byte[] Font()
    {
        var name = Encoding.Unicode.GetBytes("Arial");
        var font = new byte[14 + 2 + name.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(font, 200);                // 10 pt
        BinaryPrimitives.WriteUInt16LittleEndian(font.AsSpan(4), 0x7FFF);   // automatic colour
        BinaryPrimitives.WriteUInt16LittleEndian(font.AsSpan(6), 400);      // normal weight
        font[14] = 5;
        font[15] = 1;
        name.CopyTo(font, 16);
        return font;
    }

    private static byte[] Format(ushort id, string code) => [.. U16(id), .. UnicodeString(code)];

    private static byte[] Xf(bool style, ushort format)
    {
        var xf = new byte[20];
        BinaryPrimitives.WriteUInt16LittleEndian(xf.AsSpan(2), format);
        BinaryPrimitives.WriteUInt16LittleEndian(xf.AsSpan(4), style ? (ushort)0xFFF5 : (ushort)0x0001);
        xf[6] = 0x20; // bottom alignment
        if (!style && format != 0)
        {
            xf[9] = 0x04; // the number format is this XF's own
        }

        return xf;
    }

    private static byte[] BoundSheet(string name)
    {
        var chars = Encoding.Unicode.GetBytes(name);
        return [.. U32(0), 0, 0, (byte)name.Length, 1, .. chars];
    }

    private static byte[] SharedStrings(List<string> strings, int total)
    {
        var data = new List<byte>(U32((uint)total));
        data.AddRange(U32((uint)strings.Count));
        foreach (var text in strings)
        {
            data.AddRange(UnicodeString(text));
        }

        if (data.Count > 8224)
        {
            throw new NotSupportedException("Test SST must fit one record (no CONTINUE).");
        }

        return [.. data];
    }

    private static byte[] UnicodeString(string text) => [.. U16((ushort)text.Length), 1, .. Encoding.Unicode.GetBytes(text)];

    private static void Record(MemoryStream stream, ushort type, byte[] data)
    {
        stream.Write(U16(type));
        stream.Write(U16((ushort)data.Length));
        stream.Write(data);
    }

    private static byte[] U16(ushort value) => BitConverter.GetBytes(value);

    private static byte[] U32(uint value) => BitConverter.GetBytes(value);

    private sealed record InlineText(string Text);
}
