using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HarmonyPortal.Core.Data;

/// <summary>
/// Configures the DbContext for the chosen provider. Each provider keeps its migrations in its own
/// assembly (docs/adr/0004); provider-specific behaviour stays behind this one switch.
/// </summary>
public static class HarmonyDatabase
{
    public const string SqliteMigrationsAssembly = "HarmonyPortal.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "HarmonyPortal.Migrations.Postgres";
    public const string SqlServerMigrationsAssembly = "HarmonyPortal.Migrations.SqlServer";

    public static DbContextOptionsBuilder UseHarmonyProvider(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            // No retrying execution strategy: the portal opens its own transactions (imports, year-end jobs), which a
            // retrying strategy refuses unless every one is wrapped in it (docs/adr/0013).
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly)),
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
        "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
        _ => throw new InvalidOperationException(
            $"Database:Provider '{value}' is not supported; use 'Sqlite', 'Postgres' or 'SqlServer'."),
    };

    /// <summary>The provider a context was configured with: what provider-specific code switches on.</summary>
    public static DatabaseProvider ProviderOf(DatabaseFacade database) =>
        database.IsSqlite() ? DatabaseProvider.Sqlite
        : database.IsNpgsql() ? DatabaseProvider.Postgres
        : database.IsSqlServer() ? DatabaseProvider.SqlServer
        : throw new NotSupportedException($"The database provider {database.ProviderName} is not one of the portal's.");
}
