using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using HarmonyPortal.Bench;
using HarmonyPortal.Core.Spreadsheets;

// dotnet run -c Release --project bench/HarmonyPortal.Bench -- xlsx --rows 1000000 [--references] [--levels]
//   Writes the rows × 12 columns with the product XlsxWriter and with the bare ZipArchive + XmlWriter floor, each in
//   its own child process (so each peak working set is its own), and prints time, peak memory, size and the ratios.
//   --references also writes them with EPPlus 4.5.3.3 and NPOI 2.4.1 (SXSSF), the goal being ≥ 4× faster than both.
//   --levels also writes both at Fastest and the product at SmallestSize, for the compression trade-off.
//   --spreadcheetah also writes them with SpreadCheetah 1.29.0 in the same layout (ADR 0016): at Optimal, at Fastest
//   beside the product at Fastest, with the library's defaults (no cell references), and with the print-setup adapter.
// dotnet run -c Release --project bench/HarmonyPortal.Bench -- ledger-list --rows 1000000
//   The portal's ledger list query over N rows in a SQLite file, beside a raw-SQL page on the same index.
// dotnet run -c Release --project bench/HarmonyPortal.Bench -- year-end --rows 1000000
//   The province's year-end workbook over N ledger rows in a SQLite file, end to end, against the floor writer's N rows.
// dotnet run -c Release --project bench/HarmonyPortal.Bench -- import --rows 100000 [--keep DIR]
//   A county clerk's import of an N-row coordinator workbook, checked and committed into SQLite, against reading the file.
//   --postgres CONN imports into a fresh database on that PostgreSQL server instead
//   (left there: drop harmony_bench_import_*).
// dotnet run -c Release --project bench/HarmonyPortal.Bench -- logins [--seconds 10]
//   Password checks per second at the portal's PBKDF2 cost, one core and all, beside Identity's default cost.
// dotnet run -c Release --project bench/HarmonyPortal.Bench -- ciphers [--numbers 200000]   (ADR 0022)
//   ID numbers sealed, unsealed and hashed with SM4-GCM + HMAC-SM3 beside AES-256-GCM + HMAC-SHA256, same run.
// (internal) import-one --mode read|import|insert|insert-rows --file PATH --rows N [--db PATH --data DIR]
// dotnet run -c Release --project bench/HarmonyPortal.Bench -- generate | ledger-list-http | dashboard | pdf | report
//   The national data generator and the benchmarks against the published portal; bench/run.sh runs them all (README).
// dotnet run -c Release --project bench/HarmonyPortal.Bench -- page-times --db PATH --portal DIR --data DIR [--runs 20]   (issue 21)
//   Every page the browser journeys open, on the Development demo data, as their users: server time p95 per page (goal 100 ms).
// (internal) year-end-one --db PATH --out PATH
// (internal) xlsx-one --writer product|floor|epplus|npoi|spreadcheetah|spreadcheetah-bare|spreadcheetah-print --level Fastest|Optimal|SmallestSize --rows N --out PATH
// dotnet run -c Release --project bench/HarmonyPortal.Bench -- xlsx-read --rows 100000 [--timing-only]   (ADR 0017)
//   The same ledger upload read by the portal's .xlsx reader, MiniExcel and ExcelDataReader; texts compared cell by cell.
// dotnet run -c Release --project bench/HarmonyPortal.Bench -- closedxml --rows 100000   (ADR 0017)
//   ClosedXML 0.95.4 writing the export rows beside the portal's writer.
// (internal) xlsx-read-one --reader NAME --file PATH; closedxml-one --writer product|closedxml --rows N

