using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HarmonyPortal.Core.Spreadsheets;

namespace HarmonyPortal.Spreadsheets.Tests.Support;

/// <summary>Writes workbooks with the product writer and reads them back with the Open XML SDK.</summary>
public static class Workbooks
{
    public static byte[] Write(Action<XlsxWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new XlsxWriter(buffer, leaveOpen: true))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    public static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    public static WorksheetPart SheetPart(SpreadsheetDocument document, string name)
    {
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
    }

    /// <summary>The text of a cell as written: the inline string, or the raw value of a number cell.</summary>
    public static string? Text(Cell? cell) =>
        cell is null ? null : cell.InlineString is { } inline ? inline.InnerText : cell.CellValue?.Text;

    /// <summary>
    /// The cell at an A1 reference. Data cells carry no reference (their position is implied, as the format allows),
    /// so cells are located by row number and position.
    /// </summary>
    public static Cell? CellAt(Worksheet worksheet, string reference)
    {
        var letters = new string(reference.TakeWhile(char.IsAsciiLetter).ToArray());
        var rowNumber = uint.Parse(reference[letters.Length..], System.Globalization.CultureInfo.InvariantCulture);
        var column = letters.Aggregate(0, (n, c) => n * 26 + c - 'A' + 1);
        var row = worksheet.Descendants<Row>().SingleOrDefault(r => r.RowIndex! == rowNumber);
        var position = 0;
        foreach (var cell in row?.Elements<Cell>() ?? [])
        {
            position = cell.CellReference?.Value is { } r
                ? new string(r.TakeWhile(char.IsAsciiLetter).ToArray()).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1)
                : position + 1;
            if (position == column)
            {
                return cell;
            }
        }

        return null;
    }

    /// <summary>Every XML part of the package as text, by entry name.</summary>
    public static Dictionary<string, string> Parts(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }
}
