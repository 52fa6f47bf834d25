using System.Globalization;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Spreadsheets;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Ledgers;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Bench;

/// <summary>
/// Benchmark 4: a county clerk's import of an N-row coordinator workbook (附件3, the heaviest ledger: ID numbers are
/// checked, encrypted and hashed, duplicates looked up), validated and committed into a SQLite file by the product's
/// <see cref="LedgerImportService"/>, beside the floor: reading the same file into rows without validating or saving.
/// Each runs in its own child process so each peak working set is its own. Goals (issue 21): ≤ 2.0× the floor's time,
/// peak ≤ 250 MB. Reported beside them: the insert floor, the same rows built beforehand and only inserted
/// (<see cref="InsertFloorAsync"/>), with and without their creation lines.
/// </summary>
internal static class ImportBench
{
    private const string CountyCode = "430602"; // 岳阳楼区

    private static readonly ILedgerDefinition Ledger = LedgerCatalog.Find("coordinators")!;

    /// <param name="keep">A folder to prepare and keep (database, workbook) for profiling one child by hand.</param>
    /// <param name="postgres">A PostgreSQL server (connection string of a user who may create databases): import into a
    /// fresh database there instead of a SQLite file (issue 21: the COPY path, ADR 0034).</param>
    /// <param name="insertRows">Also the insert floor without creation lines (the quick mode leaves it out).</param>
    public static async Task<int> CompareAsync(int rows, string? keep, string? postgres = null, bool insertRows = true)
    {
        var work = keep is null ? Directory.CreateTempSubdirectory("harmony-bench-import-") : Directory.CreateDirectory(keep);
        try
        {
            var provider = postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
            async Task<string> FreshAsync(string name)
            {
                var connection = postgres is null
                    ? $"Data Source={Path.Combine(work.FullName, name + ".db")}"
                    : await CreatePostgresAsync(postgres);
                await PrepareAsync(provider, connection);
                return connection;
            }

            var db = await FreshAsync("harmony");
            var file = Path.Combine(work.FullName, "coordinators.xlsx");
            WriteWorkbook(file, rows);
            Console.WriteLine($"{rows:N0} rows of {Ledger.Title} ({new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MB) into {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

            var (readSeconds, readPeak) = YearEndBench.Child(["import-one", "--mode", "read", "--file", file, "--rows", Count(rows)]);
            Console.WriteLine($"floor (read only)       {readSeconds,8:0.00} s {readPeak,6:0} MB");
            var (seconds, peak) = Into("import", db);
            Console.WriteLine($"import (check and save) {seconds,8:0.00} s {peak,6:0} MB");

            var prefix = postgres is null ? "import." : "import.postgres-";
            var (lines, _) = Into("insert", await FreshAsync("insert"));
            Console.WriteLine($"insert (rows and lines) {lines,8:0.00} s");
            var (bare, _) = insertRows ? Into("insert-rows", await FreshAsync("insert-rows")) : (double.NaN, 0);
            Console.WriteLine($"insert (rows only)      {bare,8:0.00} s");

            // A child that writes into a database: the import, or one of the insert floors.
            (double, double) Into(string mode, string into) => YearEndBench.Child(["import-one", "--mode", mode,
                "--file", file, "--rows", Count(rows), "--db", into, "--data", work.FullName,
                "--provider", $"{provider}"]);

            BenchResults.Record(new BenchResult[]
            {
                new(prefix + "time", seconds, "s", readSeconds, seconds / readSeconds,
                    $"≤ 2.0× reading the same file without checks ({rows:N0} rows)", seconds <= 2.0 * readSeconds),
                new(prefix + "peak-memory", peak, "MB", readPeak, peak / readPeak, "≤ 250 MB", peak <= 250),
                new(prefix + "insert-floor-time", lines, "s", readSeconds, lines / readSeconds,
                    "reported: the import's rows and creation lines, built beforehand, only inserted (bulk insert, "
                    + "batches of 1,000, one transaction), against the read floor", null),
                new(prefix + "insert-rows-time", bare, "s", readSeconds, bare / readSeconds,
                    "reported: the same rows inserted without their creation lines, against the read floor", null),
                new(prefix + "insert-share", lines, "s", seconds, lines / seconds,
                    "reported: the insert floor (rows and lines) against the import's time", null),
            }.Where(r => !double.IsNaN(r.Value)).ToArray());
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                work.Delete(recursive: true);
            }
        }
    }

