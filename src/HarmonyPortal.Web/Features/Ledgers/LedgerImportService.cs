using System.Threading.Channels;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Spreadsheets;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// All-or-nothing import of a ledger workbook: every row goes through the same checks as the browser
/// form; one bad row and nothing is saved, and the clerk gets every problem by row and column plus
/// the file annotated with them.
/// </summary>
public sealed partial class LedgerImportService(HarmonyDbContext db, UserScope scope, LedgerWriteService writer, PersonalDataProtector protector, AuditLog audit, ImportErrorFiles errorFiles,
    LedgerImportOptions importOptions, LedgerImportUpdates updates, TimeProvider clock)
{
    public const int MaxDataRows = 100_000;

    /// <summary>The reader counts title and header rows too; the data-row cap is checked after reading.</summary>
    public static readonly SpreadsheetLimits Limits = new() { MaxDataRows = MaxDataRows + LedgerSheetReader.HeaderSearchRows };

    /// <summary>
    /// Imports within the configured time budget (<see cref="LedgerImportOptions.TimeLimit"/>): past it the import
    /// stops, nothing is saved and the clerk is told why. <paramref name="ct"/> is the request's: when the browser
    /// leaves, the reading stops at the next row and the transaction is rolled back.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(ILedgerDefinition definition, int year, Stream upload, ImportRequest request, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(importOptions.TimeLimit);
        try
        {
            return await ImportWithinAsync(definition, year, upload, request, budget.Token);
        }
        catch (Exception) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return ImportOutcome.Refused(importOptions.TimeLimitMessage);
        }
    }

    private async Task<ImportOutcome> ImportWithinAsync(ILedgerDefinition definition, int year, Stream upload, ImportRequest request, CancellationToken ct)
    {
        if (!scope.CanWriteRecordsOf(scope.RegionId))
        {
            throw new WriteForbiddenException();
        }

        // One import's state (an instance may run several imports one after the other).
        (this.request, insertedCount, updatedCount, unchangedCount) = (request, 0, 0, 0);
        stamp = new DateTime(clock.GetUtcNow().UtcDateTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        matched.Clear();
        matchedRows.Clear();
        updateProblems.Clear();
        versions.Clear();
        elsewhere.Clear();
        var outcome = await CheckAndSaveAsync(definition, year, upload, ct);
        // The lookups' audit entries and notifications are saved after the import's transaction, so a refused import keeps them.
        db.ChangeTracker.Clear();
        await writer.Lookups.FlushAsync(ct);
        return outcome;
    }

    private async Task<ImportOutcome> CheckAndSaveAsync(ILedgerDefinition definition, int year, Stream upload, CancellationToken ct)
    {
        using var file = OpenOrNull(upload, ct, out var rejected);
        if (file is null)
        {
            return ImportOutcome.Refused(rejected!);
        }

        // Three stages on two cores: the file is read on one thread, its rows are checked (and their ID numbers
        // encrypted) on another, and while no row has failed, each checked batch of 1,000 is saved (asked against the
        // ledger, inserted) on a third while the next batch is checked, all inside one transaction. The file is never
        // held whole in memory; the first problem stops the saving (the checking goes on, to list every problem) and
        // the transaction is rolled back: all or nothing. The annotated file of a refused import re-reads the upload.
        var readProblems = new List<ImportProblem>();
        var problems = new List<ImportProblem>();
        var registered = new List<ImportProblem>();
        var identities = new Dictionary<ImportIdentityKey, int>();
        var batch = new List<CheckedRow>(BatchSize);
        var added = new AddedColumns(request.Chosen);
        var unasked = new List<AskedRow>();
        var (dataRows, saved) = (0, 0);
        var guesses = new List<IdNumberLookups.Guess>();
        var maskedOnly = definition.HasIdNumber ? await writer.Lookups.MaskedOnlyAsync(definition, year, null, ct) : [];
        await writer.UnitsOfAsync(scope.RegionId, ct); // the 责任单位 column is checked against these, without the connection
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saving = Task.FromResult(0);
        var queue = Channel.CreateBounded<ImportedRow[]>(
            new BoundedChannelOptions(QueuedChunks) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadInto(queue.Writer, definition, file, readProblems, added, stop.Token), stop.Token);
        try
        {
            await foreach (var imported in Unchunked(queue.Reader, ct))
            {
                if (++dataRows > MaxDataRows)
                {
                    continue; // counted for the message, not checked
                }

                var row = definition.NewRow();
                (row.RegionId, row.Year, row.CreatedAtUtc) = (scope.RegionId, year, stamp);
                var errors = await writer.ApplyAsync(definition, row, imported.Values, ct, checkDuplicates: false, encryptIdNumber: false);
                problems.AddRange(errors.Select(e => new ImportProblem(imported.RowNumber, Header(definition, e.Key), e.Message)));
                if (errors.Count == 0)
                {
                    var identity = definition.IdentityOf(row);
                    if (row is PersonRow person && maskedOnly.Contains(person.IdNumberMasked))
                    {
                        guesses.Add(new IdNumberLookups.Guess(imported.RowNumber, person.IdNumberMasked, person.IdNumberHash));
                    }

                    var nameKey = definition.NameKeyOf(row);
                    var repeated = !identities.TryAdd(ImportIdentityKey.Of(identity), imported.RowNumber) ? identity
                        : nameKey is not null && !identities.TryAdd(ImportIdentityKey.Of(nameKey), imported.RowNumber)
                            ? nameKey : null;
                    if (repeated is null)
                    {
                        unasked.Add(new AskedRow(identity, imported.RowNumber, nameKey, definition.IdentityAliasesOf(row)));
                    }
                    else
                    {
                        var header = LedgerWriteService.IdentityField(definition, repeated).Header;
                        var first = identities[ImportIdentityKey.Of(repeated)];
                        problems.Add(new ImportProblem(imported.RowNumber, header, $"{header}：与第 {first} 行重复"));
                    }
                }

                if (problems.Count == 0)
                {
                    if (row is PersonRow sealable)
                    {
                        protector.Encrypt(sealable); // here: the checking has time to spare, the saving sets the pace
                    }

                    var creation = LedgerSnapshot.Changes(null, LedgerSnapshot.Of(definition, row));
                    batch.Add(new CheckedRow(row, imported.RowNumber, creation));
                }

                if (batch.Count == BatchSize)
                {
                    saved += await saving; // the previous batch: the connection is free again, its problems are known
                    saving = Task.FromResult(0);
                    var (rows, asked) = (batch, unasked);
                    (batch, unasked) = (new List<CheckedRow>(BatchSize), []);
                    if (problems.Count > 0 || registered.Count > 0 || updateProblems.Count > 0)
                    {
                        unasked.AddRange(asked); // nothing more is saved; asked at the end, to list every problem
                    }
                    else
                    {
                        saving = definition.ChecksReadTheDatabase
                            ? Task.FromResult(await SaveBatchAsync(definition, year, rows, asked, registered, ct)) // its checks need the connection: no overlap
                            : Task.Run(() => SaveBatchAsync(definition, year, rows, asked, registered, ct), ct);
                    }
                }
            }

            await reading;
            saved += await saving;
        }
        catch (Exception ex) when ((ex as SpreadsheetRejectedException ?? ex.InnerException as SpreadsheetRejectedException) is { } refused)
        {
            return ImportOutcome.Refused(refused.Message);
        }
        finally
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            await saving.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        problems.AddRange(readProblems);
        if (dataRows > MaxDataRows)
        {
            return ImportOutcome.Refused($"文件有 {dataRows} 行数据，超过上限 {MaxDataRows} 行，请拆分后分批上传");
        }

        AbsentColumnProblems.Explain(definition, added, problems);
        await AddRegisteredAsync(definition, year, unasked, registered, ct);
        problems.AddRange(await JudgeLookupsAsync(definition, year, guesses, registered, ct));
        if (problems.Count == 0 && updateProblems.Count == 0)
        {
            saved += await SaveBatchAsync(definition, year, batch, [], registered, ct);
        }

        problems.AddRange(updateProblems);
        if (problems.Count == 0 && request.Expected is { } expected && (expected.Added, expected.Updated, expected.Unchanged) != (insertedCount, updatedCount, unchangedCount))
        {
            problems.Add(new ImportProblem(0, "", $"预览之后本台账的数据已有变化（预览时：新增 {expected.Added}，更新 {expected.Updated}，无变化 {expected.Unchanged}；"
                + $"现在：新增 {insertedCount}，更新 {updatedCount}，无变化 {unchangedCount}），未导入任何记录；请重新预览后再确认"));
        }

        var outcome = new ImportOutcome(insertedCount, updatedCount, unchangedCount, [], null)
        {
            Absent = added.Absent,
            AbsentValues = added.Absent.ToDictionary(f => f.Key, f => added.ValueFor(definition, f)),
            AbsentNeededOn = added.NeededOn.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<int>)kv.Value),
            Versions = new Dictionary<long, int>(versions),
        };
        if (problems.Count > 0)
        {
            return outcome with { Problems = problems.OrderBy(p => p.RowNumber).ToList(), AnnotatedFile = WriteAnnotated(definition, file, problems) };
        }

        if (request.DryRun)
        {
            await tx.RollbackAsync(ct);
            return outcome;
        }

        audit.Add(AuditActions.LedgerImported, AuditOutcome.Success, LedgerWriteService.AuditType(definition), null,
            $"{year}: {insertedCount} added, {updatedCount} updated, {unchangedCount} unchanged ({request.Mode})", regionId: scope.RegionId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    private ImportRequest request = ImportRequest.AddOnlyNow;

    /// <summary>Every row of this import carries this creation time (whole seconds, so it reads back equal on every database).</summary>
    private DateTime stamp;

    private readonly Dictionary<string, ExistingRow> matched = [];
    private readonly List<ImportProblem> updateProblems = [];
    private readonly Dictionary<long, int> versions = [];
    private int insertedCount;
    private int updatedCount;
    private int unchangedCount;

    /// <summary>
    /// Rows checked and saved together. A batch lives from its checking to its saving, through the collections that
    /// promote it to the older generations; 1,000 (2,000 before) holds half as many rows in flight.
    /// </summary>
    private const int BatchSize = 1_000;

    /// <summary>
    /// Saves a batch of checked rows unless one of them is already in the ledger this year (then it goes into
    /// <paramref name="registered"/> and nothing is saved): the rows (their ID numbers encrypted while checked)
    /// inserted with no change tracking, inside the import's transaction. Returns how many rows it saved. Touches
    /// only its own arguments and the connection, so it may run while the next batch is checked.
    /// </summary>
    private async Task<int> SaveBatchAsync(ILedgerDefinition definition, int year, List<CheckedRow> batch,
        List<AskedRow> asked, List<ImportProblem> registered, CancellationToken ct)
    {
        await AddRegisteredAsync(definition, year, asked, registered, ct);
        if (registered.Count > 0 || updateProblems.Count > 0 || batch.Count == 0)
        {
            return 0;
        }

        var known = matched.Count == 0 ? [] : batch.Where(r => matched.ContainsKey(definition.IdentityOf(r.Row))).ToList();
        var inserts = known.Count == 0 ? batch : batch.Except(known).ToList();
        if (known.Count > 0)
        {
            var result = await updates.ApplyAsync(definition, known, matched, request.Expected, request.DryRun, updateProblems, versions, ct);
            (updatedCount, unchangedCount) = (updatedCount + result.Updated, unchangedCount + result.Unchanged);
        }

        insertedCount += inserts.Count;
        if (request.DryRun || updateProblems.Count > 0)
        {
            return 0;
        }

        var rows = inserts.Select(r => r.Row).ToList(); // ID numbers already encrypted as they were checked
        foreach (var row in rows)
        {
            (row.Version, row.UpdatedAtUtc, row.UpdatedBy) = (1, stamp, scope.UserName);
        }

        var before = await updates.LastIdAsync(definition, year, ct);
        await db.InsertAsync(rows, ct);
        await updates.RecordCreatedAsync(definition, year, stamp, before, inserts, ct);
        return rows.Count;
    }

    /// <summary>The annotated workbook repeats the uploaded ID numbers in full: each download is audited like a full view.</summary>
    public Task RecordErrorsDownloadAsync(ILedgerDefinition definition, CancellationToken ct) =>
        audit.RecordAsync(AuditActions.LedgerImportErrorsDownloaded, AuditOutcome.Success, LedgerWriteService.AuditType(definition), regionId: scope.RegionId, ct: ct);

    /// <summary>
    /// The annotated workbook of a failed import, readable only by the clerk who uploaded it while still a clerk of the
    /// same region (as stored now), and only within the retention of personal-data files (<see cref="ImportErrorFiles"/>).
    /// </summary>
    public string? AnnotatedPath(string token) => errorFiles.Find(token);

    /// <summary>
    /// Rows handed from the reading thread to the checking one in chunks, and chunks queued: 8 × 64 rows in flight, as
    /// the 512 single rows before. One hand-over per row woke a thread-pool thread per row (the full queue's waiting
    /// writer), whose spinning and the queue's lock cost more CPU than the hand-over saved on two cores.
    /// </summary>
    private const int ChunkRows = 64;

    private const int QueuedChunks = 8;

    private static async IAsyncEnumerable<ImportedRow> Unchunked(ChannelReader<ImportedRow[]> queue,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var chunk in queue.ReadAllAsync(ct))
        {
            foreach (var row in chunk)
            {
                yield return row;
            }
        }
    }

    /// <summary>The reading side of the queue: the file's data rows, then completion (with the reader's exception, if any).</summary>
    private static async Task ReadInto(ChannelWriter<ImportedRow[]> queue, ILedgerDefinition definition,
        SpreadsheetFile file, List<ImportProblem> problems, AddedColumns added, CancellationToken ct)
    {
        try
        {
            var chunk = new List<ImportedRow>(ChunkRows);
            foreach (var row in LedgerSheetReader.Stream(definition, file, problems, added))
            {
                chunk.Add(row);
                if (chunk.Count == ChunkRows)
                {
                    await queue.WriteAsync([.. chunk], ct);
                    chunk.Clear();
                }
            }

            if (chunk.Count > 0)
            {
                await queue.WriteAsync([.. chunk], ct);
            }

            queue.Complete();
        }
        catch (Exception ex)
        {
            queue.Complete(ex);
        }
    }

    private static SpreadsheetFile? OpenOrNull(Stream upload, CancellationToken ct, out string? rejected)
    {
        try
        {
            rejected = null;
            return SpreadsheetFile.Open(upload, Limits, ct); // its rows stop at once when ct is cancelled, blank rows included
        }
        catch (SpreadsheetRejectedException refused)
        {
            rejected = refused.Message;
            return null;
        }
    }

    private string WriteAnnotated(ILedgerDefinition definition, SpreadsheetFile file, List<ImportProblem> problems)
    {
        var (token, stream) = errorFiles.Create();
        using var owned = stream;
        using var writer = new XlsxWriter(stream);
        writer.StartSheet(new SheetSpec(definition.Title, [.. LedgerSheetLayout.TemplateColumns(definition), new ColumnSpec(LedgerSheetLayout.ErrorHeader, 60)])
        {
            Title = definition.Title + "（导入错误说明）",
            Subtitle = $"共 {problems.Count} 处错误，未导入任何记录；请按“错误说明”一列修改后重新上传",
        });
        var byRow = problems.ToLookup(p => p.RowNumber);
        if (byRow[0].Any())
        {
            writer.WriteRow([CellValue.Empty, .. definition.Fields.Select(_ => CellValue.Empty), string.Join("；", byRow[0].Select(p => p.Message))]);
        }

        foreach (var row in LedgerSheetReader.Stream(definition, file, []))
        {
            writer.WriteRow([
                CellValue.Text($"第 {row.RowNumber} 行"),
                .. definition.Fields.Select(f => CellValue.Text(row.Values.GetValueOrDefault(f.Key))),
                CellValue.Text(string.Join("；", byRow[row.RowNumber].Select(p => p.Message))),
            ]);
        }

        return token;
    }

    private static string Header(ILedgerDefinition definition, string key) =>
        key == Core.Offices.MemberUnits.FieldKey ? Core.Offices.MemberUnits.ColumnHeader : definition.Fields.FirstOrDefault(f => f.Key == key)?.Header ?? key;

}
