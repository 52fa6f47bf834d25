using System.Data.Common;
using System.Text.RegularExpressions;
using HarmonyPortal.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace HarmonyPortal.Bench.Data;

/// <summary>
/// Writes entities of one mapped type straight into its table, columns and conversions read from the product's
/// EF model (so the rows are exactly what the portal would have stored): SQLite through one prepared INSERT inside
/// the caller's transaction, PostgreSQL through binary COPY. Keys are written as given.
/// </summary>
internal sealed partial class BulkTable<T> : IAsyncDisposable
    where T : class
{
    private readonly IProperty[] properties;
    private readonly Func<object?, object?>[] toProvider;
    private readonly SqliteCommand? insert;
    private readonly SqliteParameter[] parameters = [];
    private readonly NpgsqlBinaryImporter? copy;
    private readonly string[] postgresTypes = [];

    private BulkTable(IEntityType entity, SqliteCommand? insert, NpgsqlBinaryImporter? copy)
    {
        properties = [.. entity.GetProperties()];
        toProvider = [.. properties.Select(p => (p.GetValueConverter() ?? p.GetTypeMapping().Converter) is { } converter
            ? converter.ConvertToProvider
            : (Func<object?, object?>)(v => v))];
        this.insert = insert;
        this.copy = copy;
        if (insert is not null)
        {
            parameters = [.. properties.Select((p, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null)))];
            insert.Prepare();
        }
        else
        {
            postgresTypes = [.. properties.Select(p => Facets().Replace(p.GetColumnType(), ""))];
        }
    }

    public static async Task<BulkTable<T>> OpenAsync(HarmonyDbContext db, DbConnection connection, DbTransaction? transaction)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName()!;
        var columns = string.Join(", ", entity.GetProperties().Select(p => $"\"{p.GetColumnName()}\""));
        if (connection is SqliteConnection sqlite)
        {
            var command = sqlite.CreateCommand();
            command.Transaction = (SqliteTransaction?)transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({columns}) VALUES ({string.Join(", ", entity.GetProperties().Select((_, i) => $"$p{i}"))})";
            return new BulkTable<T>(entity, command, null);
        }

        var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync($"COPY \"{table}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        return new BulkTable<T>(entity, null, importer);
    }

    public async Task WriteAsync(T row)
    {
        if (insert is not null)
        {
            for (var i = 0; i < properties.Length; i++)
            {
                parameters[i].Value = toProvider[i](properties[i].GetGetter().GetClrValue(row)) ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync();
            return;
        }

        await copy!.StartRowAsync();
        for (var i = 0; i < properties.Length; i++)
        {
            var value = toProvider[i](properties[i].GetGetter().GetClrValue(row));
            if (value is null)
            {
                await copy.WriteNullAsync();
            }
            else
            {
                await copy.WriteAsync(value, postgresTypes[i]);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (insert is not null)
        {
            await insert.DisposeAsync();
        }

        if (copy is not null)
        {
            await copy.CompleteAsync();
            await copy.DisposeAsync();
        }
    }

    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex Facets();
}