    /// <summary>
    /// Child process: reads (floor) or imports (product) the workbook; prints "seconds peakMB". Both first handle a
    /// workbook of last year, as a running portal would have, then wait until the JIT has nothing left to compile
    /// (<see cref="JitSettledAsync"/>), so that neither measures JIT compilation or the EF model being built.
    /// </summary>
    public static async Task<int> RunOneAsync(string mode, string file, int rows, string? database, string? dataDirectory, string? provider = null)
    {
        var warmUp = Path.Combine(Path.GetDirectoryName(file)!, $"warm-up-{mode}.xlsx");
        WriteWorkbook(warmUp, WarmUpRows, first: 4_000_000);
        if (mode == "read")
        {
            Read(warmUp, WarmUpRows);
            await JitSettledAsync();
            return await TimedAsync(mode, () =>
            {
                Read(file, rows);
                return Task.CompletedTask;
            });
        }

        await using var db = new HarmonyDbContext(HarmonyDatabase.Options(provider == nameof(DatabaseProvider.Postgres) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database!));
        var county = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == CountyCode);
        var scope = new UserScope("bench-clerk", "bench.clerk", county.Id, county.Path, RegionLevel.County, county.Name, null, "", UserRole.Clerk);
        var keys = Path.Combine(dataDirectory!, "keys");
        using var protector = new PersonalDataProtector(DataProtectionProvider.Create(new DirectoryInfo(keys)), PersonalDataKey.FromConfiguration(null, keys));
        var audit = new AuditLog(db, new HttpContextAccessor(), TimeProvider.System);
        var options = new PortalOptions { DataDirectory = dataDirectory! };
        var notifications = new Web.Features.Notifications.NotificationService(db,
            new Web.Features.Notifications.Email.EmailOutboxWriter(db, Microsoft.Extensions.Options.Options.Create(new Web.Features.Notifications.Email.SmtpOptions()), TimeProvider.System),
            new Web.Features.Notifications.NotificationEmail(options), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Web.Features.Notifications.NotificationService>.Instance);
        var lookups = new IdNumberLookups(db, scope, protector, audit, notifications, TimeProvider.System);
        var writer = new LedgerWriteService(db, scope, protector, audit, TimeProvider.System, lookups, new HarmonyPortal.Core.Reporting.LedgerYearLock(db, TimeProvider.System));
        var updates = new LedgerImportUpdates(db, scope, audit, TimeProvider.System);
        var errorFiles = new ImportErrorFiles(db, scope, options, new PersonalFileRetention(TimeSpan.FromHours(24), TimeSpan.FromMinutes(10)), TimeProvider.System);

        if (mode is "insert" or "insert-rows")
        {
            return await InsertFloorAsync(db, scope, writer, protector, updates, warmUp, file, rows, mode == "insert");
        }

