using Npgsql;

namespace HarmonyPortal.Reliability;

/// <summary>What every scenario needs: the published portal, a scratch folder, the PostgreSQL server and how to restart it.</summary>
public sealed class Run(string published, string work, string? postgresServer, string? postgresRestart, Report report, int firstPort = 57000)
{
    private int nextPort = firstPort;

    public string Published => published;

    public Report Report => report;

    public string? PostgresServer => postgresServer;

    /// <summary>A shell command that restarts the PostgreSQL server (pg_ctl restart -m fast).</summary>
    public string? PostgresRestart => postgresRestart;

    public int Year { get; } = DateTime.Now.Year;

    public int Port() => nextPort++ is var port && port <= 57099 ? port : throw new InvalidOperationException("ports 57000–57099 used up");

    /// <summary>An empty folder under the scratch folder.</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(work, name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A fresh database for a scenario: a new SQLite file in <paramref name="dataDirectory"/>, or a new PostgreSQL database.</summary>
    public async Task<Database> FreshDatabaseAsync(string provider, string name, string dataDirectory)
    {
        if (provider == "Sqlite")
        {
            return new Database(provider, $"Data Source={Path.Combine(dataDirectory, "harmony.db")}");
        }

        var server = postgresServer ?? throw new InvalidOperationException("--pg is required for PostgreSQL scenarios");
        return new Database(provider, await Database.CreatePostgresAsync(server, "harmony_rel_" + name));
    }

    public static void ClearPools() => NpgsqlConnection.ClearAllPools();
}
