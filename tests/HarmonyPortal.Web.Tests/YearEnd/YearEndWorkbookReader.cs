using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HarmonyPortal.Web.Tests.YearEnd;

/// <summary>One visible sheet of a downloaded workbook: its name and every row's cell texts (row 1 is the title, row 3 the header).</summary>
public sealed record SheetText(string Name, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public IReadOnlyList<string> Header => Rows[2];

    public IReadOnlyList<IReadOnlyList<string>> Data => Rows.Skip(3).ToList();

    public int Column(string header) => Header.ToList().IndexOf(header);
}

/// <summary>Reads a workbook back with the Open XML SDK: the visible sheets in order, and the number of formula cells.</summary>
public static class YearEndWorkbookReader
{
    public static (IReadOnlyList<SheetText> Sheets, int Formulas) Read(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = doc.WorkbookPart!;
        var sheets = new List<SheetText>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>().Where(s => s.State is null || s.State.Value == SheetStateValues.Visible))
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            sheets.Add(new SheetText(sheet.Name!, part.Worksheet.Descendants<Row>()
                .Select(r => (IReadOnlyList<string>)r.Elements<Cell>().Select(Text).ToList()).ToList()));
        }

        return (sheets, workbook.WorksheetParts.Sum(p => p.Worksheet.Descendants<CellFormula>().Count()));
    }

    /// <summary>How every visible sheet prints and scrolls: orientation, pages wide, frozen rows, print titles.</summary>
    public static IReadOnlyList<string> PageSetups(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = doc.WorkbookPart!;
        var titles = workbook.Workbook.DefinedNames?.Elements<DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles").Select(d => d.LocalSheetId!.Value).ToHashSet() ?? [];
        return workbook.Workbook.Sheets!.Elements<Sheet>().Select((sheet, index) => (sheet, index))
            .Where(s => s.sheet.State is null || s.sheet.State.Value == SheetStateValues.Visible)
            .Select(s =>
            {
                var worksheet = ((WorksheetPart)workbook.GetPartById(s.sheet.Id!)).Worksheet;
                var setup = worksheet.Descendants<PageSetup>().Single();
                var pane = worksheet.Descendants<Pane>().SingleOrDefault();
                return $"{setup.Orientation?.InnerText} paper={setup.PaperSize?.Value} wide={setup.FitToWidth?.Value} frozen={pane?.VerticalSplit?.Value} titles={titles.Contains((uint)s.index)}";
            }).ToList();
    }

    private static string Text(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
        : cell.DataType?.Value == CellValues.SharedString ? throw new InvalidOperationException("The writer uses inline strings only.")
        : cell.CellValue?.Text ?? "";
}
