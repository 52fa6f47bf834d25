using System.Diagnostics;
using System.Net;
using System.Text;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// What an attacker with the database file or a dump would read: the ID numbers typed in must not be there in
/// plain text. The scan is shown able to fail: a control row written in plain text on purpose is found.
/// </summary>
public abstract class PersonalDataAtRestTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Control = "44052418800101001X";

    [Fact]
    public async Task TheDatabaseAtRest_HoldsNoPlaintextIdNumber_AfterRowsAreAddedEditedAndViewed()
    {
        string[] numbers = ["11010519491231002X", "440524188001010014"];
        using var clerk = await portal.SignedInClientAsync("yyjs.clerk");
        var token = await clerk.TokenFromAsync("/ledgers");
        foreach (var (number, gender) in numbers.Zip(["女", "男"]))
        {
            var created = await clerk.PostAsync("/ledgers/coordinators/create", token, [.. LedgerForms.Coordinator(id: number, gender: gender), ("year", "2026")]);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var url = created.Headers.Location!.OriginalString;
            Assert.Contains(number, (await clerk.GetPageAsync(url + "?reveal=true")).Body!.TextContent);
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync(url + "/edit", token, [.. LedgerForms.Coordinator(id: number, gender: gender).With("WorkUnit", "君山区某公司"), ("version", "1")])).StatusCode);
        }

        var text = await ReadAtRestAsync();
        output.WriteLine($"{portal.Provider}: {text.Length:N0} bytes scanned for {numbers.Length} ID numbers: {numbers.Count(n => text.Contains(n[..17]))} found.");
        Assert.Contains("110105********002X", text);
        foreach (var number in numbers)
        {
            Assert.DoesNotContain(number[..17], text);
        }

        // The control: the same scan finds an ID number that was stored in plain text.
        await using (var db = portal.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"Regions\" SET \"Name\" = {Control} WHERE \"Code\" = '430611-002'");
        }

        Assert.Contains(Control, await ReadAtRestAsync());
    }

    /// <summary>The bytes an attacker would read: the SQLite file (WAL folded in), or a plain pg_dump of the database.</summary>
    private async Task<string> ReadAtRestAsync()
    {
        if (portal.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(portal.ConnectionString);
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
            var path = new SqliteConnectionStringBuilder(portal.ConnectionString).DataSource;
            return string.Concat(new[] { path, path + "-wal" }.Where(File.Exists).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        }

        var builder = new NpgsqlConnectionStringBuilder(portal.ConnectionString);
        var start = new ProcessStartInfo(PgDump(), ["-h", builder.Host!, "-p", builder.Port.ToString(), "-U", builder.Username!, "-d", builder.Database!, "--no-owner"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var dump = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "pg_dump failed: " + errors);
        return dump;
    }

    /// <summary>pg_dump of the newest PostgreSQL installed, found the way test.sh finds initdb, else from PATH.</summary>
    private static string PgDump() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists)
                .OrderBy(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var major) ? major : 0).LastOrDefault() ?? "pg_dump"
            : "pg_dump";
}

public sealed class SqlitePersonalDataAtRestTests(SqlitePortal portal, ITestOutputHelper output) : PersonalDataAtRestTests<SqlitePortal>(portal, output);

public sealed class PostgresPersonalDataAtRestTests(PostgresPortal portal, ITestOutputHelper output) : PersonalDataAtRestTests<PostgresPortal>(portal, output);