        await ImportAsync(new LedgerImportService(db, scope, writer, protector, audit, errorFiles, new LedgerImportOptions(LedgerImportOptions.DefaultTimeLimit), updates, TimeProvider.System), warmUp, Year - 1, WarmUpRows);
        db.ChangeTracker.Clear();
        await JitSettledAsync();
        return await TimedAsync(mode, async () =>
        {
            await ImportAsync(new LedgerImportService(db, scope, writer, protector, audit, errorFiles, new LedgerImportOptions(LedgerImportOptions.DefaultTimeLimit), updates, TimeProvider.System), file, Year, rows);
            var stored = await db.Set<Coordinator>().CountAsync(c => c.Year == Year);
            Expect(stored == rows, $"{stored} rows in the database");
        });
    }

    /// <summary>
    /// The insert floor (issue 21): the rows the import would store, and unless <paramref name="creationLines"/> is
    /// false their creation lines, built from the same file by the import's own calls (parsed, checked, ID numbers
    /// sealed and hashed) before the timer starts. Timed: only their insertion as the import's saving inserts them
    /// (<see cref="BulkInsert"/>, batches of 1,000, one transaction), without its "already registered" lookups. Last
    /// year's workbook goes in first, as in the import child, so that the tables and the JIT are as warm.
    /// </summary>
    private static async Task<int> InsertFloorAsync(HarmonyDbContext db, UserScope scope, LedgerWriteService writer,
        PersonalDataProtector protector, LedgerImportUpdates updates, string warmUp, string file, int rows,
        bool creationLines)
    {
        var lastYear = await BuildAsync(scope, writer, protector, warmUp, Year - 1, WarmUpRows);
        await InsertAsync(db, updates, lastYear, Year - 1, creationLines);
        lastYear.Clear();
        var built = await BuildAsync(scope, writer, protector, file, Year, rows);
        GC.Collect();
        await JitSettledAsync();
        return await TimedAsync(creationLines ? "insert" : "insert-rows", async () =>
        {
            await InsertAsync(db, updates, built, Year, creationLines);
            var stored = await db.Set<Coordinator>().CountAsync(c => c.Year == Year);
            Expect(stored == rows, $"{stored} rows in the database");
        });
    }

    /// <summary>The rows as the import's checking thread hands them to its saving one (<see cref="CheckedRow"/>).
    /// </summary>
    private static async Task<List<CheckedRow>> BuildAsync(UserScope scope, LedgerWriteService writer,
        PersonalDataProtector protector, string file, int year, int rows)
    {
        var now = DateTime.UtcNow.Ticks;
        var stamp = new DateTime(now - now % TimeSpan.TicksPerSecond, DateTimeKind.Utc); // whole seconds, as the import
        await writer.UnitsOfAsync(scope.RegionId, CancellationToken.None);
        await using var upload = File.OpenRead(file);
        using var sheet = SpreadsheetFile.Open(upload, LedgerImportService.Limits);
        var built = new List<CheckedRow>(rows);
        foreach (var imported in LedgerSheetReader.Stream(Ledger, sheet, []))
        {
            var row = Ledger.NewRow();
            (row.RegionId, row.Year, row.CreatedAtUtc) = (scope.RegionId, year, stamp);
            var errors = await writer.ApplyAsync(Ledger, row, imported.Values, CancellationToken.None,
                checkDuplicates: false, encryptIdNumber: false);
            Expect(errors.Count == 0, $"row {imported.RowNumber}: {string.Join("; ", errors.Select(e => e.Message))}");
            protector.Encrypt((PersonRow)row);
            (row.Version, row.UpdatedAtUtc, row.UpdatedBy) = (1, stamp, scope.UserName);
            var creation = LedgerSnapshot.Changes(null, LedgerSnapshot.Of(Ledger, row));
            built.Add(new CheckedRow(row, imported.RowNumber, creation));
        }

        Expect(built.Count == rows, $"built {built.Count} rows");
        return built;
    }

    /// <summary>What the import's saving does with each batch once its checks have passed.</summary>
    private static async Task InsertAsync(HarmonyDbContext db, LedgerImportUpdates updates, List<CheckedRow> built,
        int year, bool creationLines)
    {
        var (stamp, ct) = (built[0].Row.CreatedAtUtc, CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in built.Chunk(1_000))
        {
            var before = creationLines ? await updates.LastIdAsync(Ledger, year, ct) : 0;
            await db.InsertAsync(batch.Select(r => r.Row).ToList(), ct);
            if (creationLines)
            {
                await updates.RecordCreatedAsync(Ledger, year, stamp, before, batch, ct);
            }
        }

        await tx.CommitAsync(ct);
    }

    /// <summary><see cref="PeakMemory.MeasureAsync"/>, and on stderr (which the parent shows) the CPU seconds of the
    /// timed part: on a loaded machine steadier than its wall time.</summary>
    private static async Task<int> TimedAsync(string mode, Func<Task> action)
    {
        var cpu = Environment.CpuUsage;
        var result = await PeakMemory.MeasureAsync(action);
        var (user, system) = (Environment.CpuUsage.UserTime - cpu.UserTime,
            Environment.CpuUsage.PrivilegedTime - cpu.PrivilegedTime);
        Console.Error.WriteLine(
            $"  [{mode}] timed part: {user.TotalSeconds:0.00} s user + {system.TotalSeconds:0.00} s system CPU");
        return result;
    }

    /// <summary>
    /// 30 batches of the import's 1,000 rows: each per-batch method is called 30 times, the runtime's call count for
    /// recompiling a method at tier 1 (issue 21: with a 200-row warm-up about 3 s of the import child's CPU was that
    /// recompilation, which a portal that has imported before has long done).
    /// </summary>
    private const int WarmUpRows = 30_000;

    /// <summary>
    /// Waits (at most 10 s) until no method has been compiled for half a second: the tier-1 queue is empty.
    /// </summary>
    private static async Task JitSettledAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                return;
            }

            compiled = now;
        }
    }

    private static void Read(string file, int rows)
    {
        using var upload = File.OpenRead(file);
        using var sheet = SpreadsheetFile.Open(upload, LedgerImportService.Limits);
        var (read, problems) = LedgerSheetReader.Read(Ledger, sheet);
        Expect(read.Count == rows && problems.Count == 0, $"read {read.Count} rows, {problems.Count} problems");
    }

    private static async Task ImportAsync(LedgerImportService import, string file, int year, int rows)
    {
        await using var upload = File.OpenRead(file);
        var outcome = await import.ImportAsync(Ledger, year, upload, ImportRequest.AddOnlyNow, CancellationToken.None);
        Expect(outcome.Saved == rows, $"saved {outcome.Saved}; first problems: {string.Join("; ", outcome.Problems.Take(3).Select(p => $"{p.RowNumber} {p.Message}"))}");
    }

    private static int Year => DateTime.Now.Year;

    private static string Count(int rows) => rows.ToString(CultureInfo.InvariantCulture);

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The benchmark would measure the wrong thing: " + what);
        }
    }

    private static async Task PrepareAsync(DatabaseProvider provider, string connectionString)
    {
        await using var db = new HarmonyDbContext(HarmonyDatabase.Options(provider, connectionString));
        if (provider == DatabaseProvider.Sqlite)
        {
            // As the portal prepares its database (DatabaseStartup): write-ahead log, which persists in the file.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync();
        await RegionSeeder.SeedIfEmptyAsync(db);
    }

    /// <summary>A fresh database on the server, named per run (left there for inspection; drop it by hand).</summary>
    private static async Task<string> CreatePostgresAsync(string server)
    {
        var name = "harmony_bench_import_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new Npgsql.NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            await create.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The ledger's own template, filled with N valid, distinct coordinators (cells typed as a clerk's Excel would).</summary>
    private static void WriteWorkbook(string path, int rows, int first = 1)
    {
        using var stream = File.Create(path);
        using var writer = new XlsxWriter(stream);
        writer.StartSheet(new SheetSpec(Ledger.Title, LedgerSheetLayout.TemplateColumns(Ledger)) { Title = Ledger.Title });
        var cells = new CellValue[Ledger.Fields.Count + 1];
        for (var i = first; i < first + rows; i++)
        {
            var person = BenchPeople.Person(i, CountyCode);
            cells[0] = CellValue.Number(i - first + 1);
            for (var f = 0; f < Ledger.Fields.Count; f++)
            {
                cells[f + 1] = Value(Ledger.Fields[f], person, i);
            }

            writer.WriteRow(cells);
        }
    }

    private static CellValue Value(ILedgerField field, BenchPeople.Entry person, int i) => field.Key switch
    {
        nameof(PersonRow.Name) => person.Name,
        nameof(PersonRow.Gender) => person.Male ? "男" : "女",
        nameof(PersonRow.IdNumber) => CellValue.Text(person.IdNumber),
        nameof(PersonRow.WorkUnit) => $"岳阳市{BenchPeople.Company(i)}",
        nameof(PersonRow.Position) => "人事专员",
        nameof(PersonRow.ServingSince) => CellValue.Date(new DateOnly(2018, 3, 1).AddDays(i % 1500)),
        nameof(PersonRow.Phone) => CellValue.Text(person.Mobile),
        nameof(Coordinator.CurrentlyServing) => "是",
        _ when field.Kind is FieldKind.Enum or FieldKind.Ethnicity && field.Required => FieldValues.Options(field)![0],
        nameof(PersonRow.Education) => FieldValues.Options(field)![i % FieldValues.Options(field)!.Count],
        _ => CellValue.Empty,
    };
}
