using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Issue 14, item 5: evidence per nominee is limited in count and total size (here 3 files, 1 MB), parallel uploads
/// cannot pass the limit, editing a nominee never reads the files' bytes, and a download streams them.
/// </summary>
public abstract class FilesEvidenceTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : EvidencePortal
{
    private static readonly byte[] SmallPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    [Fact]
    public async Task TheFileOverTheCount_AndTheFileOverTheTotal_AreRefusedInChinese_NamingTheLimit()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        var counted = await NomineeAsync(clerk, "定襄计数调解委员会");
        var weighed = await NomineeAsync(clerk, "定襄计量调解委员会");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(clerk, counted, SmallPdf, $"表彰{i}.pdf")).StatusCode);
        }

        var fourth = await UploadAsync(clerk, counted, SmallPdf, "表彰3.pdf");
        var first = await UploadAsync(clerk, weighed, Pdf(700 * 1024), "扫描件一.pdf");
        var second = await UploadAsync(clerk, weighed, Pdf(700 * 1024), "扫描件二.pdf");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, fourth.StatusCode);
        Assert.Contains("附件“表彰3.pdf”：每位推荐对象最多 3 个附件，已有 3 个", await TextAsync(fourth), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("附件“扫描件二.pdf”：每位推荐对象的附件合计不能超过 1 MB，已有 0.7 MB，本文件 0.7 MB", await TextAsync(second), StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync(counted));
        Assert.Equal(1, await CountAsync(weighed));
    }

    [Fact]
    public async Task SixParallelUploads_CannotPassTheCount()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzyp.clerk");
        var id = await NomineeAsync(clerk, "原平并发调解委员会");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => UploadAsync(clerk, id, SmallPdf, $"并发{i}.pdf")));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(3, await CountAsync(id));
    }

    [Fact]
    public async Task EditingANomineeWith30FilesOf5MB_NeverReadsTheirBytes_AndSixParallelSavesStaySmall()
    {
        // The tester's case: 30 files of 5 MB on one nominee (stored before the limit existed), then 6 parallel saves.
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        var id = await NomineeAsync(clerk, "忻府重载调解委员会");
        await using (var db = portal.CreateDbContext())
        {
            for (var i = 0; i < 30; i++)
            {
                db.NominationEvidence.Add(new NominationEvidence
                {
                    NominationId = id, FileName = $"扫描件{i}.pdf", ContentType = "application/pdf", Size = EvidenceFile.MaxBytes,
                    Sha256 = new string('0', 64), Content = Pdf((int)EvidenceFile.MaxBytes), UploadedBy = "xzxf.clerk", UploadedAtUtc = DateTime.UtcNow,
                });
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        var token = await clerk.TokenFromAsync("/nominations");
        var removable = await ScalarAsync(db => db.NominationEvidence.Where(e => e.NominationId == id).Select(e => e.Id).MinAsync());
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var peak = Process.GetCurrentProcess().WorkingSet64;
        portal.Commands.Clear();
        var clock = Stopwatch.StartNew();
        using var sampler = new Timer(_ => peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64), null, 0, 20);

        var saves = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            var started = clock.Elapsed;
            var response = await clerk.PostAsync($"/nominations/{id}/narrative", token, ("narrative", $"第 {i} 次保存：长期扎根基层，调处劳动争议百余件，推动企业建立协商机制。"));
            return (response.StatusCode, Seconds: (clock.Elapsed - started).TotalSeconds);
        }));
        var allocatedBySaves = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var removed = await clerk.PostAsync($"/nominations/{id}/evidence/{removable}/delete", token);
        var added = await UploadAsync(clerk, id, SmallPdf, "再加一个.pdf"); // refused: 29 files, limit 3

        output.WriteLine($"{portal.Provider}: 6 parallel saves of a nominee with 30 × 5 MB: {string.Join(", ", saves.Select(s => s.Seconds.ToString("0.00")))} s; " +
            $"allocated {allocatedBySaves / 1048576.0:0.0} MB; test process working set peak {peak / 1048576.0:0} MB");
        Assert.All(saves, s => Assert.Equal(HttpStatusCode.Redirect, s.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, added.StatusCode);
        Assert.Equal(29, await CountAsync(id));
        var readingBytes = portal.Commands.Where(ReadsEvidenceContent).ToList();
        Assert.True(readingBytes.Count == 0, "queries read the evidence bytes:\n" + string.Join("\n", readingBytes));
        Assert.True(allocatedBySaves < 60L * 1024 * 1024, $"6 saves allocated {allocatedBySaves / 1048576.0:0} MB"); // 30 × 5 MB × 6 = 900 MB when the files were loaded
    }

    [Fact]
    public async Task Download_StreamsTheFile_WithItsHeaders()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        var id = await NomineeAsync(clerk, "定襄下载调解委员会");
        var pdf = Pdf(900 * 1024);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(clerk, id, pdf, "表彰 文件.pdf")).StatusCode);
        var evidenceId = await ScalarAsync(db => db.NominationEvidence.Where(e => e.NominationId == id).Select(e => e.Id).SingleAsync());
        portal.Commands.Clear();

        using var response = await clerk.Http.GetAsync($"/nominations/{id}/evidence/{evidenceId}", HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf.Length, response.Content.Headers.ContentLength);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("表彰 文件.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(pdf, body);
        // The bytes came through a reader of the column opened for streaming, not through an entity query that loads them.
        Assert.DoesNotContain(portal.Commands, ReadsEvidenceContent);
    }

    private static bool ReadsEvidenceContent(string command) =>
        command.Contains("\"NominationEvidence\"", StringComparison.Ordinal) && command.Contains(".\"Content\"", StringComparison.Ordinal)
        && !command.Contains("INSERT INTO", StringComparison.Ordinal);

    /// <summary>A PDF of exactly <paramref name="size"/> bytes: one stream object of random data, like a scanned page.</summary>
    private static byte[] Pdf(int size)
    {
        var head = "%PDF-1.4\n1 0 obj\n<< /Type /XObject /Subtype /Image /Filter /DCTDecode >>\nstream\n"u8;
        var tail = "\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n"u8;
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        head.CopyTo(bytes);
        tail.CopyTo(bytes.AsSpan(size - tail.Length));
        return bytes;
    }

    private async Task<long> NomineeAsync(PortalClient clerk, string name) =>
        await NominateAsync(clerk, GoldCategory.MediationOrganization, await LedgerRowAsync(clerk, GoldCategory.MediationOrganization, 2022, name));

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient clerk, long id, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await clerk.TokenFromAsync("/nominations")), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(file, "file", fileName);
        return await clerk.Http.PostAsync($"/nominations/{id}/evidence", form);
    }

    private Task<int> CountAsync(long id) => ScalarAsync(db => db.NominationEvidence.CountAsync(e => e.NominationId == id));

    private async Task<T> ScalarAsync<T>(Func<HarmonyDbContext, Task<T>> query)
    {
        await using var db = portal.CreateDbContext();
        return await query(db);
    }
}

