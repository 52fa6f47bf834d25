using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>On start: migrate the database, load the seed regions, and create the demo or bootstrap accounts.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<PortalOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HarmonyDbContext>();
        var logger = services.GetRequiredService<ILogger<PortalOptions>>();

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite gives -wal and -shm the mode of the database file: made owner-only here, before SQLite makes it.
            CreateOwnerOnlyDatabaseFile(db);
        }

        if (options.MigrateOnStartup)
        {
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers work while one writer commits; the setting persists in the file.
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                await db.Database.CloseConnectionAsync();
            }

            await MigrationHistoryGuard.EnsureKnownHistoryAsync(db.Database);
            await db.Database.MigrateAsync();
            logger.LogInformation("Database migrated");
        }

        if (await RegionSeeder.SeedIfEmptyAsync(db))
        {
            logger.LogInformation("Seed regions loaded");
        }

        OwnerOnlyFiles.Tighten(options.DataDirectory, options.KeysDirectory);
        await HarmonyPortal.Core.Rules.RuleSetSeeder.SeedMissingAsync(db, DateTime.UtcNow);
        await BootstrapAdmin.EnsureAsync(services, app.Configuration);
        if (options.SeedDemoData)
        {
            var accounts = await DemoAccounts.EnsureAsync(services);
            DemoAccounts.Print(accounts, app.Configuration["urls"] ?? app.Configuration["ASPNETCORE_URLS"]);
            if (app.Configuration.GetValue("Demo:SampleLedgers", true))
            {
                await DemoCoverage.EnsureAsync(services, services.GetRequiredService<TimeProvider>().GetLocalNow().Year);
                await DemoContacts.EnsureAsync(services);
                var took = (long)(await Demo.DemoActivity.EnsureAsync(app.Services, services.GetRequiredService<TimeProvider>().GetLocalNow().Year)).TotalMilliseconds;
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Demo activity ready in {Milliseconds} ms", took);
                }
            }
        }
    }

    /// <summary>An empty file is a valid new SQLite database; made 0600 so that its journal files are too.</summary>
    private static void CreateOwnerOnlyDatabaseFile(HarmonyDbContext db)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!File.Exists(path))
        {
            OwnerOnlyFiles.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            OwnerOnlyFiles.Create(path).Dispose();
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            OwnerOnlyFiles.Restrict(file);
        }
    }
}
