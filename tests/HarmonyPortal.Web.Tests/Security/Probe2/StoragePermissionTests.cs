using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.YearEnd;
using Microsoft.AspNetCore.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Issue 14, item 4: after the portal has started and written one of everything (SQLite database with its -wal and
/// -shm, logs, Data Protection keys, the HMAC and data keys, a year-end export, an import's error workbook), every
/// folder under the data folder is 0700 and every file 0600: no other local user reads them.
/// </summary>
public abstract class StoragePermissionTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task EveryFolderAndFileThePortalWrites_IsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // modes are a Unix notion; Windows folders inherit the ACLs of where the operator puts them
        }

        var year = portal.Clock.GetLocalNow().Year;
        using (var clerk = await portal.SignedInClientAsync("xzxf.clerk"))
        using (var reviewer = await portal.SignedInClientAsync("xz.reviewer"))
        {
            await StorageFiles.ImportErrorsAsync(clerk, year);
            var job = await YearEndExports.StartAsync(reviewer, year);
            Assert.Equal("Done", (await YearEndExports.WaitAsync(reviewer, job)).GetProperty("status").GetString());
        }

        var root = new DirectoryInfo(portal.DataDirectory);
        var entries = root.EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(root).ToList();
        var files = entries.OfType<FileInfo>().Select(f => Path.GetRelativePath(root.FullName, f.FullName)).Order().ToList();
        var loose = entries.Where(e => e.UnixFileMode != (e is DirectoryInfo ? OwnerOnlyDirectory : OwnerOnlyFile))
            .Select(e => $"{Path.GetRelativePath(root.FullName, e.FullName)} {Octal(e.UnixFileMode)}").ToList();

        output.WriteLine($"{portal.Provider}: {entries.Count(e => e is DirectoryInfo)} folders, {files.Count} files: {string.Join(", ", files)}; not owner-only: {loose.Count}");
        Assert.Empty(loose);
        string[] expected = ["keys/personal-data-hmac.key", "logs/harmony-", "exports/", "imports/"];
        Assert.All(expected, prefix => Assert.Contains(files, f => f.Replace('\\', '/').StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Contains(files, f => f.StartsWith("keys/key-", StringComparison.Ordinal) && f.EndsWith(".xml", StringComparison.Ordinal));
        if (portal.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Contains("harmony.db", files);
            Assert.Contains("harmony.db-wal", files);
            Assert.Contains("harmony.db-shm", files);
        }
    }

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8);
}

/// <summary>SQLite where a deployment keeps it by default: harmony.db in the data folder (not the tests' scratch database).</summary>
public sealed class SqliteStoragePermissionPortal() : PortalFactory(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Harmony", "");
    }
}

public sealed class PostgresStoragePermissionPortal() : PortalFactory(DatabaseProvider.Postgres);

public sealed class SqliteStoragePermissionTests(SqliteStoragePermissionPortal portal, ITestOutputHelper output)
    : StoragePermissionTests<SqliteStoragePermissionPortal>(portal, output);

public sealed class PostgresStoragePermissionTests(PostgresStoragePermissionPortal portal, ITestOutputHelper output)
    : StoragePermissionTests<PostgresStoragePermissionPortal>(portal, output);
