using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HarmonyPortal.TestSupport;

/// <summary>
/// A throwaway database for one test class: a fresh SQLite file, or a fresh database on the
/// PostgreSQL server named by HARMONY_TEST_PG (test.sh starts one). Dropped on dispose.
/// <see cref="CreateAsync"/> gives an empty database (for the tests of migrating itself);
/// <see cref="CreateMigratedAsync"/> copies the run's migrated template (<see cref="MigratedTemplate"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "HARMONY_TEST_PG";

    private readonly string? sqlitePath;
    private readonly string? postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqlitePath = sqlitePath;
        this.postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>An empty database: the tests that an empty database migrates start here.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => CreateFromAsync(provider, template: null);

    /// <summary>A database already at the latest migration: a copy of the template this test run migrated once.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider) =>
        await CreateFromAsync(provider, await MigratedTemplate.ForAsync(provider));

    /// <summary>A copy of <paramref name="template"/> (a SQLite file or a PostgreSQL database name).</summary>
    public static Task<TestDatabase> CreateTemplateCopyAsync(DatabaseProvider provider, string template) =>
        CreateFromAsync(provider, template);

    /// <summary>The SQLite file or PostgreSQL database name, for a database that becomes a template.</summary>
    public string Name => sqlitePath ?? postgresName!;

    private static async Task<TestDatabase> CreateFromAsync(DatabaseProvider provider, string? template)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            throw new NotSupportedException("No SQL Server engine runs here; SQL Server is checked by parsing its migration script (SqlServerMigrationScriptTests).");
        }

        var name = NewName();
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = SqlitePath(name);
            if (template is not null)
            {
                File.Copy(template, path);
            }

            // Pooled, as the portal's own default: without pooling every command opened the file and read its schema
            // again (templates are made without pooling, so that a closed connection leaves nothing in the WAL file).
            return new TestDatabase(provider, $"Data Source={path}", path, null);
        }

        await CreatePostgresDatabaseAsync(name, template ?? "template0");
        return new TestDatabase(provider, PostgresConnectionString(name), null, name);
    }

    public HarmonyDbContext CreateContext() => new(HarmonyDatabase.Options(Provider, ConnectionString));

    public async Task<HarmonyDbContext> CreateMigratedContextAsync()
    {
        var db = CreateContext();
        await db.Database.MigrateAsync();
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (sqlitePath is not null)
        {
            using (var pooled = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }

            DeleteSqliteFiles(sqlitePath);
        }

        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await DropPostgresDatabaseAsync(postgresName);
        }
    }

    internal static string NewName() => "hp_" + Guid.NewGuid().ToString("N")[..16];

    internal static string SqlitePath(string name) => Path.Combine(TestPaths.Scratch("sqlite"), name + ".db");

    internal static string SqliteConnectionString(string path) => $"Data Source={path};Pooling=False";

    internal static void DeleteSqliteFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    internal static string PostgresConnectionString(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name }.ConnectionString;

    internal static async Task CreatePostgresDatabaseAsync(string name, string template)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE \"{template}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task DropPostgresDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresVariable} (a connection string to a server where the user may create databases). " +
                "Run ./test.sh, which starts a throwaway cluster and sets it.");
}
