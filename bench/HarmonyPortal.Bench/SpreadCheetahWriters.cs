using System.Drawing;
using HarmonyPortal.Core.Spreadsheets;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Validations;
using SpreadCheetah.Worksheets;

namespace HarmonyPortal.Bench;

/// <summary>
/// The benchmark's ledger rows through SpreadCheetah 1.29.0 (ADR 0016), with as much of the product writer's layout
/// as the library can express: the merged title and 填报单位 line, the grey bold header, the frozen header, column
/// widths and default formats, the 性别 drop-down, a bordered style per column format, dates as serials with the date
/// style, and a reference on every cell (exceljs needs it; SpreadCheetah leaves it off by default). What it cannot
/// express — A4 landscape, one page wide, the page-number footer and the print titles — is what
/// <see cref="PrintSetupAdapter"/> adds afterwards, so that the "spreadcheetah-print" run measures a complete workbook.
/// </summary>
internal static class SpreadCheetahWriters
{
    public static readonly string[] Names = ["spreadcheetah", "spreadcheetah-print"];

    public static async Task WriteAsync(Stream output, int rows, SpreadCheetahCompressionLevel level, bool cellReferences = true)
    {
        var options = new SpreadCheetahOptions
        {
            CompressionLevel = level,
            WriteCellReferenceAttributes = cellReferences,
            DefaultFont = new DefaultFont { Name = "SimSun", Size = 11 }, // it refuses "宋体": font names need 3 characters or more
        };
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, options);
        var spec = LedgerRows.Spec();
        var styles = new Styles(spreadsheet);

        var worksheet = new WorksheetOptions { FrozenRows = 3 };
        for (var c = 0; c < spec.Columns.Count; c++)
        {
            var column = worksheet.Column(c + 1);
            column.Width = spec.Columns[c].Width;
            if (styles.ColumnDefault(spec.Columns[c].Format) is { } style)
            {
                column.DefaultStyle = style;
            }
        }

        await spreadsheet.StartWorksheetAsync(spec.Name, worksheet);
        await spreadsheet.AddRowAsync([new StyledCell(spec.Title, styles.Title)], new RowOptions { Height = 30 });
        await spreadsheet.AddRowAsync([new StyledCell(spec.Subtitle, styles.Subtitle)], new RowOptions { Height = 20 });
        await spreadsheet.AddRowAsync(spec.Columns.Select(c => new StyledCell(c.Header, styles.Header)).ToArray());
        spreadsheet.MergeCells("A1:L1");
        spreadsheet.MergeCells("A2:L2");
        spreadsheet.AddDataValidation("E4:E100000", DataValidation.ListValues(["男", "女"]));

        var formats = spec.Columns.Select(c => styles.DataCell(c.Format)).ToArray();
        var cells = new StyledCell[LedgerRows.Columns];
        for (var i = 1; i <= rows; i++)
        {
            cells[0] = new StyledCell(i, formats[0]);
            cells[1] = new StyledCell(LedgerRows.Name(i), formats[1]);
            cells[2] = new StyledCell(LedgerRows.Id(i), formats[2]);
            cells[3] = new StyledCell(LedgerRows.Unit, formats[3]);
            cells[4] = new StyledCell(LedgerRows.Gender(i), formats[4]);
            cells[5] = new StyledCell(LedgerRows.Serial(LedgerRows.Birth(i)), formats[5]);
            cells[6] = new StyledCell(LedgerRows.Phone(i), formats[6]);
            cells[7] = new StyledCell(LedgerRows.Salary(i), formats[7]);
            cells[8] = new StyledCell(LedgerRows.Rate(i), formats[8]);
            cells[9] = new StyledCell(LedgerRows.Address(i), formats[9]);
            cells[10] = new StyledCell(LedgerRows.Serial(LedgerRows.Registered(i)), formats[10]);
            cells[11] = new StyledCell(LedgerRows.Note(i), formats[11]);
            await spreadsheet.AddRowAsync(cells);
        }

        await spreadsheet.FinishAsync();
    }

    /// <summary>SpreadCheetah into a temporary file at its fastest level, then the print setup added while copying the package to the output.</summary>
    public static async Task WriteWithPrintSetupAsync(Stream output, int rows, System.IO.Compression.CompressionLevel level)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"harmony-bench-cheetah-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: false))
            {
                await WriteAsync(file, rows, SpreadCheetahCompressionLevel.Fastest);
            }

            using var input = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024);
            PrintSetupAdapter.Copy(input, output, level, sheetName: LedgerRows.Spec().Name, headerRow: 3);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The product writer's looks (XlsxStyles) as SpreadCheetah styles.</summary>
    private sealed class Styles
    {
        private static readonly Border Thin = new()
        {
            Left = new EdgeBorder { BorderStyle = BorderStyle.Thin },
            Right = new EdgeBorder { BorderStyle = BorderStyle.Thin },
            Top = new EdgeBorder { BorderStyle = BorderStyle.Thin },
            Bottom = new EdgeBorder { BorderStyle = BorderStyle.Thin },
        };

        private readonly Dictionary<CellFormat, StyleId> _data = [];
        private readonly Dictionary<CellFormat, Style> _columns = [];

        public Styles(Spreadsheet spreadsheet)
        {
            Title = spreadsheet.AddStyle(new Style
            {
                Font = { Bold = true, Size = 16 },
                Alignment = { Horizontal = HorizontalAlignment.Center, Vertical = VerticalAlignment.Center },
            });
            Subtitle = spreadsheet.AddStyle(new Style
            {
                Alignment = { Horizontal = HorizontalAlignment.Left, Vertical = VerticalAlignment.Center },
            });
            Header = spreadsheet.AddStyle(new Style
            {
                Font = { Bold = true },
                Fill = { Color = Color.FromArgb(0xD9, 0xD9, 0xD9) },
                Border = Thin,
                Alignment = { Horizontal = HorizontalAlignment.Center, Vertical = VerticalAlignment.Center, WrapText = true },
            });
            foreach (var format in Enum.GetValues<CellFormat>())
            {
                _data[format] = spreadsheet.AddStyle(new Style
                {
                    Border = Thin,
                    Alignment = { Vertical = VerticalAlignment.Center },
                    Format = NumberFormatOf(format),
                });
                if (format != CellFormat.General)
                {
                    _columns[format] = new Style { Format = NumberFormatOf(format) };
                }
            }
        }

        public StyleId Title { get; }

        public StyleId Subtitle { get; }

        public StyleId Header { get; }

        public StyleId DataCell(CellFormat format) => _data[format];

        public Style? ColumnDefault(CellFormat format) => _columns.GetValueOrDefault(format);

        private static NumberFormat? NumberFormatOf(CellFormat format) => format switch
        {
            CellFormat.Text => NumberFormat.Standard(StandardNumberFormat.Text),
            CellFormat.Date => NumberFormat.Custom("yyyy\\-mm\\-dd"),
            CellFormat.Integer => NumberFormat.Standard(StandardNumberFormat.NoDecimalPlaces),
            CellFormat.Percent => NumberFormat.Standard(StandardNumberFormat.PercentTwoDecimalPlaces),
            _ => null,
        };
    }
}