return args.FirstOrDefault() switch
{
    "xlsx" => Compare(args),
    "xlsx-one" => RunOne(args),
    "year-end" => await YearEndBench.CompareAsync(int.Parse(Option(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture)),
    "year-end-one" => await YearEndBench.RunOneAsync(Option(args, "--db")!, Option(args, "--out")!),
    "import" => await ImportBench.CompareAsync(int.Parse(Option(args, "--rows") ?? "100000", CultureInfo.InvariantCulture), Option(args, "--keep"), Option(args, "--postgres"),
        insertRows: !args.Contains("--no-insert-rows")),
    "import-one" => await ImportBench.RunOneAsync(Option(args, "--mode")!, Option(args, "--file")!, int.Parse(Option(args, "--rows")!, CultureInfo.InvariantCulture), Option(args, "--db"), Option(args, "--data"), Option(args, "--provider")),
    "xlsx-read" => HarmonyPortal.Bench.Readers.ReaderBench.Compare(Args.Int(args, "--rows", 100_000), Args.Int(args, "--wide-rows", 3), args.Contains("--timing-only")),
    "xlsx-read-one" => HarmonyPortal.Bench.Readers.ReaderBench.RunOne(Option(args, "--reader")!, Option(args, "--file")!),
    "closedxml" => HarmonyPortal.Bench.Readers.ClosedXmlBench.Compare(Args.Int(args, "--rows", 100_000)),
    "closedxml-one" => HarmonyPortal.Bench.Readers.ClosedXmlBench.RunOne(Option(args, "--writer")!, Args.Int(args, "--rows", 100_000)),
    "ciphers" => CipherBench.Run(Args.Int(args, "--numbers", 200_000)),
    "logins" => LoginBench.Run(double.Parse(Option(args, "--seconds") ?? "10", CultureInfo.InvariantCulture)),
    "generate" => await HarmonyPortal.Bench.Data.Generator.RunAsync(args),
    "ledger-list-http" => await HarmonyPortal.Bench.Http.LedgerListHttpBench.RunAsync(args),
    "dashboard" => await HarmonyPortal.Bench.Http.DashboardBench.RunAsync(args),
    "pdf" => await HarmonyPortal.Bench.Http.PdfBench.RunAsync(args),
    "report" => await HarmonyPortal.Bench.Report.WriteAsync(args),
    "page-times" => await HarmonyPortal.Bench.Http.PageTimesBench.RunAsync(args),
    "ledger-list" => await LedgerListBench.RunAsync(int.Parse(Option(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: xlsx --rows N [--references] [--levels] | ledger-list --rows N | year-end --rows N | import --rows N | logins [--seconds S] | generate … | ledger-list-http … | dashboard … | pdf … | report … (README, \"Benchmarks\")");
    return 2;
}

static int Compare(string[] args)
{
    var rows = int.Parse(Option(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture);
    var runs = new List<(string Writer, CompressionLevel Level)>
    {
        ("floor", XlsxWriter.DefaultCompression),
        ("product", XlsxWriter.DefaultCompression),
    };
    if (args.Contains("--references"))
    {
        runs.Add(("epplus", XlsxWriter.DefaultCompression));
        runs.Add(("npoi", XlsxWriter.DefaultCompression));
    }

    if (args.Contains("--levels"))
    {
        runs.Add(("floor", CompressionLevel.Fastest));
        runs.Add(("product", CompressionLevel.Fastest));
        runs.Add(("product", CompressionLevel.SmallestSize));
    }

    if (args.Contains("--spreadcheetah"))
    {
        runs.Add(("spreadcheetah", XlsxWriter.DefaultCompression));
        runs.Add(("spreadcheetah-print", XlsxWriter.DefaultCompression));
        if (!runs.Contains(("product", CompressionLevel.Fastest)))
        {
            runs.Add(("product", CompressionLevel.Fastest));
        }

        runs.Add(("spreadcheetah", CompressionLevel.Fastest));
        runs.Add(("spreadcheetah-bare", CompressionLevel.Fastest));
    }

    Console.WriteLine($"{rows:N0} rows × {LedgerRows.Columns} columns, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    Console.WriteLine($"{"writer",-19} {"level",-13} {"time s",8} {"cpu s",8} {"peak MB",8} {"alloc MB",9} {"file MB",8}");
    var results = new Dictionary<(string, CompressionLevel), (double Seconds, double PeakMb, double FileMb, double AllocatedMb, double CpuSeconds)>();
    foreach (var (writer, level) in runs)
    {
        var path = Path.Combine(Path.GetTempPath(), $"harmony-bench-{writer}-{level}-{Guid.NewGuid():N}.xlsx");
        try
        {
            var result = Child(writer, level, rows, path);
            results[(writer, level)] = result;
            Console.WriteLine($"{writer,-19} {level,-13} {result.Seconds,8:0.00} {result.CpuSeconds,8:0.00} {result.PeakMb,8:0} {result.AllocatedMb,9:0} {result.FileMb,8:0.0}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    var product = results[("product", XlsxWriter.DefaultCompression)];
    var floor = results[("floor", XlsxWriter.DefaultCompression)];
    Console.WriteLine($"product/floor at {XlsxWriter.DefaultCompression}: time {product.Seconds / floor.Seconds:0.00}×, peak {product.PeakMb / floor.PeakMb:0.00}×, size {product.FileMb / floor.FileMb:0.00}×");
    // Issue 21: the goal is the product against SpreadCheetah 1.29.0 writing the same rows in the same layout and level
    // (ADR 0016), peak ≤ 100 MB; the floor writer stays reported. Without --spreadcheetah the floor is the baseline.
    var hasCheetah = results.TryGetValue(("spreadcheetah", XlsxWriter.DefaultCompression), out var cheetahRun);
    var (baseline, goal) = hasCheetah
        ? (cheetahRun, $"≤ 1.0× SpreadCheetah 1.29.0 writing the same rows ({rows:N0} rows × 12 columns, same layout and level)")
        : (floor, $"≤ 1.0× the floor writer ({rows:N0} rows × 12 columns; run with --spreadcheetah for the issue 21 reference)");
    Console.WriteLine($"goal: time ≤ 1.0× {(hasCheetah ? "SpreadCheetah" : "floor")}, peak ≤ 100 MB → time {product.Seconds / baseline.Seconds:0.00}× (cpu {product.CpuSeconds / baseline.CpuSeconds:0.00}×) {(product.Seconds <= baseline.Seconds ? "met" : "NOT met")}, peak {(product.PeakMb <= 100 ? "met" : "NOT met")}");
    var recorded = new List<BenchResult>
    {
        new("xlsx-export.time", product.Seconds, "s", baseline.Seconds, product.Seconds / baseline.Seconds, goal, product.Seconds <= baseline.Seconds),
        new("xlsx-export.peak-memory", product.PeakMb, "MB", baseline.PeakMb, product.PeakMb / baseline.PeakMb, "≤ 100 MB", product.PeakMb <= 100),
        new("xlsx-export.floor-time", product.Seconds, "s", floor.Seconds, product.Seconds / floor.Seconds, $"reported: the product against the floor writer ({rows:N0} rows × 12 columns)", null),
    };
    if (hasCheetah)
    {
        recorded.Add(new("xlsx-export.cpu", product.CpuSeconds, "s", cheetahRun.CpuSeconds, product.CpuSeconds / cheetahRun.CpuSeconds, "reported: CPU seconds against SpreadCheetah's (the steadier figure on a shared machine)", null));
    }

    foreach (var reference in ReferenceWriters.Names.Where(r => results.ContainsKey((r, XlsxWriter.DefaultCompression))))
    {
        var other = results[(reference, XlsxWriter.DefaultCompression)];
        recorded.Add(new($"xlsx-export.{reference}-time", other.Seconds, "s", product.Seconds, other.Seconds / product.Seconds,
            "product ≥ 4× faster (ratio = reference time / product time)", other.Seconds >= 4 * product.Seconds));
    }

    recorded.AddRange(SpreadCheetahResults(results));
    BenchResults.Record([.. recorded]);
    return 0;
}

// ADR 0016: SpreadCheetah against the product writer of the same run, at the same compression level.
static IEnumerable<BenchResult> SpreadCheetahResults(Dictionary<(string, CompressionLevel), (double Seconds, double PeakMb, double FileMb, double AllocatedMb, double CpuSeconds)> results)
{
    var optimal = XlsxWriter.DefaultCompression;
    if (!results.TryGetValue(("spreadcheetah", optimal), out var cheetah))
    {
        yield break;
    }

    var product = results[("product", optimal)];
    const string Goal = "reported (ADR 0016: ratio = SpreadCheetah / product writer, same layout and level)";
    Console.WriteLine($"spreadcheetah/product at {optimal}: time {cheetah.Seconds / product.Seconds:0.00}×, cpu {cheetah.CpuSeconds / product.CpuSeconds:0.00}×, peak {cheetah.PeakMb / product.PeakMb:0.00}×, allocated {cheetah.AllocatedMb / product.AllocatedMb:0.00}×, size {cheetah.FileMb / product.FileMb:0.00}×");
    yield return new("xlsx-export.spreadcheetah-time", cheetah.Seconds, "s", product.Seconds, cheetah.Seconds / product.Seconds, Goal, null);
    yield return new("xlsx-export.spreadcheetah-cpu", cheetah.CpuSeconds, "s", product.CpuSeconds, cheetah.CpuSeconds / product.CpuSeconds, Goal, null);
    yield return new("xlsx-export.spreadcheetah-peak-memory", cheetah.PeakMb, "MB", product.PeakMb, cheetah.PeakMb / product.PeakMb, Goal, null);
    yield return new("xlsx-export.spreadcheetah-allocated", cheetah.AllocatedMb, "MB", product.AllocatedMb, cheetah.AllocatedMb / product.AllocatedMb, Goal, null);
    yield return new("xlsx-export.spreadcheetah-file-size", cheetah.FileMb, "MB", product.FileMb, cheetah.FileMb / product.FileMb, Goal, null);
    if (results.TryGetValue(("spreadcheetah-print", optimal), out var print))
    {
        Console.WriteLine($"spreadcheetah+print adapter/product at {optimal}: time {print.Seconds / product.Seconds:0.00}×, cpu {print.CpuSeconds / product.CpuSeconds:0.00}×, peak {print.PeakMb / product.PeakMb:0.00}×");
        yield return new("xlsx-export.spreadcheetah-print-time", print.Seconds, "s", product.Seconds, print.Seconds / product.Seconds, Goal + "; with the print-setup adapter", null);
        yield return new("xlsx-export.spreadcheetah-print-cpu", print.CpuSeconds, "s", product.CpuSeconds, print.CpuSeconds / product.CpuSeconds, Goal + "; with the print-setup adapter", null);
    }

    if (results.TryGetValue(("spreadcheetah", CompressionLevel.Fastest), out var fast) && results.TryGetValue(("product", CompressionLevel.Fastest), out var productFast))
    {
        Console.WriteLine($"spreadcheetah/product at Fastest: time {fast.Seconds / productFast.Seconds:0.00}×, cpu {fast.CpuSeconds / productFast.CpuSeconds:0.00}×, size {fast.FileMb / productFast.FileMb:0.00}×");
        yield return new("xlsx-export.spreadcheetah-fastest-time", fast.Seconds, "s", productFast.Seconds, fast.Seconds / productFast.Seconds, Goal + "; both at Fastest", null);
    }
}

static (double Seconds, double PeakMb, double FileMb, double AllocatedMb, double CpuSeconds) Child(string writer, CompressionLevel level, int rows, string path)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        start.ArgumentList.Add(typeof(LedgerRows).Assembly.Location);
    }

    foreach (var arg in new[] { "xlsx-one", "--writer", writer, "--level", level.ToString(), "--rows", rows.ToString(CultureInfo.InvariantCulture), "--out", path })
    {
        start.ArgumentList.Add(arg);
    }

    using var child = Process.Start(start)!;
    var output = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    if (child.ExitCode != 0)
    {
        throw new InvalidOperationException($"{writer} {level} failed: {output}");
    }

    var parts = output.Trim().Split(' ');
    return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
        new FileInfo(path).Length / 1024.0 / 1024.0, double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture));
}

static int RunOne(string[] args)
{
    var writer = Option(args, "--writer")!;
    var level = Enum.Parse<CompressionLevel>(Option(args, "--level")!);
    var rows = int.Parse(Option(args, "--rows")!, CultureInfo.InvariantCulture);
    var path = Option(args, "--out")!;

    return PeakMemory.MeasureAsync(async () =>
    {
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            switch (writer)
            {
                case "spreadcheetah":
                    await SpreadCheetahWriters.WriteAsync(file, rows, CheetahLevel(level));
                    break;
                case "spreadcheetah-bare":
                    await SpreadCheetahWriters.WriteAsync(file, rows, CheetahLevel(level), cellReferences: false);
                    break;
                case "spreadcheetah-print":
                    await SpreadCheetahWriters.WriteWithPrintSetupAsync(file, rows, level);
                    break;
                case "product":
                    WriteProduct(file, level, rows);
                    break;
                case "epplus":
                    ReferenceWriters.WriteEpplus(file, rows);
                    break;
                case "npoi":
                    ReferenceWriters.WriteNpoi(file, rows);
                    break;
                default:
                    WriteFloor(file, level, rows);
                    break;
            }
        }
    }).GetAwaiter().GetResult();
}

static SpreadCheetah.SpreadCheetahCompressionLevel CheetahLevel(CompressionLevel level) =>
    level == CompressionLevel.Fastest ? SpreadCheetah.SpreadCheetahCompressionLevel.Fastest : SpreadCheetah.SpreadCheetahCompressionLevel.Optimal;

static void WriteProduct(Stream output, CompressionLevel level, int rows)
{
    using var writer = new XlsxWriter(output, leaveOpen: false, level);
    writer.StartSheet(LedgerRows.Spec());
    var cells = new CellValue[LedgerRows.Columns];
    for (var i = 1; i <= rows; i++)
    {
        LedgerRows.Fill(cells, i);
        writer.WriteRow(cells);
    }
}

static void WriteFloor(Stream output, CompressionLevel level, int rows)
{
    using var writer = new FloorXlsxWriter(output, level);
    for (var i = 1; i <= rows; i++)
    {
        writer.StartRow();
        writer.WriteNumber(i);
        writer.WriteText(LedgerRows.Name(i));
        writer.WriteText(LedgerRows.Id(i));
        writer.WriteText(LedgerRows.Unit);
        writer.WriteText(LedgerRows.Gender(i));
        writer.WriteNumber(LedgerRows.Serial(LedgerRows.Birth(i)));
        writer.WriteText(LedgerRows.Phone(i));
        writer.WriteNumber(LedgerRows.Salary(i));
        writer.WriteNumber(LedgerRows.Rate(i));
        writer.WriteText(LedgerRows.Address(i));
        writer.WriteNumber(LedgerRows.Serial(LedgerRows.Registered(i)));
        if (LedgerRows.Note(i) is { } note)
        {
            writer.WriteText(note);
        }
        else
        {
            writer.WriteEmpty();
        }

        writer.EndRow();
    }
}

static string? Option(string[] args, string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
