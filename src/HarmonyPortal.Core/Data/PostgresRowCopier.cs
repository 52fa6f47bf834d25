using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace HarmonyPortal.Core.Data;

/// <summary>
/// PostgreSQL's side of <see cref="BulkInsert"/>: the rows sent by binary <c>COPY … FROM STDIN</c> (ADR 0034) instead of
/// multi-row INSERTs of 8,000 parameters, which PostgreSQL parsed and planned per statement and Npgsql encoded per
/// parameter. COPY runs inside the connection's open transaction (all or nothing as before); the statement-level
/// triggers that keep <c>LedgerRowCounts</c> fire for COPY as for INSERT (ADR 0010); identity keys are assigned in the
/// rows' order, as the import's read-back of its new ids expects. Each value is written as the provider value EF would
/// bind, under the column's store type without facets ("character varying", "numeric", "timestamp with time zone").
/// </summary>
internal static class PostgresRowCopier
{
    public static async Task CopyAsync<TEntity>(NpgsqlConnection connection, IEntityType entity, IProperty[] columns, RelationalTypeMapping[] mappings,
        IReadOnlyList<TEntity> rows, Microsoft.EntityFrameworkCore.Metadata.IClrPropertyGetter[] getters, Func<RelationalTypeMapping, object?, object> providerValue, CancellationToken ct)
        where TEntity : class
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var names = string.Join(", ", columns.Select(p => Quote(p.GetColumnName(table)!)));
        var target = table.Schema is null ? Quote(table.Name) : Quote(table.Schema) + "." + Quote(table.Name);
        var types = mappings.Select(m => m.StoreTypeNameBase).ToArray();
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            for (var c = 0; c < mappings.Length; c++)
            {
                var value = providerValue(mappings[c], getters[c].GetClrValueUsingContainingEntity(row));
                if (value is DBNull)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(value, types[c], ct);
                }
            }
        }

        await copy.CompleteAsync(ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
