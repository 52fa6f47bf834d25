using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Operations;

/// <summary>
/// docs/operations.md, "Backup and restore": the documented commands restore every row, and the
/// portal over the restored database reads the encrypted ID numbers only with the backed-up keys/.
/// </summary>
public abstract class BackupRestoreTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task ARestoredBackup_HasEveryRowOfEveryTable_AndWithTheSameKeysShowsTheOwnerTheFullIdNumber()
    {
        var number = TestIdNumbers.WithCheckDigit("430602198807214536");
        long id;
        using (var clerk = await portal.SignedInClientAsync("yylq.clerk"))
        {
            var token = await clerk.TokenFromAsync("/ledgers");
            var created = await clerk.PostAsync("/ledgers/coordinators/create", token, [.. LedgerForms.Coordinator(name: "周建国", id: number, gender: "男"), ("year", "2026")]);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            id = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync("/ledgers/mediation-organizations/create", token,
                [.. LedgerForms.MediationOrganization("岳阳楼区备份测试调解委员会", 4, 3), ("year", "2026")])).StatusCode);
        }

        var work = Path.Combine(TestPaths.Scratch("backup"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var before = await DatabaseBackup.RowCountsAsync(portal.Provider, portal.ConnectionString);
        var restored = await DatabaseBackup.BackUpAndRestoreAsync(portal.Provider, portal.ConnectionString, work);
        try
        {
            var after = await DatabaseBackup.RowCountsAsync(portal.Provider, restored);
            output.WriteLine($"{before.Count} tables, {before.Values.Sum()} rows before; {after.Count} tables, {after.Values.Sum()} rows restored");
            Assert.True(before.Count >= 20, $"only {before.Count} tables found");
            Assert.True(before["Coordinators"] >= 1 && before["AuditEntries"] >= 1);
            Assert.Equal(before, after);

            // The keys/ folder is part of the backup: copied beside the restored database, the ID number reads.
            var keptKeys = Path.Combine(work, "data-with-keys");
            CopyDirectory(Path.Combine(portal.DataDirectory, "keys"), Path.Combine(keptKeys, "keys"));
            await using (var withKeys = new PortalOver(portal.Provider, restored, keptKeys))
            {
                using var owner = withKeys.Client();
                await owner.LoginOrFailAsync("yylq.clerk");
                var page = await owner.GetPageAsync($"/ledgers/coordinators/{id}?reveal=true");
                Assert.Contains(number, page.Body!.TextContent);

                // Rows added after the restore get fresh ids (sequences restored too).
                var token = await owner.TokenFromAsync("/ledgers");
                var next = await owner.PostAsync("/ledgers/coordinators/create", token,
                    [.. LedgerForms.Coordinator(name: "钱程", id: TestIdNumbers.WithCheckDigit("430602199001011230"), gender: "男"), ("year", "2026")]);
                Assert.True(HttpStatusCode.Redirect == next.StatusCode, (await PortalClient.ParseAsync(next)).QuerySelector("main")?.TextContent);
            }

            // Without them the same database is readable but the ID numbers are not.
            await using (var withoutKeys = new PortalOver(portal.Provider, restored, Path.Combine(work, "data-without-keys")))
            {
                using var owner = withoutKeys.Client();
                await owner.LoginOrFailAsync("yylq.clerk");
                var response = await owner.Http.GetAsync($"/ledgers/coordinators/{id}?reveal=true");
                Assert.DoesNotContain(number, await response.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            if (portal.Provider == DatabaseProvider.Postgres)
            {
                await DatabaseBackup.DropPostgresDatabaseAsync(restored);
            }

            Directory.Delete(work, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    /// <summary>The portal started over an existing database and data folder, as after a restore.</summary>
    private sealed class PortalOver(DatabaseProvider provider, string connectionString, string dataDirectory) : WebApplicationFactory<Program>
    {
        public PortalClient Client() =>
            new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") }));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("ConnectionStrings:Harmony", connectionString);
            builder.UseSetting("Harmony:DataDirectory", dataDirectory);
            builder.UseSetting("Notifications:Reminders:Enabled", "false");
            builder.UseSetting("Demo:SampleLedgers", "false"); // the restored data only: the demo's activity would report 岳阳楼区's year
        }
    }
}

public sealed class SqliteBackupRestoreTests(SqlitePortal portal, ITestOutputHelper output) : BackupRestoreTests<SqlitePortal>(portal, output);

public sealed class PostgresBackupRestoreTests(PostgresPortal portal, ITestOutputHelper output) : BackupRestoreTests<PostgresPortal>(portal, output);
