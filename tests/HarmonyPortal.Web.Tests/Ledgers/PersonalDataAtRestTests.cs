using System.Net;
using System.Text;
using HarmonyPortal.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit;

namespace HarmonyPortal.Web.Tests.Ledgers;

public sealed class PersonalDataAtRestTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task TheSqliteFile_HoldsNoPlaintextIdNumber_AfterRowsAreAddedEditedAndViewed()
    {
        string[] numbers = ["11010519491231002X", "440524188001010014"];
        using var clerk = portal.CreatePortalClient();
        await clerk.LoginOrFailAsync("yyjs.clerk");
        var token = await clerk.TokenFromAsync("/ledgers");
        foreach (var (number, gender) in numbers.Zip(["女", "男"]))
        {
            var created = await clerk.PostAsync("/ledgers/coordinators/create", token, [.. LedgerForms.Coordinator(id: number, gender: gender), ("year", "2026")]);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Contains(number, (await clerk.GetPageAsync(created.Headers.Location!.OriginalString + "?reveal=true")).Body!.TextContent);
        }

        // Fold the WAL into the main file so the scan sees everything written.
        await using (var connection = new SqliteConnection(portal.ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        var path = new SqliteConnectionStringBuilder(portal.ConnectionString).DataSource;
        var bytes = string.Concat(new[] { path, path + "-wal" }.Where(File.Exists).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.Contains("110105********002X", bytes);
        foreach (var number in numbers)
        {
            Assert.DoesNotContain(number, bytes);
            Assert.DoesNotContain(number[..17], bytes);
        }
    }
}
