using System.Collections.Concurrent;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace HarmonyPortal.TestSupport;

/// <summary>
/// One database per provider, environment and password cost that a portal has already prepared once: migrated, with
/// the seed regions, rule sets and demo (or no) accounts the portal makes at its first start. A test class's portal
/// copies it (as <see cref="MigratedTemplate"/> copies the migrated one) and its own start-up then finds everything
/// there, instead of seeding some 170 regions, 13 rule sets and 120 accounts again: that seeding was most of a
/// portal's start. The portal that prepares the template runs no background jobs, so the copy holds no job rows.
/// </summary>
public static class SeededTemplate
{
    private static readonly ConcurrentDictionary<(DatabaseProvider, string, int?), Lazy<Task<string>>> Templates =
        new();

    /// <summary>The SQLite file or PostgreSQL database name to copy.</summary>
    public static Task<string> ForAsync(DatabaseProvider provider, string environment, int? passwordHashIterations) =>
        Templates.GetOrAdd(
            (provider, environment, passwordHashIterations),
            key => new Lazy<Task<string>>(() => CreateAsync(key.Item1, key.Item2, key.Item3))).Value;

    private static async Task<string> CreateAsync(DatabaseProvider provider, string environment, int? iterations)
    {
        var template = await TestDatabase.CreateTemplateCopyAsync(provider, await MigratedTemplate.ForAsync(provider));
        MigratedTemplate.RemoveAtExit(() => template.DisposeAsync().AsTask().GetAwaiter().GetResult());
        var preparing = new PreparingPortal(provider, environment, iterations, template);
        await preparing.InitializeAsync();
        await preparing.StopAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            // Everything in the main file, so that a copy of the file alone is the whole database.
            await using var connection = new SqliteConnection(TestDatabase.SqliteConnectionString(template.Name));
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        return template.Name;
    }

    /// <summary>The portal that prepares a template: test settings, no background jobs, on that database.</summary>
    private sealed class PreparingPortal(
        DatabaseProvider provider, string environment, int? iterations, TestDatabase template)
        : PortalFactory(provider, environment)
    {
        protected override int? PasswordHashIterations => iterations;

        protected override bool StartsFromSeededTemplate => false;

        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(template);

        public async Task StopAsync()
        {
            await DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                foreach (var jobHost in services.Where(d => d.ImplementationType == typeof(JobHostService)).ToList())
                {
                    services.Remove(jobHost);
                }
            });
        }
    }
}
