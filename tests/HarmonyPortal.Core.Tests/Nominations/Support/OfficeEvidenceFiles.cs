using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using HarmonyPortal.Spreadsheets.Tests.Support;

namespace HarmonyPortal.Core.Tests.Nominations.Support;

/// <summary>
/// Minimal real evidence files of the kinds offices still send, built in code: a Word 97–2003 document (an OLE compound
/// file with a "WordDocument" stream starting with its FIB, and a "1Table" stream), an Excel 97–2003 workbook (BIFF8),
/// and an .xlsx package; each optionally carrying what must be refused.
/// </summary>
public static class OfficeEvidenceFiles
{
    /// <summary>A .doc (and what WPS Office saves as .wps): <paramref name="flags"/> is the FIB's flag word (0x0100 fEncrypted).</summary>
    public static byte[] Doc(ushort flags = 0, IReadOnlyList<string>? storages = null, params (string Name, byte[] Content)[] extra)
    {
        var fib = new byte[4096];
        BinaryPrimitives.WriteUInt16LittleEndian(fib, 0xA5EC);         // wIdent
        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(2), 0x00C1); // nFib: Word 97
        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(0x0A), flags);
        return CompoundFile.Create([("WordDocument", fib), ("1Table", new byte[4096]), .. extra], storages);
    }

    /// <summary>An .xls with one cell; a macro sheet's BOUNDSHEET when <paramref name="macroSheet"/>, FILEPASS when <paramref name="encrypted"/>.</summary>
    public static byte[] Xls(bool encrypted = false, bool macroSheet = false, IReadOnlyList<string>? storages = null)
    {
        var stream = new Biff8Workbook { Encrypted = encrypted }.Cell(0, 0, "先进事迹").WorkbookStream();
        if (macroSheet)
        {
            for (var position = 0; position + 4 <= stream.Length;)
            {
                var type = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(position));
                if (type == 0x0085)
                {
                    stream[position + 4 + 5] = 0x01; // dt: Excel 4.0 macro sheet
                    break;
                }

                position += 4 + BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(position + 2));
            }
        }

        return CompoundFile.Create([("Workbook", stream)], storages);
    }

    public static byte[] Xlsx(bool macroEnabled = false, params (string Part, string Content)[] extra)
    {
        var main = macroEnabled ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{main}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""",
            ["_rels/.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
            ["xl/workbook.xml"] = """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""",
            ["xl/worksheets/sheet1.xml"] = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>服务企业名单</t></is></c></row></sheetData></worksheet>""",
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
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
