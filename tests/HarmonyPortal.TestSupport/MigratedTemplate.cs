using System.Collections.Concurrent;
using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HarmonyPortal.TestSupport;

/// <summary>
/// One migrated database per provider per test process: the first test class that needs a migrated database
/// migrates an empty one, and every other class copies it (a file copy for SQLite, <c>CREATE DATABASE … TEMPLATE</c>
/// for PostgreSQL) instead of running every migration again. The template is removed when the process ends.
/// The tests that an empty database migrates (MigrationTests) still start from an empty one.
/// </summary>
public static class MigratedTemplate
{
    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<string>>> Templates = new();
    private static readonly ConcurrentBag<Action> Cleanups = [];

    static MigratedTemplate() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll();

    /// <summary>The SQLite file or PostgreSQL database name to copy for <paramref name="provider"/>.</summary>
    public static Task<string> ForAsync(DatabaseProvider provider) =>
        Templates.GetOrAdd(provider, p => new Lazy<Task<string>>(() => CreateAsync(p))).Value;

    /// <summary>Removes another template (<see cref="SeededTemplate"/>) when the process ends, with this one.</summary>
    internal static void RemoveAtExit(Action cleanup) => Cleanups.Add(cleanup);

    private static async Task<string> CreateAsync(DatabaseProvider provider)
    {
        var name = "hp_template_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = TestDatabase.SqlitePath(name);
            Cleanups.Add(() => TestDatabase.DeleteSqliteFiles(path));
            await MigrateAsync(provider, TestDatabase.SqliteConnectionString(path));
            return path;
        }

        // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template: no pooled connection stays.
        await TestDatabase.CreatePostgresDatabaseAsync(name, "template0");
        Cleanups.Add(() => TestDatabase.DropPostgresDatabaseAsync(name).GetAwaiter().GetResult());
        await MigrateAsync(provider, TestDatabase.PostgresConnectionString(name) + ";Pooling=false");

        return name;
    }

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        await using var db = new HarmonyDbContext(HarmonyDatabase.Options(provider, connectionString));
        await db.Database.MigrateAsync();
    }

    private static void RemoveAll()
    {
        foreach (var cleanup in Cleanups)
        {
            try
            {
                cleanup();
            }
            catch (Exception e) when (e is IOException or NpgsqlException or InvalidOperationException)
            {
                // Best effort: the throwaway cluster of test.sh goes away anyway.
            }
        }
    }
}
