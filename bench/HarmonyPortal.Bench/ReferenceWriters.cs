using NPOI.SS.UserModel;
using NPOI.XSSF.UserModel;
using OfficeOpenXml;

namespace HarmonyPortal.Bench;

/// <summary>
/// The same N rows × 12 columns as the product and the floor writer, through the two libraries Chinese offices' systems
/// commonly use: EPPlus 4.5.3.3 (the last LGPL version) and NPOI 2.4.1's XSSF workbook, both building the whole package
/// in memory. (NPOI's streaming SXSSF cannot be used here: 2.4.1 calls a SharpZipLib constructor that 1.4, the only
/// version this registry serves, removed.) Same header, same date and percent formats, text written as text, dates as
/// date serials. References inside the benchmark only.
/// </summary>
internal static class ReferenceWriters
{
    public static readonly string[] Names = ["epplus", "npoi"];

    public static void WriteEpplus(Stream output, int rows)
    {
        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add("台账");
        var spec = LedgerRows.Spec();
        for (var c = 0; c < spec.Columns.Count; c++)
        {
            sheet.Cells[1, c + 1].Value = spec.Columns[c].Header;
        }

        sheet.Cells[1, 1, 1, spec.Columns.Count].Style.Font.Bold = true;
        sheet.Column(6).Style.Numberformat.Format = "yyyy-mm-dd";
        sheet.Column(11).Style.Numberformat.Format = "yyyy-mm-dd";
        sheet.Column(9).Style.Numberformat.Format = "0%";
        for (var i = 1; i <= rows; i++)
        {
            var r = i + 1;
            sheet.Cells[r, 1].Value = i;
            sheet.Cells[r, 2].Value = LedgerRows.Name(i);
            sheet.Cells[r, 3].Value = LedgerRows.Id(i);
            sheet.Cells[r, 4].Value = LedgerRows.Unit;
            sheet.Cells[r, 5].Value = LedgerRows.Gender(i);
            sheet.Cells[r, 6].Value = LedgerRows.Birth(i).ToDateTime(TimeOnly.MinValue);
            sheet.Cells[r, 7].Value = LedgerRows.Phone(i);
            sheet.Cells[r, 8].Value = LedgerRows.Salary(i);
            sheet.Cells[r, 9].Value = LedgerRows.Rate(i);
            sheet.Cells[r, 10].Value = LedgerRows.Address(i);
            sheet.Cells[r, 11].Value = LedgerRows.Registered(i).ToDateTime(TimeOnly.MinValue);
            sheet.Cells[r, 12].Value = LedgerRows.Note(i);
        }

        sheet.View.FreezePanes(2, 1);
        package.SaveAs(output);
    }

    public static void WriteNpoi(Stream output, int rows)
    {
        var workbook = new XSSFWorkbook();
        try
        {
            var sheet = workbook.CreateSheet("台账");
            var format = workbook.CreateDataFormat();
            var date = workbook.CreateCellStyle();
            date.DataFormat = format.GetFormat("yyyy-mm-dd");
            var percent = workbook.CreateCellStyle();
            percent.DataFormat = format.GetFormat("0%");
            var bold = workbook.CreateCellStyle();
            var font = workbook.CreateFont();
            font.IsBold = true;
            bold.SetFont(font);

            var spec = LedgerRows.Spec();
            var header = sheet.CreateRow(0);
            for (var c = 0; c < spec.Columns.Count; c++)
            {
                var cell = header.CreateCell(c);
                cell.SetCellValue(spec.Columns[c].Header);
                cell.CellStyle = bold;
            }

            for (var i = 1; i <= rows; i++)
            {
                var row = sheet.CreateRow(i);
                row.CreateCell(0).SetCellValue(i);
                row.CreateCell(1).SetCellValue(LedgerRows.Name(i));
                row.CreateCell(2).SetCellValue(LedgerRows.Id(i));
                row.CreateCell(3).SetCellValue(LedgerRows.Unit);
                row.CreateCell(4).SetCellValue(LedgerRows.Gender(i));
                Styled(row.CreateCell(5), date).SetCellValue(LedgerRows.Serial(LedgerRows.Birth(i)));
                row.CreateCell(6).SetCellValue(LedgerRows.Phone(i));
                row.CreateCell(7).SetCellValue(LedgerRows.Salary(i));
                Styled(row.CreateCell(8), percent).SetCellValue(LedgerRows.Rate(i));
                row.CreateCell(9).SetCellValue(LedgerRows.Address(i));
                Styled(row.CreateCell(10), date).SetCellValue(LedgerRows.Serial(LedgerRows.Registered(i)));
                if (LedgerRows.Note(i) is { } note)
                {
                    row.CreateCell(11).SetCellValue(note);
                }
            }

            sheet.CreateFreezePane(0, 1);
            workbook.Write(output);
        }
        finally
        {
            workbook.Close();
        }
    }

    private static ICell Styled(ICell cell, ICellStyle style)
    {
        cell.CellStyle = style;
        return cell;
    }
}
