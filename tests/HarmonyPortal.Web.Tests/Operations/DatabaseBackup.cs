using System.Diagnostics;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HarmonyPortal.Web.Tests.Operations;

/// <summary>
/// The backup and restore commands of docs/operations.md, run the way an operator runs them:
/// SQLite <c>VACUUM INTO</c> on the live file, PostgreSQL <c>pg_dump -Fc</c> then <c>pg_restore</c>
/// into a database created empty.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Backs up the database at <paramref name="connectionString"/> and restores it into a fresh one; returns the fresh one's connection string.</summary>
    public static Task<string> BackUpAndRestoreAsync(DatabaseProvider provider, string connectionString, string workDirectory) =>
        provider == DatabaseProvider.Sqlite
            ? SqliteAsync(connectionString, workDirectory)
            : PostgresAsync(connectionString, workDirectory);

    /// <summary>Every table of the database with its row count.</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(DatabaseProvider provider, string connectionString)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            foreach (var table in await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
            {
                counts[table] = await CountAsync(connection, $"SELECT COUNT(*) FROM \"{table}\"");
            }
        }
        else
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            foreach (var table in await ListAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
            {
                counts[table] = await CountAsync(connection, $"SELECT COUNT(*) FROM \"{table}\"");
            }
        }

        return counts;
    }

    private static async Task<string> SqliteAsync(string connectionString, string workDirectory)
    {
        var backup = Path.Combine(workDirectory, "harmony-backup.db");
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", backup);
            await command.ExecuteNonQueryAsync();
        }

        // Restoring is copying the backup file to where the portal's connection string points.
        var restored = Path.Combine(workDirectory, "harmony-restored.db");
        File.Copy(backup, restored);
        return new SqliteConnectionStringBuilder { DataSource = restored, Pooling = false }.ConnectionString;
    }

    private static async Task<string> PostgresAsync(string connectionString, string workDirectory)
    {
        var source = new NpgsqlConnectionStringBuilder(connectionString);
        var dump = Path.Combine(workDirectory, "harmony.dump");
        await RunAsync(PostgresTool("pg_dump"), source, ["--format=custom", $"--file={dump}", $"--dbname={source.Database}"]);

        var target = new NpgsqlConnectionStringBuilder(connectionString) { Database = source.Database + "_restored" };
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        await RunAsync(PostgresTool("pg_restore"), source, ["--no-owner", "--exit-on-error", $"--dbname={target.Database}", dump]);
        return target.ConnectionString;
    }

    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The newest installed client, as test.sh picks the server (pg_dump must not be older than the server).</summary>
    private static string PostgresTool(string name) =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Path: Path.Combine(d, "bin", name)))
                .Where(t => File.Exists(t.Path))
                .OrderByDescending(t => t.Version)
                .Select(t => t.Path)
                .FirstOrDefault() ?? name
            : name;

    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder server, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { $"--host={server.Host}", $"--port={server.Port}", $"--username={server.Username}", "--no-password" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(server.Password))
        {
            start.Environment["PGPASSWORD"] = server.Password;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {await errors}");
        }
    }

    private static async Task<List<string>> ListAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
