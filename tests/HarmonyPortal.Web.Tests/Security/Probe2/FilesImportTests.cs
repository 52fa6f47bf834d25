using System.Diagnostics;
using System.Net;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Spreadsheets.Tests.Support;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Issue 14, item 2, through the import form: the tester's small .xls (2,000 rows declaring 65,535 columns, 22 s
/// before) is refused in Chinese in under 2 seconds and saves nothing.
/// </summary>
public abstract class FilesImportTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task WorstCaseSmallXls_IsRefusedInChinese_InUnderTwoSeconds_AndSavesNothing()
    {
        using var clerk = await portal.SignedInClientAsync("tslb.clerk");
        var workbook = new Biff8Workbook { DeclaredColumns = ushort.MaxValue };
        var headers = LedgerWorkbooks.CoordinatorHeaders;
        for (var c = 0; c < headers.Length; c++)
        {
            workbook.Cell(0, c, headers[c]);
        }

        for (var r = 1; r < 2_000; r++)
        {
            workbook.Cell(r, 0, (double)r);
        }

        var bytes = workbook.ToCompoundFile();
        var clock = Stopwatch.StartNew();

        var response = await LedgerWorkbooks.UploadAsync(clerk, "coordinators", bytes, "台账.xls");

        output.WriteLine($"{portal.Provider}: {bytes.Length:N0}-byte .xls answered {(int)response.StatusCode} in {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=import-errors]")?.TextContent ?? "";
        Assert.Contains("超出 Excel 97–2003 格式的上限（65536 行 × 256 列）", report, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var region = await portal.RegionIdAsync("130203");
        Assert.Equal(0, await db.Coordinators.CountAsync(r => r.RegionId == region));
    }
}

/// <summary>
/// The import's time budget (<c>Import:TimeLimit</c>, here 1 ms): a valid workbook that needs longer is stopped
/// with a Chinese message naming the limit, and nothing of it is saved.
/// </summary>
public abstract class FilesImportTimeLimitTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task ImportPastItsTimeLimit_IsStopped_WithAChineseMessage_AndSavesNothing()
    {
        using var clerk = await portal.SignedInClientAsync("tslb.clerk");
        var rows = Enumerable.Range(0, 2_000).Select(i => LedgerWorkbooks.Person(
            (i + 1).ToString(), "协调员", TestIdNumbers.WithCheckDigit($"1302031980{(i / 28) % 12 + 1:00}{i % 28 + 1:00}{i % 1000:000}0"), i % 2 == 1 ? "男" : "女", "2020-01-01")).ToArray();

        var response = await LedgerWorkbooks.UploadAsync(clerk, "coordinators", LedgerWorkbooks.Workbook(LedgerWorkbooks.CoordinatorHeaders, rows));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=import-errors]")?.TextContent ?? "";
        Assert.Contains("导入用时超过上限 0.001 秒，已停止，未导入任何记录", report, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var region = await portal.RegionIdAsync("130203");
        Assert.Equal(0, await db.Coordinators.CountAsync(r => r.RegionId == region));
    }
}

public sealed class SqliteFilesImportTests(SqlitePortal portal, ITestOutputHelper output) : FilesImportTests<SqlitePortal>(portal, output);

public sealed class PostgresFilesImportTests(PostgresPortal portal, ITestOutputHelper output) : FilesImportTests<PostgresPortal>(portal, output);

public sealed class SqliteFilesImportTimeLimitTests(SqliteTimeLimitedPortal portal) : FilesImportTimeLimitTests<SqliteTimeLimitedPortal>(portal);

public sealed class PostgresFilesImportTimeLimitTests(PostgresTimeLimitedPortal portal) : FilesImportTimeLimitTests<PostgresTimeLimitedPortal>(portal);

public sealed class SqliteTimeLimitedPortal() : TimeLimitedPortal(Core.Data.DatabaseProvider.Sqlite);

public sealed class PostgresTimeLimitedPortal() : TimeLimitedPortal(Core.Data.DatabaseProvider.Postgres);

/// <summary>A portal whose imports may run 1 millisecond.</summary>
public abstract class TimeLimitedPortal(Core.Data.DatabaseProvider provider) : PortalFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Import:TimeLimit", "00:00:00.001");
    }
}
