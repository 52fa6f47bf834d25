using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace HarmonyPortal.Bench.Readers;

/// <summary>
/// The .xlsx reader benchmark (ADR 0017): the same ledger upload (<see cref="LedgerUploadWorkbook"/>, N rows × 12
/// columns) read by each of <see cref="ReaderCandidates"/>, each in its own child process (so each peak working set is
/// its own) after reading a 200-row file (so none measures JIT compilation). Time, peak working set and bytes
/// allocated are reported as ratios against the portal's reader in the same run. Then every cell's text is compared
/// with the portal's, and each reader reads a small file whose &lt;dimension&gt; claims 16,384 columns.
/// </summary>
internal static class ReaderBench
{
    /// <param name="timingOnly">Only time the portal's reader and MiniExcel (for 1,000,000 rows): no text comparison, nothing recorded.</param>
    public static int Compare(int rows, int wideRows, bool timingOnly = false)
    {
        ReaderFidelity.WideRows = wideRows;
        var work = Directory.CreateTempSubdirectory("harmony-bench-readers-");
        try
        {
            var file = Path.Combine(work.FullName, "ledger.xlsx");
            LedgerUploadWorkbook.Write(file, rows);
            using (var zip = ZipFile.OpenRead(file))
            {
                Console.WriteLine($"{rows:N0} rows × {LedgerUploadWorkbook.Columns} columns: {new FileInfo(file).Length / 1048576.0:0.0} MB, sheet {zip.GetEntry("xl/worksheets/sheet1.xml")!.Length / 1048576.0:0.0} MB and shared strings {zip.GetEntry("xl/sharedStrings.xml")!.Length / 1048576.0:0.0} MB inflated; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            }

            Console.WriteLine($"{"reader",-18} {"time s",8} {"peak MB",8} {"alloc MB",9} {"cells",10}   ratios to portal (time, peak, allocated)");
            var results = new Dictionary<string, Measure>();
            foreach (var reader in timingOnly ? ["portal", "miniexcel"] : ReaderCandidates.Names)
            {
                var m = Child(reader, file, rows);
                results[reader] = m;
                var p = results["portal"];
                Console.WriteLine($"{reader,-18} {m.Seconds,8:0.00} {m.PeakMb,8:0} {m.AllocatedMb,9:0} {m.Cells,10:N0}   {m.Seconds / p.Seconds:0.00}× {m.PeakMb / p.PeakMb:0.00}× {m.AllocatedMb / p.AllocatedMb:0.00}×");
            }

            if (timingOnly)
            {
                return 0;
            }

            var differences = ReaderFidelity.Compare(file);
            var wide = ReaderFidelity.DeclaredWidth(work.FullName);

            var portal = results["portal"];
            var recorded = new List<BenchResult>();
            foreach (var reader in ReaderCandidates.Names.Where(r => r != "portal"))
            {
                var m = results[reader];
                var key = $"xlsx-import.{reader}";
                recorded.Add(new($"{key}-time", m.Seconds, "s", portal.Seconds, m.Seconds / portal.Seconds, $"reported ({rows:N0} rows × 12; baseline = the portal's reader, same guards)", null));
                recorded.Add(new($"{key}-peak-memory", m.PeakMb, "MB", portal.PeakMb, m.PeakMb / portal.PeakMb, "reported", null));
                recorded.Add(new($"{key}-allocated", m.AllocatedMb, "MB", portal.AllocatedMb, m.AllocatedMb / portal.AllocatedMb, "reported", null));
                recorded.Add(new($"{key}-text-differences", differences[reader], "cells", null, null, "switch only at 0 (cells whose text differs from the portal reader's)", differences[reader] == 0));
                recorded.Add(new($"{key}-declared-width-time", wide[reader], "s", wide["portal"], wide[reader] / wide["portal"], $"reported ({ReaderFidelity.WideRows:N0} one-cell rows whose dimension claims A1:XFD)", null));
            }

            BenchResults.Record([.. recorded]);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Child process: prints "seconds peakMB allocatedMB cells" for one reader over the file.</summary>
    public static int RunOne(string reader, string file)
    {
        var warmUp = Path.Combine(Path.GetDirectoryName(file)!, $"warm-up-{reader}.xlsx");
        LedgerUploadWorkbook.Write(warmUp, 200);
        _ = CountCells(reader, warmUp);
        File.Delete(warmUp);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var cells = CountCells(reader, file);
        stopwatch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stopwatch.Elapsed.TotalSeconds:0.000} {process.PeakWorkingSet64 / 1048576.0:0.0} {allocated / 1048576.0:0.0} {cells}"));
        return 0;
    }

    private static long CountCells(string reader, string file)
    {
        long cells = 0;
        foreach (var (_, texts) in ReaderCandidates.Read(reader, file))
        {
            foreach (var text in texts)
            {
                cells += text is null ? 0 : 1;
            }
        }

        return cells;
    }

    private sealed record Measure(double Seconds, double PeakMb, double AllocatedMb, long Cells);

    private static Measure Child(string reader, string file, int rows)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ReaderBench).Assembly.Location);
        }

        foreach (var arg in new[] { "xlsx-read-one", "--reader", reader, "--file", file, "--rows", rows.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{reader} failed: {output}");
        }

        var parts = output.Trim().Split('\n')[^1].Split(' ');
        return new Measure(Parse(parts[0]), Parse(parts[1]), Parse(parts[2]), long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