public sealed class SqliteFilesEvidenceTests(SqliteEvidencePortal portal, ITestOutputHelper output) : FilesEvidenceTests<SqliteEvidencePortal>(portal, output);

public sealed class PostgresFilesEvidenceTests(PostgresEvidencePortal portal, ITestOutputHelper output) : FilesEvidenceTests<PostgresEvidencePortal>(portal, output);

public sealed class SqliteEvidencePortal() : EvidencePortal(DatabaseProvider.Sqlite);

public sealed class PostgresEvidencePortal() : EvidencePortal(DatabaseProvider.Postgres);

/// <summary>A portal that allows 3 files and 1 MB of evidence per nominee and records every database command it runs.</summary>
public abstract class EvidencePortal(DatabaseProvider provider) : PortalFactory(provider)
{
    private readonly CommandRecorder recorder = new();

    /// <summary>The text of each command run through EF Core.</summary>
    public ConcurrentQueue<string> Commands => recorder.Commands;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Evidence:MaxFilesPerNominee", "3");
        builder.UseSetting("Evidence:MaxTotalMegabytesPerNominee", "1");
        builder.ConfigureServices(services => services.ConfigureDbContext<HarmonyDbContext>(o => o.AddInterceptors(recorder)));
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Commands { get; } = new();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command, eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command, eventData);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command, CommandEventData eventData) => Commands.Enqueue(command.CommandText);
    }
}
