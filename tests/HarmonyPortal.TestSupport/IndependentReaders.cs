using System.Diagnostics;
using System.Text.Json;

namespace HarmonyPortal.TestSupport;

/// <summary>One sheet as an independent reader saw it: its name, its state ("visible", "hidden") and its non-empty cells by reference ("B7").</summary>
public sealed record ReaderSheet(string Name, string State, IReadOnlyDictionary<string, string> Cells)
{
    public string? Cell(string reference) => Cells.TryGetValue(reference, out var value) ? value : null;
}

/// <summary>One workbook as one reader saw it.</summary>
public sealed record ReaderWorkbook(string Reader, IReadOnlyList<ReaderSheet> Sheets)
{
    public ReaderSheet Sheet(string name) =>
        Sheets.SingleOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"{Reader}: no sheet \"{name}\" (sheets: {string.Join(", ", Sheets.Select(s => s.Name))}).");
}

/// <summary>
/// Opens workbooks with two readers independent of the portal, as province staff's own tools would: exceljs (node,
/// from npm, kept in tools/xlsx-readers) and openpyxl (Debian's python3-openpyxl). test.sh installs both when missing;
/// exceljs is also installed here on first use. A reader that cannot open a file fails the test with its own message.
/// </summary>
public static class IndependentReaders
{
    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static bool _ready;

    /// <summary>Each workbook read by exceljs and by openpyxl: for every file, the exceljs view then the openpyxl view.</summary>
    public static async Task<IReadOnlyList<ReaderWorkbook>> ReadAsync(byte[] workbook) => (await ReadAllAsync([workbook]))[0];

    /// <summary>Several workbooks in one run of each reader; result i holds workbook i's exceljs and openpyxl views.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<ReaderWorkbook>>> ReadAllAsync(IReadOnlyList<byte[]> workbooks)
    {
        var tools = Path.Combine(TestPaths.RepositoryRoot(), "tools", "xlsx-readers");
        await EnsureInstalledAsync(tools);
        var folder = Path.Combine(TestPaths.Scratch("xlsx-readers"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var paths = new List<string>();
            for (var i = 0; i < workbooks.Count; i++)
            {
                var path = Path.Combine(folder, $"workbook{i + 1}.xlsx");
                await File.WriteAllBytesAsync(path, workbooks[i]);
                paths.Add(path);
            }

            var exceljs = RunAsync("exceljs", "node", [Path.Combine(tools, "read-xlsx.js"), .. paths], tools);
            var openpyxl = RunAsync("openpyxl", Python(), [Path.Combine(tools, "read_xlsx.py"), .. paths], tools);
            var (byExceljs, byOpenpyxl) = (await exceljs, await openpyxl);
            return Enumerable.Range(0, workbooks.Count)
                .Select(i => (IReadOnlyList<ReaderWorkbook>)[byExceljs[i], byOpenpyxl[i]])
                .ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Debian's python3-openpyxl is installed for the system interpreter, which a PATH shim may hide.</summary>
    private static string Python() => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private static async Task EnsureInstalledAsync(string tools)
    {
        await Setup.WaitAsync();
        try
        {
            if (!_ready && !File.Exists(Path.Combine(tools, "node_modules", "exceljs", "package.json")))
            {
                await RunProcessAsync("setup", "bash", [Path.Combine(tools, "setup.sh")], tools, TimeSpan.FromMinutes(5));
            }

            _ready = true;
        }
        finally
        {
            Setup.Release();
        }
    }

    private static async Task<List<ReaderWorkbook>> RunAsync(string reader, string program, string[] arguments, string directory)
    {
        var output = await RunProcessAsync(reader, program, arguments, directory, TimeSpan.FromMinutes(2));
        using var json = JsonDocument.Parse(output);
        return json.RootElement.EnumerateArray().Select(workbook => new ReaderWorkbook(reader,
            workbook.GetProperty("sheets").EnumerateArray().Select(sheet => new ReaderSheet(
                sheet.GetProperty("name").GetString()!,
                sheet.GetProperty("state").GetString()!,
                sheet.GetProperty("cells").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!))).ToList())).ToList();
    }

    private static async Task<string> RunProcessAsync(string reader, string program, string[] arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{reader}: {program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{reader} did not finish in {timeout.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{reader} could not open the workbook (exit {process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
