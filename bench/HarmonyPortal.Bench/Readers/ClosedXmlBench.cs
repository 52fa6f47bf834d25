using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using HarmonyPortal.Core.Spreadsheets;

namespace HarmonyPortal.Bench.Readers;

/// <summary>
/// ClosedXML 0.95.4 (the design card's library, a 2021 release) measured once writing the export benchmark's N rows ×
/// 12 columns (<see cref="LedgerRows"/>), beside the portal's own writer in the same run, each in its own child process.
/// ClosedXML builds the whole workbook in memory before saving. Bench only: ADR 0017 rejects it on this figure.
/// </summary>
internal static class ClosedXmlBench
{
    public static int Compare(int rows)
    {
        Console.WriteLine($"{rows:N0} rows × {LedgerRows.Columns} columns, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var product = Child("product", rows);
        Console.WriteLine($"product    {product.Seconds,8:0.00} s {product.PeakMb,8:0} MB");
        var closedXml = Child("closedxml", rows);
        Console.WriteLine($"closedxml  {closedXml.Seconds,8:0.00} s {closedXml.PeakMb,8:0} MB   ({closedXml.Seconds / product.Seconds:0.0}× the time, {closedXml.PeakMb / product.PeakMb:0.0}× the peak)");
        BenchResults.Record(
            new BenchResult("xlsx-export.closedxml-time", closedXml.Seconds, "s", product.Seconds, closedXml.Seconds / product.Seconds,
                $"reported: rejected (ADR 0017); ratio = ClosedXML time / product time, {rows:N0} rows", null),
            new BenchResult("xlsx-export.closedxml-peak-memory", closedXml.PeakMb, "MB", product.PeakMb, closedXml.PeakMb / product.PeakMb, "reported", null));
        return 0;
    }

    /// <summary>Child process: writes the rows with "product" or "closedxml" into a temporary file; prints "seconds peakMB".</summary>
    public static int RunOne(string writer, int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"harmony-bench-{writer}-{Guid.NewGuid():N}.xlsx");
        try
        {
            return PeakMemory.MeasureAsync(() =>
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
                if (writer == "closedxml")
                {
                    WriteClosedXml(file, rows);
                }
                else
                {
                    WriteProduct(file, rows);
                }

                return Task.CompletedTask;
            }).GetAwaiter().GetResult();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteProduct(Stream output, int rows)
    {
        using var writer = new XlsxWriter(output);
        writer.StartSheet(LedgerRows.Spec());
        var cells = new CellValue[LedgerRows.Columns];
        for (var i = 1; i <= rows; i++)
        {
            LedgerRows.Fill(cells, i);
            writer.WriteRow(cells);
        }
    }

    /// <summary>Same header, date and percent formats as the EPPlus and NPOI references; text set as text (SetValue of a string).</summary>
    private static void WriteClosedXml(Stream output, int rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("台账");
        var spec = LedgerRows.Spec();
        for (var c = 0; c < spec.Columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(spec.Columns[c].Header).Style.Font.Bold = true;
        }

        sheet.Column(6).Style.NumberFormat.Format = "yyyy-mm-dd";
        sheet.Column(11).Style.NumberFormat.Format = "yyyy-mm-dd";
        sheet.Column(9).Style.NumberFormat.Format = "0%";
        for (var i = 1; i <= rows; i++)
        {
            var r = i + 1;
            sheet.Cell(r, 1).SetValue(i);
            sheet.Cell(r, 2).SetValue(LedgerRows.Name(i));
            sheet.Cell(r, 3).SetValue(LedgerRows.Id(i));
            sheet.Cell(r, 4).SetValue(LedgerRows.Unit);
            sheet.Cell(r, 5).SetValue(LedgerRows.Gender(i));
            sheet.Cell(r, 6).SetValue(LedgerRows.Birth(i).ToDateTime(TimeOnly.MinValue));
            sheet.Cell(r, 7).SetValue(LedgerRows.Phone(i));
            sheet.Cell(r, 8).SetValue(LedgerRows.Salary(i));
            sheet.Cell(r, 9).SetValue(LedgerRows.Rate(i));
            sheet.Cell(r, 10).SetValue(LedgerRows.Address(i));
            sheet.Cell(r, 11).SetValue(LedgerRows.Registered(i).ToDateTime(TimeOnly.MinValue));
            if (LedgerRows.Note(i) is { } note)
            {
                sheet.Cell(r, 12).SetValue(note);
            }
        }

        sheet.SheetView.FreezeRows(1);
        workbook.SaveAs(output);
    }

    private static (double Seconds, double PeakMb) Child(string writer, int rows)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ClosedXmlBench).Assembly.Location);
        }

        foreach (var arg in new[] { "closedxml-one", "--writer", writer, "--rows", rows.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{writer} failed: {output}");
        }

        var parts = output.Trim().Split('\n')[^1].Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
