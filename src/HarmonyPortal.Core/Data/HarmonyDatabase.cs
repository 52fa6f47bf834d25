using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Data;

/// <summary>
/// Configures the DbContext for the chosen provider. Each provider keeps its migrations in its own
/// assembly (docs/adr/0004); provider-specific behaviour stays behind this one switch.
/// </summary>
public static class HarmonyDatabase
{
    public const string SqliteMigrationsAssembly = "HarmonyPortal.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "HarmonyPortal.Migrations.Postgres";

    public static DbContextOptionsBuilder UseHarmonyProvider(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    public static DbContextOptions<HarmonyDbContext> Options(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<HarmonyDbContext>();
        builder.UseHarmonyProvider(provider, connectionString);
        return builder.Options;
    }

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"Database:Provider '{value}' is not supported; use 'Sqlite' or 'Postgres'."),
    };
}
