using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HarmonyPortal.TestSupport;

/// <summary>
/// A throwaway database for one test class: a fresh SQLite file, or a fresh database on the
/// PostgreSQL server named by HARMONY_TEST_PG (test.sh starts one). Dropped on dispose.
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

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            throw new NotSupportedException("No SQL Server engine runs here; SQL Server is checked by parsing its migration script (SqlServerMigrationScriptTests).");
        }

        var name = "hp_" + Guid.NewGuid().ToString("N")[..16];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(TestPaths.Scratch("sqlite"), name + ".db");
            return new TestDatabase(provider, $"Data Source={path};Pooling=False", path, null);
        }

        var server = ServerConnectionString();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, null, name);
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
            foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(ServerConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresVariable} (a connection string to a server where the user may create databases). " +
                "Run ./test.sh, which starts a throwaway cluster and sets it.");
}
