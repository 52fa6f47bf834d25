using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HarmonyPortal.Reliability;

/// <summary>Counts straight from the database the portal wrote to, afterwards, in plain SQL.</summary>
public sealed class Database(string provider, string connectionString)
{
    public string Provider => provider;

    public string ConnectionString => connectionString;

    public bool IsSqlite => provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);

    public DbConnection Open()
    {
        DbConnection connection = IsSqlite ? new SqliteConnection(connectionString + ";Pooling=False") : new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<object[]>> RowsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 120;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>A fresh, empty PostgreSQL database on the server; returns its connection string.</summary>
    public static async Task<string> CreatePostgresAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public async Task<int> RegionIdAsync(string code) => await ScalarAsync<int>("SELECT \"Id\" FROM \"Regions\" WHERE \"Code\" = @code", ("@code", code));

    /// <summary>County regions under the province with <paramref name="provinceCode"/> (GB/T 2260: same first two digits, not ending in 00).</summary>
    public async Task<List<(int Id, string Code)>> CountiesAsync(string provinceCode) =>
        [.. (await RowsAsync("SELECT \"Id\", \"Code\" FROM \"Regions\" WHERE \"Level\" = 3 AND \"Code\" LIKE @prefix ORDER BY \"Code\"", ("@prefix", provinceCode[..2] + "%")))
            .Select(r => (Convert.ToInt32(r[0]), (string)r[1]))];
}
